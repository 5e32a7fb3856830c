#include "score/required_lines.h"

#include <re2/re2.h>

#include "lexicon/phrase.h"

namespace conduct {
namespace {

bool company_speech(const Turn& turn) {
  return turn.reg == Register::speech && (turn.role == Role::agent || turn.role == Role::system);
}

}  // namespace

Result<RequiredLineChecker> RequiredLineChecker::compile(const std::vector<RequiredLine>& lines) {
  RequiredLineChecker checker;
  for (const RequiredLine& line : lines) {
    std::string alternation;
    for (const std::string& phrase : line.phrases) {
      const std::string pattern = phrase_to_pattern(phrase);
      if (pattern.empty()) {
        return Error{ErrorCode::invalid_policy,
                     "required line '" + line.name + "': phrase '" + phrase + "' holds no word",
                     "policy", 0};
      }
      if (!alternation.empty()) alternation += '|';
      alternation += "(?:" + pattern + ")";
    }
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    auto compiled = std::make_shared<const RE2>(alternation, options);
    if (!compiled->ok()) {
      return Error{ErrorCode::invalid_policy,
                   "required line '" + line.name + "': " + compiled->error(), "policy", 0};
    }
    checker.lines_.push_back(line);
    checker.patterns_.push_back(std::move(compiled));
  }
  return checker;
}

std::vector<RequiredLineCheck> RequiredLineChecker::check(const std::vector<Sentence>& sentences,
                                                          const Document& document) const {
  std::vector<RequiredLineCheck> checks;
  if (patterns_.empty()) return checks;
  std::vector<std::size_t> company_turns;
  for (std::size_t t = 0; t < document.turns.size(); ++t) {
    if (company_speech(document.turns[t])) company_turns.push_back(t);
  }
  if (company_turns.empty()) return checks;
  for (std::size_t l = 0; l < lines_.size(); ++l) {
    const RequiredLine& line = lines_[l];
    // The window, as a range of company-side turn indices.
    std::size_t first = 0;
    std::size_t last = company_turns.size();
    if (line.first_turns > 0) {
      last = std::min(last, static_cast<std::size_t>(line.first_turns));
    } else if (line.last_turns > 0 && last > static_cast<std::size_t>(line.last_turns)) {
      first = last - static_cast<std::size_t>(line.last_turns);
    }
    std::optional<RequiredLineCheck> due;
    std::optional<RequiredLineCheck> said;
    for (std::size_t s = 0; s < sentences.size() && !said; ++s) {
      const Sentence& sentence = sentences[s];
      const auto at = std::lower_bound(company_turns.begin() + static_cast<std::ptrdiff_t>(first),
                                       company_turns.begin() + static_cast<std::ptrdiff_t>(last),
                                       sentence.turn);
      if (at == company_turns.begin() + static_cast<std::ptrdiff_t>(last) || *at != sentence.turn)
        continue;
      if (!due) due = RequiredLineCheck{l, false, s, {0, sentence.normalized_text.size()}};
      re2::StringPiece match;
      const re2::StringPiece text(sentence.normalized_text.data(), sentence.normalized_text.size());
      if (patterns_[l]->Match(text, 0, text.size(), RE2::UNANCHORED, &match, 1)) {
        const auto begin = static_cast<std::size_t>(match.data() - text.data());
        said = RequiredLineCheck{l, true, s, {begin, begin + match.size()}};
      }
    }
    if (said) {
      checks.push_back(*said);
    } else if (due) {
      checks.push_back(*due);
    }
  }
  return checks;
}

}  // namespace conduct
