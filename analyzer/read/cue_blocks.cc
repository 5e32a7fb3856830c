#include "read/cue_blocks.h"

#include <algorithm>
#include <map>

#include "read/roles.h"

namespace conduct::read_detail {
namespace {

bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string_view line_text(std::string_view bytes, const LineRange& line) {
  return bytes.substr(line.begin, line.end - line.begin);
}

// The label of a cue line as a speaker prefix: a labelled line without a
// timestamp, with words after it.
std::optional<LabelledLine> cue_label(std::string_view line) {
  auto labelled = parse_labelled_line(line);
  if (!labelled || labelled->begin_ms || labelled->text_begin >= line.size()) return std::nullopt;
  return labelled;
}

// "- Hi" or "-Hi": a dialogue dash, which SRT and VTT use for a second
// speaker in one cue. Returns the offset of the words, or npos.
std::size_t dialogue_dash(std::string_view line) {
  const std::size_t at = skip_blanks(line, 0);
  if (at >= line.size() || line[at] != '-') return std::string_view::npos;
  if (at + 1 < line.size() && line[at + 1] == '-') return std::string_view::npos;  // "--"
  const std::size_t words = skip_blanks(line, at + 1);
  return words < line.size() ? words : std::string_view::npos;
}

bool is_voice_tag(std::string_view text, std::size_t at) {
  return text.substr(at, 2) == "<v" && at + 2 < text.size() &&
         (text[at + 2] == ' ' || text[at + 2] == '.' || text[at + 2] == '\t');
}

struct Unit {
  std::string speaker = "unknown";
  std::size_t start = 0;
  std::size_t end = 0;
};

// Units of a payload with "<v Name>" spans: each span runs to the next one.
std::vector<Unit> voice_units(std::string_view bytes, std::size_t start, std::size_t end) {
  std::vector<Unit> units;
  const std::string_view payload = bytes.substr(0, end);
  std::size_t at = start;
  Unit pending{"unknown", start, start};
  while (at < end) {
    const std::size_t tag = payload.find("<v", at);
    const bool found = tag != std::string_view::npos && is_voice_tag(payload, tag);
    if (tag == std::string_view::npos) break;
    if (!found) {
      at = tag + 2;
      continue;
    }
    pending.end = tag;
    units.push_back(pending);
    const std::size_t close = payload.find('>', tag);
    if (close == std::string_view::npos) break;
    // "<v.loud Mary Smith>": classes run to the first blank, the name after.
    std::size_t name = tag + 2;
    while (name < close && payload[name] != ' ' && payload[name] != '\t') ++name;
    const std::size_t name_end = trim_end(payload, name, close);
    name = skip_blanks(payload, name);
    pending = Unit{name < name_end ? std::string(payload.substr(name, name_end - name)) : "unknown",
                   close + 1, close + 1};
    at = close + 1;
  }
  pending.end = end;
  units.push_back(pending);
  // "</v>" closes a span; it is markup, trimmed off the end.
  for (Unit& unit : units) {
    unit.start = skip_blanks(bytes, unit.start);
    while (unit.start < unit.end && (bytes[unit.start] == '\n' || bytes[unit.start] == '\r'))
      unit.start = skip_blanks(bytes, unit.start + 1);
    unit.end = trim_end(bytes, unit.start, unit.end);
    if (unit.end - unit.start >= 4 && bytes.substr(unit.end - 4, 4) == "</v>")
      unit.end = trim_end(bytes, unit.start, unit.end - 4);
  }
  return units;
}

// The 1-based line of `offset`, a byte of the cue: found among the cue's own
// lines, so that a file's cues cost time linear in the file, not in the
// square of it (counting newlines from the start of the file for each cue).
std::size_t cue_line_number(const std::vector<LineRange>& lines, const SubtitleCue& cue,
                            std::size_t offset) {
  const auto first = lines.begin() + static_cast<std::ptrdiff_t>(cue.first);
  const auto last = lines.begin() + static_cast<std::ptrdiff_t>(cue.last) + 1;
  const auto after = std::upper_bound(
      first, last, offset, [](std::size_t at, const LineRange& line) { return at < line.begin; });
  return after == first ? first->number : std::prev(after)->number;
}

}  // namespace

std::vector<Block> split_blocks(std::string_view bytes, const std::vector<LineRange>& lines) {
  std::vector<Block> blocks;
  bool open = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool blank = is_blank(line_text(bytes, lines[i]));
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

std::set<std::string, std::less<>> cue_speaker_labels(std::string_view bytes,
                                                      const std::vector<LineRange>& lines,
                                                      const std::vector<SubtitleCue>& cues,
                                                      bool voice_tags) {
  std::map<std::string, int, std::less<>> counts;
  std::size_t labelled_cues = 0;
  for (const SubtitleCue& cue : cues) {
    bool labelled = false;
    if (voice_tags) {
      const std::size_t begin = lines[cue.first].begin;
      const std::string_view payload = bytes.substr(begin, lines[cue.last].end - begin);
      for (std::size_t at = payload.find("<v"); at != std::string_view::npos && !labelled;
           at = payload.find("<v", at + 2)) {
        labelled = is_voice_tag(payload, at);
      }
    }
    for (std::size_t i = cue.first; i <= cue.last; ++i) {
      if (auto label = cue_label(line_text(bytes, lines[i]))) {
        ++counts[std::string(label->label)];
        labelled = true;
      }
    }
    labelled_cues += labelled;
  }
  std::set<std::string, std::less<>> speakers;
  if (cues.empty() || labelled_cues * 3 < cues.size()) return speakers;
  for (const auto& [label, count] : counts) {
    if (count >= 2 || role_from_label(label) || is_opaque_label(label)) speakers.insert(label);
  }
  return speakers;
}

std::vector<ByteSpan> markup_spans(std::string_view text) {
  std::vector<ByteSpan> spans;
  std::size_t at = 0;
  while ((at = text.find('<', at)) != std::string_view::npos) {
    const std::size_t close = text.find('>', at);
    if (close == std::string_view::npos) break;
    const std::size_t newline = text.find('\n', at);
    const char next = at + 1 < text.size() ? text[at + 1] : ' ';
    const bool tag =
        is_ascii_alpha(next) || next == '/' || next == '.' || (next >= '0' && next <= '9');
    if (tag && (newline == std::string_view::npos || newline > close)) {
      spans.push_back({at, close + 1});
      at = close + 1;
    } else {
      ++at;
    }
  }
  return spans;
}

std::vector<Turn> cue_turns(std::string_view bytes, const std::vector<LineRange>& lines,
                            const SubtitleCue& cue, const CueSpeakers& speakers) {
  const std::size_t start = skip_blanks(bytes, lines[cue.first].begin);
  const std::size_t end = trim_end(bytes, start, lines[cue.last].end);
  std::vector<Unit> units;
  if (speakers.voice_tags &&
      bytes.substr(start, end - start).find("<v") != std::string_view::npos) {
    units = voice_units(bytes, start, end);
  } else {
    // Line by line: a speaker label or a dialogue dash starts a unit.
    std::size_t dashes = 0;
    for (std::size_t i = cue.first; i <= cue.last; ++i) {
      dashes += dialogue_dash(line_text(bytes, lines[i])) != std::string_view::npos;
    }
    for (std::size_t i = cue.first; i <= cue.last; ++i) {
      const LineRange& line = lines[i];
      const std::string_view text = line_text(bytes, line);
      const std::size_t content_end = trim_end(bytes, line.begin, line.end);
      if (content_end <= line.begin) continue;
      if (auto label = cue_label(text);
          label && speakers.labels != nullptr && speakers.labels->count(label->label) > 0) {
        units.push_back({std::string(label->label), line.begin + label->text_begin, content_end});
        continue;
      }
      if (const std::size_t words = dialogue_dash(text);
          words != std::string_view::npos && dashes >= 2) {
        units.push_back({"unknown", line.begin + words, content_end});
        continue;
      }
      if (units.empty()) {
        units.push_back({"unknown", skip_blanks(bytes, line.begin), content_end});
      } else {
        units.back().end = content_end;
      }
    }
  }
  std::vector<Turn> turns;
  for (const Unit& unit : units) {
    if (unit.start >= unit.end) continue;
    Turn turn;
    turn.speaker = unit.speaker;
    turn.begin_ms = cue.timing.begin_ms;
    turn.end_ms = cue.timing.end_ms;
    turn.start = unit.start;
    turn.end = unit.end;
    turn.text = std::string(bytes.substr(unit.start, unit.end - unit.start));
    turn.markup = markup_spans(turn.text);
    turn.line = cue_line_number(lines, cue, unit.start);
    turns.push_back(std::move(turn));
  }
  return turns;
}

std::vector<Turn> turns_of_cues(std::string_view bytes, const std::vector<LineRange>& lines,
                                const std::vector<SubtitleCue>& cues, bool voice_tags) {
  const auto labels = cue_speaker_labels(bytes, lines, cues, voice_tags);
  std::vector<Turn> turns;
  turns.reserve(cues.size());
  for (const SubtitleCue& cue : cues) {
    for (Turn& turn : cue_turns(bytes, lines, cue, {voice_tags, &labels}))
      turns.push_back(std::move(turn));
  }
  return turns;
}

}  // namespace conduct::read_detail
