// `lexicon check`: everything that can be wrong with a lexicon dir, as
// file:line messages, errors and warnings alike.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_map>

#include "lexicon/lexicon.h"
#include "lexicon/rule_file.h"
#include "normalize/normalizer.h"
#include "normalize/segmenter.h"

namespace conduct {
namespace {

// The context in which a rule's own examples are run: its first register and
// first speaker as written.
MatchContext example_context(const Rule& rule) {
  if (rule.first_register == Register::report) {
    // Narration by the author (notes), or by a customer in a transcript.
    if (rule.first_speaker == static_cast<std::uint8_t>(Speaker::customer)) {
      return {Register::speech, Role::customer};
    }
    return {Register::report, Role::customer};
  }
  if (rule.first_speaker == static_cast<std::uint8_t>(Speaker::customer)) {
    return {Register::speech, Role::customer};
  }
  if (rule.first_speaker == static_cast<std::uint8_t>(Speaker::author)) {
    return {Register::report, Role::customer};
  }
  return {Register::speech, Role::agent};
}

// The ids of the rules whose hits count on one example.
std::vector<const Rule*> firing_rules(const Lexicon& lexicon, const std::string& example,
                                      const MatchContext& context, std::vector<RuleHit>& hits) {
  hits.clear();
  const NormalizedText normalized = normalize(example);
  lexicon.match(normalized.text, context, hits);
  std::vector<const Rule*> fired;
  for (const auto& hit : hits) fired.push_back(hit.rule);
  std::sort(fired.begin(), fired.end());
  fired.erase(std::unique(fired.begin(), fired.end()), fired.end());
  return fired;
}

// Whether a follow-up rule fires on a multi-sentence example as the pipeline
// runs it: its pattern in one sentence, its `then` in one of the next
// `within` sentences.
bool follow_up_fires(const Lexicon& lexicon, const Rule& rule, const std::string& example,
                     const MatchContext& context, std::vector<RuleHit>& hits) {
  std::vector<std::string> sentences;
  for (const ByteSpan span : split_sentences(example)) {
    sentences.push_back(normalize(std::string_view(example).substr(span.begin, span.size())).text);
  }
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    hits.clear();
    lexicon.match(sentences[i], context, hits);
    const bool anchored =
        std::any_of(hits.begin(), hits.end(), [&](const RuleHit& h) { return h.rule == &rule; });
    if (!anchored) continue;
    for (std::size_t j = i + 1; j < sentences.size() && j - i <= rule.within; ++j) {
      if (lexicon.follow_up(rule, sentences[j])) return true;
    }
  }
  return false;
}

// The context of one example: its own speaker and register where it names
// them, else the rule's.
MatchContext context_of(const Rule& rule, const std::vector<ExampleContext>& contexts,
                        std::size_t i) {
  MatchContext context = example_context(rule);
  if (i >= contexts.size()) return context;
  const ExampleContext& own = contexts[i];
  if (own.reg) context.reg = *own.reg;
  if (own.speaker) {
    context.role =
        *own.speaker == static_cast<std::uint8_t>(Speaker::agent) ? Role::agent : Role::customer;
    if (*own.speaker == static_cast<std::uint8_t>(Speaker::author)) {
      context.reg = Register::report;
    }
  }
  return context;
}

bool contains(const std::vector<const Rule*>& rules, const Rule* rule) {
  return std::binary_search(rules.begin(), rules.end(), rule);
}

void run_examples(const Lexicon& lexicon, std::vector<LintMessage>& messages) {
  std::vector<RuleHit> hits;
  for (const auto& rule : lexicon.rules()) {
    // Rules of the same category that fire on every match example so far.
    std::vector<const Rule*> shadowing;
    for (std::size_t i = 0; i < rule.match.size(); ++i) {
      const MatchContext context = context_of(rule, rule.match_contexts, i);
      const auto fired = firing_rules(lexicon, rule.match[i], context, hits);
      const std::size_t line = i < rule.match_lines.size() ? rule.match_lines[i] : rule.line;
      // A then_absent follow-up counts on its first part alone (the answer
      // never comes within the example).
      const bool fires = rule.then.empty() || rule.then_absent
                             ? contains(fired, &rule)
                             : follow_up_fires(lexicon, rule, rule.match[i], context, hits);
      if (!fires) {
        messages.push_back(
            {Error{ErrorCode::lexicon_example,
                   "rule '" + rule.id + "': match example does not fire: \"" + rule.match[i] + "\"",
                   rule.file, line},
             false});
      }
      std::vector<const Rule*> same_category;
      for (const Rule* other : fired) {
        // A follow-up rule's first part alone is no finding, so it shadows nothing.
        if (other != &rule && other->category == rule.category && other->then.empty()) {
          same_category.push_back(other);
        }
      }
      if (i == 0) {
        shadowing = same_category;
      } else {
        std::vector<const Rule*> kept;
        std::set_intersection(shadowing.begin(), shadowing.end(), same_category.begin(),
                              same_category.end(), std::back_inserter(kept));
        shadowing = std::move(kept);
      }
    }
    // A follow-up rule's examples span sentences, which ordinary rules never
    // see at once: a shadow found on the whole example would be no shadow.
    if (!rule.match.empty() && !shadowing.empty() && rule.then.empty()) {
      messages.push_back(
          {Error{ErrorCode::lexicon_shadowed,
                 "rule '" + rule.id + "' is shadowed by '" + shadowing.front()->id + "' (" +
                     shadowing.front()->file + ":" + std::to_string(shadowing.front()->line) +
                     "): every match example also fires it",
                 rule.file, rule.line},
           true});
    }
    for (std::size_t i = 0; i < rule.no_match.size(); ++i) {
      const MatchContext context = context_of(rule, rule.no_match_contexts, i);
      const bool fires =
          rule.then.empty() || rule.then_absent
              ? contains(firing_rules(lexicon, rule.no_match[i], context, hits), &rule)
              : follow_up_fires(lexicon, rule, rule.no_match[i], context, hits);
      if (fires) {
        const std::size_t line =
            i < rule.no_match_lines.size() ? rule.no_match_lines[i] : rule.line;
        messages.push_back(
            {Error{ErrorCode::lexicon_example,
                   "rule '" + rule.id + "': no_match example fires: \"" + rule.no_match[i] + "\"",
                   rule.file, line},
             false});
      }
    }
  }
}

}  // namespace

