#include "score/recap.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

namespace conduct {
namespace {

constexpr std::string_view kRoundNumber =
    R"((?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}))";
constexpr std::string_view kEarlier = R"((?:last|previous|prior|earlier|first|second|third))";
constexpr std::string_view kInstalment =
    R"((?:round|post|blog post|article|entry|installment|instalment|part|episode|update|visit|call|chat))";

std::string expand_recap_pattern(std::string_view pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.substr(i, 3) == "{R}") {
      out += kRoundNumber;
      i += 2;
    } else if (pattern.substr(i, 3) == "{E}") {
      out += kEarlier;
      i += 2;
    } else if (pattern.substr(i, 3) == "{I}") {
      out += kInstalment;
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

// Compiled once, never modified: shared read-only by every thread.
struct RecapPatterns {
  // Narrates an earlier round: marks the sentence and starts a carried run.
  RE2 narration{expand_recap_pattern(
      R"(\bround {R} (?:ended|was|went|began|started|had|saw|left|finished|closed|brought|concluded)\b)"
      R"(|\b(?:in|during|at the end of|by the end of) round {R}\b)"
      R"(|\b(?:in|during|at the end of) (?:the|my|our) {E} {I}\b)"
      R"(|\b(?:the|my) {E} {I} (?:ended|was|went|left|described|covered|told|explained)\b)"
      R"(|\bas i (?:described|mentioned|explained|wrote|said|noted|reported|told you) (?:last time|before|previously|in (?:my|the) {E} {I})\b)"
      R"(|^previously\b|\bpreviously,|\bto recap\b|^recap\b)"
      R"(|\b(?:last time|the last time|the previous time) (?:i|we) (?:called|wrote|visited|went|spoke|contacted|was|were|tried|talked|chatted|emailed)\b)")};
  // Points back to an earlier round: marks only its own sentence.
  RE2 pointer{expand_recap_pattern(
      R"(\bsee (?:the|my|our) {E} (?:round|post|blog post|article|entry|installment|instalment|part|episode|update)\b)"
      R"(|\((?:see|from|as in|cf\.?) (?:round {R}|part {R}|(?:the|my) {E} [a-z ]+)\)[\s.!?"')]*$)")};
  // Returns to the present round: ends a carried run.
  RE2 present{expand_recap_pattern(
      R"(\b(?:now|this time|today|tonight|this morning|this afternoon|this evening|this week|next step|this round|at this point|currently|so far)\b)")};
};

const RecapPatterns& recap_patterns() {
  static const RecapPatterns patterns;
  return patterns;
}

// A new paragraph starts at a new turn or after a blank line. Sentences are
// views into their turn's text, so the bytes between two sentences of one
// turn are the gap between the views.
bool starts_paragraph(const Sentence& previous, const Sentence& next) {
  if (previous.turn != next.turn) return true;
  const char* gap_begin = previous.text.data() + previous.text.size();
  const char* gap_end = next.text.data();
  if (gap_end >= gap_begin && gap_end - gap_begin < 4096) {
    const std::string_view gap(gap_begin, static_cast<std::size_t>(gap_end - gap_begin));
    const std::size_t first = gap.find('\n');
    if (first != std::string_view::npos && gap.find('\n', first + 1) != std::string_view::npos) {
      return true;
    }
  }
  if (previous.line > 0 && next.line > 0) {
    const auto previous_end_line =
        previous.line +
        static_cast<std::size_t>(std::count(previous.text.begin(), previous.text.end(), '\n'));
    return next.line > previous_end_line + 1;
  }
  return false;
}

}  // namespace

std::vector<bool> mark_recaps(const std::vector<Sentence>& sentences) {
  const RecapPatterns& patterns = recap_patterns();
  std::vector<bool> recap(sentences.size(), false);
  bool carrying = false;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0 && starts_paragraph(sentences[i - 1], sentences[i])) carrying = false;
    const std::string_view text = sentences[i].normalized_text;
    if (RE2::PartialMatch(text, patterns.narration)) {
      recap[i] = true;
      carrying = true;
    } else if (RE2::PartialMatch(text, patterns.pointer)) {
      recap[i] = true;
    } else if (carrying && !RE2::PartialMatch(text, patterns.present)) {
      recap[i] = true;
    } else {
      carrying = false;
    }
  }
  return recap;
}

}  // namespace conduct
