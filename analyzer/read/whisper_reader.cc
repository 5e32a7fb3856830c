// Whisper and WhisperX output: segments[] of {start, end, text} in seconds,
// with an optional `speaker` (WhisperX diarization). One turn per segment.
// Segments without a speaker get the label "unknown" and role unknown: plain
// Whisper does not say who spoke, and guessing would mislabel evidence.
#include "read/formats.h"
#include "read/json_input.h"
#include "read/text_scan.h"

namespace conduct::read_detail {

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
    Turn turn;
    turn.text = text->get<std::string>();
    // Whisper starts segments with a space: keep the decoded string, but let
    // the span cover the words only.
    std::size_t begin = 0;
    while (begin < turn.text.size() && is_space(turn.text[begin])) ++begin;
    const std::size_t end = trim_end(turn.text, begin, turn.text.size());
    if (begin == end) continue;
    turn.start = begin;
    turn.end = end;
    turn.source = "/segments/" + std::to_string(i) + "/text";
    const Json* speaker = member(segment, "speaker");
    auto label = speaker != nullptr ? scalar_text(*speaker) : std::nullopt;
    turn.speaker = label && !label->empty() ? *label : "unknown";
    if (const Json* start = member(segment, "start")) turn.begin_ms = seconds_to_ms(*start);
    if (const Json* stop = member(segment, "end")) turn.end_ms = seconds_to_ms(*stop);
    turns.push_back(std::move(turn));
  }
  return turns;
}

}  // namespace conduct::read_detail
