// Whisper and WhisperX output: segments[] of {start, end, text} in seconds,
// with an optional `speaker` (WhisperX diarization). One turn per segment.
// Segments without a speaker get the label "unknown" and role unknown: plain
// Whisper does not say who spoke, and guessing would mislabel evidence.
// WhisperX may name speakers only on words[] (each word a `speaker`): a
// segment whose words change speaker is split into one turn per run of words,
// each turn a part of the segment's text (a run of one word is diarization
// noise at a boundary and stays with its neighbours); when the words cannot
// be found in the text in order, the segment goes to the speaker of most of
// its words.
#include <map>

#include "read/formats.h"
#include "read/json_input.h"
#include "read/text_scan.h"

namespace conduct::read_detail {
namespace {

// A run of a segment's words by one speaker.
struct SpeakerRun {
  std::string speaker;
  std::size_t text_begin = 0;  // in the segment's text
  std::optional<std::int64_t> begin_ms;
  std::optional<std::int64_t> end_ms;
  std::size_t words = 0;
};

// Fewest words a run needs to become a turn of its own.
constexpr std::size_t kMinRunWords = 2;

// Folds runs of fewer than kMinRunWords words into the run before them (the
// first into the one after), then joins neighbours of one speaker.
std::vector<SpeakerRun> smooth_runs(std::vector<SpeakerRun> runs) {
  std::vector<SpeakerRun> kept;
  for (SpeakerRun& run : runs) {
    if (!kept.empty() && (run.words < kMinRunWords || run.speaker == kept.back().speaker)) {
      kept.back().words += run.words;
      if (run.end_ms) kept.back().end_ms = run.end_ms;
      continue;
    }
    if (kept.size() == 1 && kept.back().words < kMinRunWords) {
      run.text_begin = 0;
      run.begin_ms = kept.back().begin_ms ? kept.back().begin_ms : run.begin_ms;
      run.words += kept.back().words;
      kept.back() = std::move(run);
      continue;
    }
    kept.push_back(std::move(run));
  }
  return kept;
}

std::string speaker_of(const Json& object) {
  const Json* speaker = member(object, "speaker");
  auto label = speaker != nullptr ? scalar_text(*speaker) : std::nullopt;
  return label ? *label : std::string();
}

// The runs of speakers over a segment's words, each starting where its first
// word is found in `text`. Words without a speaker (WhisperX leaves numbers
// unaligned) stay with the run before them. Empty when no word names a
// speaker; nullopt when the words are not found in the text in order.
std::optional<std::vector<SpeakerRun>> speaker_runs(const Json& words, std::string_view text) {
  std::vector<SpeakerRun> runs;
  std::size_t pos = 0;
  bool located = true;
  for (const Json& word : words) {
    const Json* content = member(word, "word");
    if (content == nullptr || !content->is_string()) continue;
    std::string_view token = content->get_ref<const std::string&>();
    while (!token.empty() && is_space(token.front())) token.remove_prefix(1);
    while (!token.empty() && is_space(token.back())) token.remove_suffix(1);
    const std::size_t at = token.empty() ? pos : text.find(token, pos);
    if (at == std::string_view::npos) located = false;
    const std::size_t begin = at == std::string_view::npos ? pos : at;
    if (at != std::string_view::npos) pos = at + token.size();
    const std::string speaker = speaker_of(word);
    if (!speaker.empty() && (runs.empty() || runs.back().speaker != speaker)) {
      runs.push_back({speaker, runs.empty() ? 0 : begin, std::nullopt, std::nullopt});
    }
    if (runs.empty()) continue;
    ++runs.back().words;
    const Json* start = member(word, "start");
    const Json* end = member(word, "end");
    if (!runs.back().begin_ms && start != nullptr) runs.back().begin_ms = seconds_to_ms(*start);
    if (end != nullptr) {
      if (auto ms = seconds_to_ms(*end)) runs.back().end_ms = ms;
    }
  }
  runs = smooth_runs(std::move(runs));
  if (!located && runs.size() > 1) return std::nullopt;
  return runs;
}

// The speaker most of a segment's words have (the first to get there wins a tie).
std::string majority_speaker(const Json& words) {
  std::map<std::string, std::size_t> counts;
  std::string best;
  std::size_t best_count = 0;
  for (const Json& word : words) {
    const std::string speaker = speaker_of(word);
    if (speaker.empty()) continue;
    const std::size_t count = ++counts[speaker];
    if (count > best_count) {
      best = speaker;
      best_count = count;
    }
  }
  return best;
}

// The turn of text[begin, end) of a segment: its span without blanks.
std::optional<Turn> part_turn(const std::string& text, std::size_t begin, std::size_t end) {
  std::size_t first = begin;
  while (first < end && is_space(text[first])) ++first;
  const std::size_t last = trim_end(text, first, end);
  if (first == last) return std::nullopt;
  Turn turn;
  turn.text = text.substr(begin, end - begin);
  turn.source_offset = begin;
  turn.start = first;
  turn.end = last;
  return turn;
}

}  // namespace

Result<std::vector<Turn>> read_whisper(const Json& root) {
  const Json* segments = member(root, "segments");
  if (segments == nullptr || !segments->is_array()) {
    return unsupported_json("not Whisper output: no segments array");
  }
  std::vector<Turn> turns;
  for (std::size_t i = 0; i < segments->size(); ++i) {
    const Json& segment = (*segments)[i];
    const Json* text = member(segment, "text");
    if (text == nullptr || !text->is_string()) continue;
    const std::string& whole = text->get_ref<const std::string&>();
    const std::string source = "/segments/" + std::to_string(i) + "/text";
    std::string label = speaker_of(segment);
    const Json* words = member(segment, "words");
    if (label.empty() && words != nullptr && words->is_array()) {
      auto runs = speaker_runs(*words, whole);
      if (runs && runs->size() > 1) {
        for (std::size_t r = 0; r < runs->size(); ++r) {
          const std::size_t end = r + 1 < runs->size() ? (*runs)[r + 1].text_begin : whole.size();
          auto turn = part_turn(whole, (*runs)[r].text_begin, end);
          if (!turn) continue;
          turn->speaker = (*runs)[r].speaker;
          turn->source = source;
          turn->begin_ms = (*runs)[r].begin_ms;
          turn->end_ms = (*runs)[r].end_ms;
          turns.push_back(std::move(*turn));
        }
        continue;
      }
      label = majority_speaker(*words);
    }
    // Whisper starts segments with a space: keep the decoded string, but let
    // the span cover the words only.
    auto turn = part_turn(whole, 0, whole.size());
    if (!turn) continue;
    turn->source = source;
    turn->speaker = label.empty() ? "unknown" : label;
    if (const Json* start = member(segment, "start")) turn->begin_ms = seconds_to_ms(*start);
    if (const Json* stop = member(segment, "end")) turn->end_ms = seconds_to_ms(*stop);
    turns.push_back(std::move(*turn));
  }
  return turns;
}

}  // namespace conduct::read_detail
