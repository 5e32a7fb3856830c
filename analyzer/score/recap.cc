#include "score/recap.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <tuple>

namespace conduct {
namespace {

// Patterns over the named lists; digits always count as a round number.
constexpr std::string_view kRound = R"((?:{recap_round_numbers}|\d{1,3}))";
constexpr std::string_view kNarration =
    R"(\bround {round} (?:{recap_round_verbs})\b)"
    R"(|\b(?:in|during|at the end of|by the end of) round {round}\b)"
    R"(|\b(?:in|during|at the end of) (?:the|my|our) (?:{recap_earlier}) (?:{recap_instalments})\b)"
    R"(|\b(?:the|my) (?:{recap_earlier}) (?:{recap_instalments}) (?:{recap_told_verbs})\b)"
    R"(|\bas i (?:{recap_as_i_verbs}) (?:last time|before|previously|in (?:my|the) (?:{recap_earlier}) (?:{recap_instalments}))\b)"
    R"(|^previously\b|\bpreviously,|\bto recap\b|^recap\b)"
    R"(|\b(?:last time|the last time|the previous time) (?:i|we) (?:{recap_contact_verbs})\b)";
constexpr std::string_view kPointer =
    R"(\bsee (?:the|my|our) (?:{recap_earlier}) (?:{recap_instalments})\b)"
    R"(|\((?:see|from|as in|cf\.?) (?:round {round}|part {round}|(?:the|my) (?:{recap_earlier}) [a-z ]+)\)[\s.!?"')]*$)";
constexpr std::string_view kPresent = R"(\b(?:{recap_present})\b)";

// {round} is the pattern's own fragment; the rest name lists.
std::string with_round(std::string_view pattern) {
  std::string out(pattern);
  for (std::size_t at = out.find("{round}"); at != std::string::npos;
       at = out.find("{round}", at + kRound.size())) {
    out.replace(at, 7, kRound);
  }
  return out;
}

}  // namespace

PhraseLists recap_lists(const PhraseLists& overrides) {
  PhraseLists lists;
  lists.words = {
      {"recap_round_numbers",
       {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}},
      {"recap_earlier", {"last", "previous", "prior", "earlier", "first", "second", "third"}},
      {"recap_instalments",
       {"round", "post", "blog post", "article", "entry", "installment", "instalment", "part",
        "episode", "update", "visit", "call", "chat"}},
      {"recap_round_verbs",
       {"ended", "was", "went", "began", "started", "had", "saw", "left", "finished", "closed",
        "brought", "concluded"}},
      {"recap_told_verbs",
       {"ended", "was", "went", "left", "described", "covered", "told", "explained"}},
      {"recap_as_i_verbs",
       {"described", "mentioned", "explained", "wrote", "said", "noted", "reported", "told you"}},
      {"recap_contact_verbs",
       {"called", "wrote", "visited", "went", "spoke", "contacted", "was", "were", "tried",
        "talked", "chatted", "emailed"}},
      {"recap_present",
       {"now", "this time", "today", "tonight", "this morning", "this afternoon", "this evening",
        "this week", "next step", "this round", "at this point", "currently", "so far"}},
  };
  return with_overrides(std::move(lists), overrides);
}

// Compiled once per marker, never modified: shared read-only by every thread.
struct RecapMarker::Patterns {
  // Narrates an earlier round: marks the sentence and starts a carried run.
  std::unique_ptr<RE2> narration;
  // Points back to an earlier round: marks only its own sentence.
  std::unique_ptr<RE2> pointer;
  // Returns to the present round: ends a carried run.
  std::unique_ptr<RE2> present;
};

Result<RecapMarker> RecapMarker::from_lists(const PhraseLists& lists) {
  const PhraseLists words = recap_lists(lists);
  auto patterns = std::make_unique<Patterns>();
  for (const auto& [source, target, name] :
       {std::tuple{kNarration, &patterns->narration, "narration"},
        std::tuple{kPointer, &patterns->pointer, "pointer"},
        std::tuple{kPresent, &patterns->present, "present"}}) {
    std::string error;
    const std::string pattern = expand_list_references(with_round(source), words, &error);
    if (pattern.empty()) {
      return Error{ErrorCode::lexicon_bad_pattern, "recap " + std::string(name) + ": " + error, "",
                   0};
    }
    *target = std::make_unique<RE2>(pattern);
    if (!(*target)->ok()) {
      return Error{
          ErrorCode::lexicon_bad_pattern,
          "recap " + std::string(name) + " pattern over the recap_ lists: " + (*target)->error(),
          "", 0};
    }
  }
  return RecapMarker(std::move(patterns));
}

RecapMarker::RecapMarker() : RecapMarker(std::move(from_lists({}).value())) {}
RecapMarker::RecapMarker(std::unique_ptr<const Patterns> patterns)
    : patterns_(std::move(patterns)) {}
RecapMarker::RecapMarker(RecapMarker&&) noexcept = default;
RecapMarker& RecapMarker::operator=(RecapMarker&&) noexcept = default;
RecapMarker::~RecapMarker() = default;

namespace {

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

std::vector<bool> RecapMarker::mark(const std::vector<Sentence>& sentences) const {
  const Patterns& patterns = *patterns_;
  std::vector<bool> recap(sentences.size(), false);
  bool carrying = false;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0 && starts_paragraph(sentences[i - 1], sentences[i])) carrying = false;
    const std::string_view text = sentences[i].normalized_text;
    if (RE2::PartialMatch(text, *patterns.narration)) {
      recap[i] = true;
      carrying = true;
    } else if (RE2::PartialMatch(text, *patterns.pointer)) {
      recap[i] = true;
    } else if (carrying && !RE2::PartialMatch(text, *patterns.present)) {
      recap[i] = true;
    } else {
      carrying = false;
    }
  }
  return recap;
}

}  // namespace conduct
