// Speaker-labelled text: "Agent: ...", "[00:01:02] AGENT: ...". A line is a
// new turn when its label is believable (it recurs, carries a timestamp, names
// a role or is an opaque id); any other line continues the current turn.
#include <map>
#include <set>
#include <string>

#include "read/formats.h"
#include "read/roles.h"
#include "read/text_scan.h"

namespace conduct::read_detail {
namespace {

// One entry per line: the labelled-line parse, when there is one.
std::vector<std::optional<LabelledLine>> parse_lines(std::string_view bytes,
                                                     const std::vector<LineRange>& lines) {
  std::vector<std::optional<LabelledLine>> parsed;
  parsed.reserve(lines.size());
  for (const LineRange& line : lines) {
    parsed.push_back(parse_labelled_line(bytes.substr(line.begin, line.end - line.begin)));
  }
  return parsed;
}

// A label is believed when the same label recurs, the line has a timestamp,
// the label names a role, is an opaque id or a handle that others address, or (once other labels
// recur) it looks like a name: at most two capitalised words.
bool believable(const LabelledLine& labelled, const std::map<std::string_view, int>& counts,
                bool any_recurring, const std::set<std::string_view>& handles) {
  if (labelled.begin_ms) return true;
  if (counts.at(labelled.label) >= 2) return true;
  if (role_from_label(labelled.label) || is_opaque_label(labelled.label)) return true;
  // A handle the thread addresses ("@zoom_us").
  if (handles.count(labelled.label) > 0) return true;
  if (!any_recurring) return false;
  const char first = labelled.label.front();
  const bool capitalised = (first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9');
  std::size_t spaces = 0;
  for (char c : labelled.label) spaces += c == ' ';
  return capitalised && spaces <= 1;
}

}  // namespace

std::vector<Turn> read_text(std::string_view bytes, std::size_t body_start) {
  const std::vector<LineRange> lines = split_lines(bytes, body_start);
  const auto parsed = parse_lines(bytes, lines);
  std::map<std::string_view, int> counts;
  for (const auto& labelled : parsed) {
    if (labelled) ++counts[labelled->label];
  }
  bool any_recurring = false;
  for (const auto& [label, count] : counts) any_recurring = any_recurring || count >= 2;

  const std::set<std::string_view> handles = addressed_handles(bytes.substr(body_start));
  std::vector<Turn> turns;
  bool after_blank = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LineRange& line = lines[i];
    const std::size_t content_end = trim_end(bytes, line.begin, line.end);
    if (parsed[i] && believable(*parsed[i], counts, any_recurring, handles)) {
      Turn turn;
      turn.speaker = std::string(parsed[i]->label);
      turn.begin_ms = parsed[i]->begin_ms;
      turn.start = line.begin + parsed[i]->text_begin;
      turn.end = std::max(turn.start, content_end);
      turn.line = line.number;
      turns.push_back(std::move(turn));
      after_blank = false;
      continue;
    }
    if (content_end == line.begin) {
      after_blank = true;
      continue;
    }
    const bool label_alone = !turns.empty() && turns.back().start == turns.back().end;
    // Text before the first label, and a paragraph set off by a blank line
    // after a turn that already has its words, are the author's narration
    // ("I was then put on hold"), not the last speaker's.
    if (turns.empty() || (after_blank && !label_alone)) {
      Turn narration;
      narration.speaker = "author";
      narration.role = Role::customer;
      narration.reg = Register::report;
      narration.role_confidence = 1;
      narration.start = skip_blanks(bytes, line.begin);
      narration.end = content_end;
      narration.line = line.number;
      turns.push_back(std::move(narration));
      after_blank = false;
      continue;
    }
    after_blank = false;
    Turn& turn = turns.back();
    if (turn.start == turn.end) {  // "Agent:" alone on its line, text below
      turn.start = skip_blanks(bytes, line.begin);
      turn.line = line.number;
    }
    turn.end = content_end;
  }
  std::vector<Turn> kept;
  kept.reserve(turns.size());
  for (Turn& turn : turns) {
    if (turn.start == turn.end) continue;
    turn.text = std::string(bytes.substr(turn.start, turn.end - turn.start));
    kept.push_back(std::move(turn));
  }
  return kept;
}

}  // namespace conduct::read_detail
