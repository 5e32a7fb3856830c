// WebVTT (https://www.w3.org/TR/webvtt1/): a WEBVTT header, then blocks.
// NOTE, STYLE and REGION blocks are skipped; a cue is an optional id line, a
// timing line and its payload, which becomes one turn however many lines it
// spans.
#include "read/cue_blocks.h"
#include "read/formats.h"

namespace conduct::read_detail {
namespace {

// True when the line starts with `keyword` followed by a blank or its end.
bool starts_block(std::string_view line, std::string_view keyword) {
  if (line.substr(0, keyword.size()) != keyword) return false;
  return line.size() == keyword.size() || line[keyword.size()] == ' ' ||
         line[keyword.size()] == '\t';
}

}  // namespace

std::vector<Turn> read_vtt(std::string_view bytes, std::size_t body_start) {
  const std::vector<LineRange> lines = split_lines(bytes, body_start);
  std::vector<SubtitleCue> cues;
  bool first_block = true;
  for (const Block& block : split_blocks(bytes, lines)) {
    auto text_of = [&](std::size_t i) {
      return bytes.substr(lines[i].begin, lines[i].end - lines[i].begin);
    };
    const std::string_view head = text_of(block.first);
    const bool header = first_block && head.substr(0, 6) == "WEBVTT";
    first_block = false;
    if (header || starts_block(head, "NOTE") || starts_block(head, "STYLE") ||
        starts_block(head, "REGION")) {
      continue;
    }
    std::size_t timing_line = block.first;
    auto timing = parse_cue_timing(head);
    if (!timing && block.first < block.last) {  // a cue id line first
      timing_line = block.first + 1;
      timing = parse_cue_timing(text_of(timing_line));
    }
    if (!timing || timing_line == block.last) continue;
    cues.push_back({timing_line + 1, block.last, *timing});
  }
  return turns_of_cues(bytes, lines, cues, true);
}

}  // namespace conduct::read_detail
