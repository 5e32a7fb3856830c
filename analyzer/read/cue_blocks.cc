#include "read/cue_blocks.h"

namespace conduct::read_detail {

std::vector<Block> split_blocks(std::string_view bytes, const std::vector<LineRange>& lines) {
  std::vector<Block> blocks;
  bool open = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool blank = is_blank(bytes.substr(lines[i].begin, lines[i].end - lines[i].begin));
    if (blank) {
      open = false;
    } else if (open) {
      blocks.back().last = i;
    } else {
      blocks.push_back({i, i});
      open = true;
    }
  }
  return blocks;
}

std::optional<Turn> cue_turn(std::string_view bytes, const std::vector<LineRange>& lines,
                             std::size_t first, std::size_t last, const CueTiming& timing,
                             bool voice_tags) {
  std::size_t start = skip_blanks(bytes, lines[first].begin);
  std::size_t end = trim_end(bytes, start, lines[last].end);
  std::string speaker = "unknown";
  const std::string_view payload = bytes.substr(start, end - start);
  if (voice_tags && payload.size() > 3 && payload.substr(0, 2) == "<v" &&
      (payload[2] == ' ' || payload[2] == '.' || payload[2] == '\t')) {
    const std::size_t close = payload.find('>');
    if (close != std::string_view::npos) {
      // "<v.loud Mary Smith>": classes run to the first blank, the name after.
      std::size_t name = 2;
      while (name < close && payload[name] != ' ' && payload[name] != '\t') ++name;
      std::size_t name_end = trim_end(payload, name, close);
      name = skip_blanks(payload, name);
      if (name < name_end) speaker = std::string(payload.substr(name, name_end - name));
      start = skip_blanks(bytes, start + close + 1);
      if (end - start >= 4 && bytes.substr(end - 4, 4) == "</v>") {
        end = trim_end(bytes, start, end - 4);
      }
    }
  } else {
    const LineRange& line = lines[first];
    auto labelled = parse_labelled_line(bytes.substr(line.begin, line.end - line.begin));
    if (labelled && !labelled->begin_ms) {
      speaker = std::string(labelled->label);
      start = line.begin + labelled->text_begin;
      if (start > end) start = end;
    }
  }
  if (start >= end) return std::nullopt;
  Turn turn;
  turn.speaker = std::move(speaker);
  turn.begin_ms = timing.begin_ms;
  turn.end_ms = timing.end_ms;
  turn.start = start;
  turn.end = end;
  turn.text = std::string(bytes.substr(start, end - start));
  turn.line = line_number_at(bytes, start);
  return turn;
}

}  // namespace conduct::read_detail
