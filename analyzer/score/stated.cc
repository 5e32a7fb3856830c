#include "score/stated.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <memory>
#include <string>

#include "lexicon/phrase.h"
#include "score/number_words.h"

namespace conduct {
// Named, not anonymous: StatedPointsReader::Patterns holds them.
namespace stated_internal {

enum class StatedKind { balance, adjustment };
// How the value's sign is found: from the stated sign ("negative 17",
// "-20", "minus two"), or fixed by a verb ("deduct 3" is always -3).
enum class SignFrom { stated, always_negative };

// One compiled pattern and the numbers of its named groups.
struct StatedPattern {
  StatedKind kind;
  SignFrom sign_from;
  bool needs_sign_or_points;  // a bare "at 5" is not a score
  std::unique_ptr<RE2> re;
  int evidence = 0, minus = 0, plus = 0, number = 0, points = 0;
};

}  // namespace stated_internal
namespace {

using stated_internal::SignFrom;
using stated_internal::StatedKind;
using stated_internal::StatedPattern;

// Every pattern quotes its evidence in the group `evidence`; the number in
// `number`, its stated sign in `minus` or `plus` (either may be empty), and
// "points" in `points` (may be empty).
// <N>: a number with an optional sign; <S>: a number with a sign (a bare
// "minus two" is an adjustment); <P>: "points". {name} names a list.
std::string expand_stated_pattern(std::string_view pattern) {
  static constexpr std::string_view kSign =
      R"((?:(?P<minus>(?:{stated_minus_words})\s+|-|−|–)|(?P<plus>(?:{stated_plus_words})\s+|\+))?)";
  static constexpr std::string_view kRequiredSign =
      R"((?:(?P<minus>(?:{stated_bare_minus})\s+|-|−|–)|(?P<plus>(?:{stated_bare_plus})\s+|\+)))";
  static constexpr std::string_view kPoints =
      R"((?P<points>\s+(?:(?:{stated_points})\b|(?:{stated_point_abbreviations})\b\.?)))";
  std::string out = "(?i)";
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::string_view marker = pattern.substr(i, 3);
    if (marker == "<N>" || marker == "<S>") {
      out += marker == "<N>" ? kSign : kRequiredSign;
      out += "(?P<number>";
      out += kNumberPattern;
      out += R"()\b)";
      i += 2;
    } else if (marker == "<P>") {
      out += kPoints;
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

struct PatternSource {
  StatedKind kind;
  SignFrom sign_from;
  bool needs_sign_or_points;
  std::string_view pattern;
};

constexpr std::array<PatternSource, 7> kPatternSources = {{
    // "is now at negative 17 points", "puts them at -20", "they're at -20"
    {StatedKind::balance, SignFrom::stated, true,
     R"(\b(?:{stated_balance_frames})\s+(?:(?:{stated_balance_adverbs})\s+)?at\s+(?P<evidence><N><P>?))"},
    // "down to negative 20 points", "dropped to -5"
    {StatedKind::balance, SignFrom::stated, true,
     R"(\b(?:{stated_move_verbs})\s+to\s+(?P<evidence><N><P>?))"},
    // "score: +5", "running total is -12 points", "balance now at minus 3"
    {StatedKind::balance, SignFrom::stated, true,
     R"(\b(?:{stated_total_nouns})(?:\s*[:=]|\s+(?:{stated_total_links}))+\s*(?P<evidence><N><P>?))"},
    // "deduct 3 points", "take away another two points", "dock them 5 points"
    {StatedKind::adjustment, SignFrom::always_negative, false,
     R"(\b(?P<evidence>(?:{stated_deduct_verbs})\s+(?:(?:{stated_deduct_objects})\s+)?<N>(?:\s+more)?<P>))"},
    // "3 points off", "two points deducted"
    {StatedKind::adjustment, SignFrom::always_negative, false,
     R"(\b(?P<evidence><N>(?:\s+more)?<P>\s+(?:{stated_deducted_words})))"},
    // "I'll give them 5 points", "add two points", "T-Mobile earns 3 points"
    {StatedKind::adjustment, SignFrom::stated, false,
     R"(\b(?P<evidence>(?:{stated_award_verbs})\s+(?:(?:them|him|her|it|back|another|an\s+extra|[a-z][a-z\-]*)\s+){0,2}?<N>(?:\s+(?:{stated_award_extras}))?<P>))"},
    // "minus two", "plus 1 point", "-3 points for the hold"
    {StatedKind::adjustment, SignFrom::stated, false, R"((?:^|[\s(:;,])(?P<evidence><S><P>?))"},
}};

struct Candidate {
  StatedKind kind;
  int value;
  std::size_t begin;  // in the sentence's original text
  std::size_t end;
};

}  // namespace

PhraseLists stated_lists(const PhraseLists& overrides) {
  PhraseLists lists;
  lists.words = {
      {"stated_minus_words", {"negative", "minus"}},
      {"stated_plus_words", {"positive", "plus"}},
      {"stated_bare_minus", {"minus"}},
      {"stated_bare_plus", {"plus"}},
      {"stated_points", {"points", "point"}},
      {"stated_point_abbreviations", {"pts", "pt"}},
      {"stated_balance_frames",
       {"now",     "is",     "are",   "was",     "were",     "'re",    "'s",
        "stands",  "stand",  "stood", "sits",    "sit",      "puts",   "put",
        "putting", "brings", "bring", "brought", "bringing", "leaves", "leave",
        "leaving", "left",   "them",  "him",     "her",      "it",     "us"}},
      {"stated_balance_adverbs", {"now", "currently", "still", "already"}},
      {"stated_move_verbs",
       {"down", "up", "drops", "drop", "dropped", "falls", "fall", "fell", "goes", "went", "climbs",
        "climb", "climbed", "rises", "rose"}},
      {"stated_total_nouns", {"score", "tally", "balance", "running total", "total"}},
      {"stated_total_links", {"is", "was", "now", "stands", "sits", "at", "of"}},
      {"stated_deduct_verbs",
       {"deduct",       "deducted",   "deducting",  "deducts",    "subtract",    "subtracted",
        "subtracting",  "subtracts",  "take away",  "takes away", "taking away", "took away",
        "take off",     "takes off",  "taking off", "took off",   "knock off",   "knocked off",
        "knocking off", "knocks off", "dock",       "docked",     "docking",     "docks",
        "remove",       "removed",    "removes",    "removing",   "lose",        "loses",
        "losing",       "lost"}},
      {"stated_deduct_objects",
       {"them", "him", "her", "it", "another", "an additional", "a further"}},
      {"stated_deducted_words",
       {"off", "deducted", "docked", "subtracted", "taken away", "taken off", "lost"}},
      {"stated_award_verbs",
       {"give",     "gives",    "giving",  "gave",     "add",      "added",
        "adding",   "adds",     "award",   "awarded",  "awarding", "awards",
        "earn",     "earned",   "earning", "earns",    "gain",     "gained",
        "gaining",  "gains",    "get",     "gets",     "got",      "deserve",
        "deserves", "deserved", "restore", "restored", "restores", "restoring"}},
      {"stated_award_extras", {"more", "extra", "bonus"}},
  };
  return with_overrides(std::move(lists), overrides);
}

// Compiled once per reader, never modified: shared read-only by every thread.
struct StatedPointsReader::Patterns {
  std::vector<StatedPattern> patterns;
};

Result<StatedPointsReader> StatedPointsReader::from_lists(const PhraseLists& lists) {
  const PhraseLists words = stated_lists(lists);
  auto compiled = std::make_unique<Patterns>();
  for (const PatternSource& source : kPatternSources) {
    std::string error;
    const std::string pattern =
        expand_list_references(expand_stated_pattern(source.pattern), words, &error);
    if (pattern.empty()) {
      return Error{ErrorCode::lexicon_bad_pattern, "stated points: " + error, "", 0};
    }
    StatedPattern compiled_pattern{source.kind, source.sign_from, source.needs_sign_or_points,
                                   std::make_unique<RE2>(pattern)};
    const RE2& re = *compiled_pattern.re;
    if (!re.ok()) {
      return Error{ErrorCode::lexicon_bad_pattern,
                   "stated points pattern over the stated_ lists: " + re.error(), "", 0};
    }
    const auto& groups = re.NamedCapturingGroups();
    const auto group = [&groups](const char* name) {
      const auto it = groups.find(name);
      return it == groups.end() ? 0 : it->second;
    };
    compiled_pattern.evidence = group("evidence");
    compiled_pattern.minus = group("minus");
    compiled_pattern.plus = group("plus");
    compiled_pattern.number = group("number");
    compiled_pattern.points = group("points");
    compiled->patterns.push_back(std::move(compiled_pattern));
  }
  return StatedPointsReader(std::move(compiled));
}

StatedPointsReader::StatedPointsReader() : StatedPointsReader(std::move(from_lists({}).value())) {}
StatedPointsReader::StatedPointsReader(std::unique_ptr<const Patterns> patterns)
    : patterns_(std::move(patterns)) {}
StatedPointsReader::StatedPointsReader(StatedPointsReader&&) noexcept = default;
StatedPointsReader& StatedPointsReader::operator=(StatedPointsReader&&) noexcept = default;
StatedPointsReader::~StatedPointsReader() = default;

namespace {

// All stated values of one sentence: balances first (a balance's number is not
// also an adjustment), then adjustments that do not overlap anything taken.
std::vector<Candidate> find_in_sentence(std::string_view text,
                                        const std::vector<StatedPattern>& patterns) {
  std::vector<Candidate> taken;
  std::vector<re2::StringPiece> match;  // grows to the most groups, then reused
  for (const StatedPattern& pattern : patterns) {
    const RE2& re = *pattern.re;
    const int groups = re.NumberOfCapturingGroups();
    match.resize(static_cast<std::size_t>(groups) + 1);
    const auto group = [&match](int g) {
      return g > 0 ? std::string_view(match[static_cast<std::size_t>(g)].data(),
                                      match[static_cast<std::size_t>(g)].size())
                   : std::string_view();
    };
    std::size_t position = 0;
    while (position <= text.size() &&
           re.Match(text, position, text.size(), RE2::UNANCHORED, match.data(), groups + 1)) {
      const std::size_t match_end = static_cast<std::size_t>(match[0].end() - text.data());
      position = std::max(match_end, position + 1);
      const std::string_view evidence = group(pattern.evidence);
      const auto magnitude = parse_number(group(pattern.number));
      if (!magnitude || evidence.empty()) continue;
      const bool minus = !group(pattern.minus).empty();
      const bool signed_value = minus || !group(pattern.plus).empty();
      if (pattern.needs_sign_or_points && !signed_value && group(pattern.points).empty()) {
        continue;
      }
      const bool negative = pattern.sign_from == SignFrom::always_negative || minus;
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

StatedPoints StatedPointsReader::read(const std::vector<Sentence>& sentences,
                                      const Document& document) const {
  StatedPoints stated;
  for (const Sentence& sentence : sentences) {
    for (const Candidate& candidate : find_in_sentence(sentence.text, patterns_->patterns)) {
      StatedValue value{candidate.value,
                        evidence_of(sentence, document, candidate.begin, candidate.end)};
      auto& list = candidate.kind == StatedKind::balance ? stated.balances : stated.adjustments;
      list.push_back(std::move(value));
    }
  }
  return stated;
}

}  // namespace conduct