std::vector<LintMessage> check_lexicons(const std::filesystem::path& dir, LexiconCounts* counts,
                                        const CategoryTable& categories) {
  std::vector<LintMessage> messages;
  const auto paths = lexicon_file_paths(dir.string(), messages);
  const PhraseLists lists = read_shared_lists(dir.string(), messages, nullptr);
  std::vector<Rule> rules;
  std::unordered_map<std::string, std::pair<std::string, std::size_t>> ids;
  std::unordered_map<std::string, std::pair<std::string, std::size_t>> themes;
  std::size_t rule_tables = 0;
  for (const auto& path : paths) {
    auto bytes = read_lexicon_bytes(path, "lexicon file");
    if (!bytes.ok()) {
      messages.push_back({bytes.error(), false});
      continue;
    }
    LexiconFile file = parse_lexicon_file(path, bytes.value(), messages, lists, categories);
    rule_tables += file.rule_tables;
    if (!file.theme.empty()) {
      auto [it, fresh] = themes.emplace(file.theme, std::make_pair(path, file.theme_line));
      if (!fresh) {
        messages.push_back(
            {Error{ErrorCode::lexicon_duplicate_theme,
                   "duplicate theme '" + file.theme + "' (also in " + it->second.first + ":" +
                       std::to_string(it->second.second) + ")",
                   path, file.theme_line},
             false});
      }
    }
    for (auto& rule : file.rules) {
      auto [it, fresh] = ids.emplace(rule.id, std::make_pair(rule.file, rule.line));
      if (!fresh) {
        messages.push_back(
            {Error{ErrorCode::lexicon_duplicate_id,
                   "duplicate rule id '" + rule.id + "' (first defined at " + it->second.first +
                       ":" + std::to_string(it->second.second) + ")",
                   rule.file, rule.line},
             false});
        continue;
      }
      rules.push_back(std::move(rule));
    }
  }
  if (counts != nullptr) *counts = {rule_tables, paths.size()};

  auto lexicon =
      Lexicon::from_rules(std::move(rules), clause_words_of(lists), reporting_frame_of(lists));
  if (!lexicon.ok()) {
    messages.push_back({lexicon.error(), false});
  } else {
    run_examples(lexicon.value(), messages);
  }
  // File order, then line: the order a person fixes them in.
  std::stable_sort(messages.begin(), messages.end(),
                   [](const LintMessage& a, const LintMessage& b) {
                     if (a.error.file != b.error.file) return a.error.file < b.error.file;
                     return a.error.line < b.error.line;
                   });
  return messages;
}

}  // namespace conduct
