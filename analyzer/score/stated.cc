#include "score/stated.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>
#include <string>

#include "score/number_words.h"

namespace conduct {
namespace {

enum class StatedKind { balance, adjustment };
// How the value's sign is found: from the stated sign ("negative 17",
// "-20", "minus two"), or fixed by a verb ("deduct 3" is always -3).
enum class SignFrom { stated, always_negative };

// Every pattern has the same three capturing groups: 1 the evidence quoted,
// 2 the sign (may be empty), 3 the magnitude.
struct StatedPattern {
  StatedKind kind;
  SignFrom sign_from;
  bool needs_sign_or_points;  // a bare "at 5" is not a score
  std::unique_ptr<RE2> re;
};

std::string expand_stated_pattern(std::string_view pattern) {
  static constexpr std::string_view kSign = R"(((?:negative|minus|plus|positive)\s+|[-+]|−|–)?)";
  static constexpr std::string_view kPoints = R"((?:\s+(?:points?|pts?\b\.?)))";
  std::string out = "(?i)";
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.substr(i, 3) == "{N}") {
      out += kSign;
      out += "(";
      out += kNumberPattern;
      out += R"()\b)";
      i += 2;
    } else if (pattern.substr(i, 3) == "{P}") {
      out += kPoints;
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

// Compiled once and never modified: shared read-only by every thread.
const std::vector<StatedPattern>& stated_patterns() {
  static const std::vector<StatedPattern> patterns = [] {
    struct Source {
      StatedKind kind;
      SignFrom sign_from;
      bool needs_sign_or_points;
      std::string_view pattern;
    };
    const std::array<Source, 7> sources = {{
        // "is now at negative 17 points", "puts them at -20", "they're at -20"
        {StatedKind::balance, SignFrom::stated, true,
         R"(\b(?:now|is|are|was|were|'re|’re|'s|’s|stands?|stood|sits?|puts?|putting|brings?|brought|bringing|leaves?|leaving|left|them|him|her|it|us)\s+(?:now\s+|currently\s+|still\s+|already\s+)?at\s+({N}{P}?))"},
        // "down to negative 20 points", "dropped to -5"
        {StatedKind::balance, SignFrom::stated, true,
         R"(\b(?:down|up|drops?|dropped|falls?|fell|goes|went|climbs?|climbed|rises|rose)\s+to\s+({N}{P}?))"},
        // "score: +5", "running total is -12 points", "balance now at minus 3"
        {StatedKind::balance, SignFrom::stated, true,
         R"(\b(?:score|tally|balance|running total|total)(?:\s*[:=]|\s+(?:is|was|now|stands|sits|at|of))+\s*({N}{P}?))"},
        // "deduct 3 points", "take away another two points", "dock them 5 points"
        {StatedKind::adjustment, SignFrom::always_negative, false,
         R"(\b((?:deduct(?:ed|ing|s)?|subtract(?:ed|ing|s)?|(?:take|takes|taking|took)\s+(?:away|off)|knock(?:ed|ing|s)?\s+off|dock(?:ed|ing|s)?|remov(?:e|ed|es|ing)|los(?:e|es|ing)|lost)\s+(?:(?:them|him|her|it|another|an\s+additional|a\s+further)\s+)?{N}(?:\s+more)?{P}))"},
        // "3 points off", "two points deducted"
        {StatedKind::adjustment, SignFrom::always_negative, false,
         R"(\b({N}(?:\s+more)?{P}\s+(?:off|deducted|docked|subtracted|taken\s+away|taken\s+off|lost)))"},
        // "I'll give them 5 points", "add two points", "T-Mobile earns 3 points"
        {StatedKind::adjustment, SignFrom::stated, false,
         R"(\b((?:giv(?:e|es|ing)|gave|add(?:ed|ing|s)?|award(?:ed|ing|s)?|earn(?:ed|ing|s)?|gain(?:ed|ing|s)?|gets?|got|deserv(?:e|es|ed)|restor(?:e|ed|es|ing))\s+(?:(?:them|him|her|it|back|another|an\s+extra|[a-z][a-z\-]*)\s+){0,2}?{N}(?:\s+(?:more|extra|bonus))?{P}))"},
        // "minus two", "plus 1 point", "-3 points for the hold"
        {StatedKind::adjustment, SignFrom::stated, false,
         R"((?:^|[\s(:;,])((?:(minus|plus)\s+|([-+]|−|–)){N}{P}?))"},
    }};
    std::vector<StatedPattern> out;
    for (const auto& source : sources) {
      out.push_back({source.kind, source.sign_from, source.needs_sign_or_points,
                     std::make_unique<RE2>(expand_stated_pattern(source.pattern))});
    }
    return out;
  }();
  return patterns;
}

struct Candidate {
  StatedKind kind;
  int value;
  std::size_t begin;  // in the sentence's original text
  std::size_t end;
};

bool is_negative_sign(std::string_view sign) {
  return !sign.empty() && (sign[0] == '-' || sign[0] == 'n' || sign[0] == 'N' || sign[0] == 'm' ||
                           sign[0] == 'M' || sign.substr(0, 3) == "−" || sign.substr(0, 3) == "–");
}

// True when the quoted words end in "point(s)" or "pt(s)" (the {P} group).
bool mentions_points(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find(" point") != std::string::npos || lower.find(" pt") != std::string::npos;
}

// All stated values of one sentence: balances first (a balance's number is not
// also an adjustment), then adjustments that do not overlap anything taken.
std::vector<Candidate> find_in_sentence(std::string_view text) {
  std::vector<Candidate> taken;
  for (const auto& pattern : stated_patterns()) {
    const RE2& re = *pattern.re;
    const int groups = re.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> match(static_cast<std::size_t>(groups) + 1);
    std::size_t position = 0;
    while (position <= text.size() &&
           re.Match(text, position, text.size(), RE2::UNANCHORED, match.data(), groups + 1)) {
      const std::size_t match_end = static_cast<std::size_t>(match[0].end() - text.data());
      position = std::max(match_end, position + 1);
      const re2::StringPiece evidence = match[1];
      // The last two groups are always sign and magnitude; the minus/plus rule
      // has a word sign and a symbol sign, either may be set.
      std::string_view sign;
      for (int g = 2; g < groups; ++g) {
        if (!match[g].empty()) sign = std::string_view(match[g].data(), match[g].size());
      }
      const auto magnitude =
          parse_number(std::string_view(match[groups].data(), match[groups].size()));
      if (!magnitude || evidence.empty()) continue;
      const std::string_view quoted(evidence.data(), evidence.size());
      if (pattern.needs_sign_or_points && sign.empty() && !mentions_points(quoted)) {
        continue;
      }
      const bool negative =
          pattern.sign_from == SignFrom::always_negative || is_negative_sign(sign);
      const std::size_t begin = static_cast<std::size_t>(evidence.data() - text.data());
      const Candidate candidate{pattern.kind, negative ? -*magnitude : *magnitude, begin,
                                begin + evidence.size()};
      const bool overlaps_taken =
          std::any_of(taken.begin(), taken.end(), [&candidate](const Candidate& other) {
            return candidate.begin < other.end && other.begin < candidate.end;
          });
      if (!overlaps_taken) taken.push_back(candidate);
    }
  }
  std::sort(taken.begin(), taken.end(),
            [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  return taken;
}

Evidence evidence_of(const Sentence& sentence, const Document& document, std::size_t begin,
                     std::size_t end) {
  Evidence evidence;
  evidence.text = std::string(sentence.text.substr(begin, end - begin));
  evidence.start = sentence.original.begin + begin;
  evidence.end = sentence.original.begin + end;
  evidence.line = sentence.line;
  if (sentence.line > 0) {
    evidence.line += static_cast<std::size_t>(
        std::count(sentence.text.begin(), sentence.text.begin() + begin, '\n'));
  }
  evidence.turn = sentence.turn;
  if (sentence.turn < document.turns.size()) {
    const Turn& turn = document.turns[sentence.turn];
    evidence.source = turn.source;
    evidence.begin_ms = turn.begin_ms;
    evidence.end_ms = turn.end_ms;
  }
  return evidence;
}

}  // namespace

StatedPoints read_stated_points(const std::vector<Sentence>& sentences, const Document& document) {
  StatedPoints stated;
  for (const Sentence& sentence : sentences) {
    for (const Candidate& candidate : find_in_sentence(sentence.text)) {
      StatedValue value{candidate.value,
                        evidence_of(sentence, document, candidate.begin, candidate.end)};
      auto& list = candidate.kind == StatedKind::balance ? stated.balances : stated.adjustments;
      list.push_back(std::move(value));
    }
  }
  return stated;
}

}  // namespace conduct
