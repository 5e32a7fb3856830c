// SubRip: blocks of an optional sequence number, a timing line with ","
// before the milliseconds, and the text; a "Name: " prefix names the speaker.
#include "read/cue_blocks.h"
#include "read/formats.h"

namespace conduct::read_detail {

std::vector<Turn> read_srt(std::string_view bytes, std::size_t body_start) {
  const std::vector<LineRange> lines = split_lines(bytes, body_start);
  std::vector<Turn> turns;
  for (const Block& block : split_blocks(bytes, lines)) {
    auto text_of = [&](std::size_t i) {
      return bytes.substr(lines[i].begin, lines[i].end - lines[i].begin);
    };
    std::size_t timing_line = block.first;
    auto timing = parse_cue_timing(text_of(timing_line));
    if (!timing && block.first < block.last) {  // the sequence number first
      timing_line = block.first + 1;
      timing = parse_cue_timing(text_of(timing_line));
    }
    if (!timing || timing_line == block.last) continue;
    if (auto turn = cue_turn(bytes, lines, timing_line + 1, block.last, *timing, false)) {
      turns.push_back(std::move(*turn));
    }
  }
  return turns;
}

}  // namespace conduct::read_detail
