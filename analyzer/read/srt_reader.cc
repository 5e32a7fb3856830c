// SubRip: cues of an optional sequence number, a timing line with "," before
// the milliseconds, and the text. Cues are found by their timing lines, not
// by blank lines, because real files also run cues together without blanks.
#include "read/cue_blocks.h"
#include "read/formats.h"

namespace conduct::read_detail {
namespace {

bool is_sequence_number(std::string_view line) {
  const std::size_t begin = skip_blanks(line, 0);
  const std::size_t end = trim_end(line, begin, line.size());
  return end > begin &&
         line.substr(begin, end - begin).find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::vector<Turn> read_srt(std::string_view bytes, std::size_t body_start) {
  const std::vector<LineRange> lines = split_lines(bytes, body_start);
  auto text_of = [&](std::size_t i) {
    return bytes.substr(lines[i].begin, lines[i].end - lines[i].begin);
  };
  std::vector<std::size_t> timing_lines;
  std::vector<CueTiming> timings;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (auto timing = parse_cue_timing(text_of(i))) {
      timing_lines.push_back(i);
      timings.push_back(*timing);
    }
  }
  std::vector<SubtitleCue> cues;
  for (std::size_t c = 0; c < timing_lines.size(); ++c) {
    const std::size_t first = timing_lines[c] + 1;
    std::size_t stop = c + 1 < timing_lines.size() ? timing_lines[c + 1] : lines.size();
    // The next cue's sequence number belongs to it, not to this cue's text.
    if (c + 1 < timing_lines.size() && stop > first && is_sequence_number(text_of(stop - 1)))
      --stop;
    std::size_t last = first;
    bool any = false;
    for (std::size_t i = first; i < stop; ++i) {
      if (is_blank(text_of(i))) {
        if (any) break;  // the cue's text ends at its first blank line
        continue;
      }
      if (!any) cues.push_back({i, i, timings[c]});
      any = true;
      last = i;
    }
    if (any) cues.back().last = last;
  }
  return turns_of_cues(bytes, lines, cues, false);
}

}  // namespace conduct::read_detail
