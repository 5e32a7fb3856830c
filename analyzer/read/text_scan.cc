#include "read/text_scan.h"

#include <algorithm>
#include <string>

namespace conduct::read_detail {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Reads 1..max_digits digits at text[pos]; advances pos.
std::optional<std::int64_t> read_number(std::string_view text, std::size_t& pos,
                                        std::size_t max_digits) {
  std::size_t i = pos;
  std::int64_t value = 0;
  while (i < text.size() && is_digit(text[i]) && i - pos < max_digits) {
    value = value * 10 + (text[i] - '0');
    ++i;
  }
  if (i == pos) return std::nullopt;
  pos = i;
  return value;
}

// Characters a speaker label may hold besides letters and digits. Bytes of
// multi-byte UTF-8 characters are allowed so that "José:" is a label.
bool is_label_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return is_alpha(c) || is_digit(c) || u >= 0x80 || c == '_' || c == '-' || c == '\'' || c == '#' ||
         c == '&' || c == '/';
}

}  // namespace

std::vector<LineRange> split_lines(std::string_view bytes, std::size_t from) {
  std::vector<LineRange> lines;
  std::size_t number = 1;
  std::size_t pos = from;
  while (pos < bytes.size()) {
    std::size_t nl = bytes.find('\n', pos);
    const std::size_t next = nl == std::string_view::npos ? bytes.size() : nl + 1;
    std::size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    if (end > pos && bytes[end - 1] == '\r') --end;
    lines.push_back({pos, end, number});
    ++number;
    pos = next;
  }
  return lines;
}

std::size_t line_number_at(std::string_view bytes, std::size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 + static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), is_space);
}

std::size_t skip_blanks(std::string_view bytes, std::size_t pos) {
  while (pos < bytes.size() && (bytes[pos] == ' ' || bytes[pos] == '\t')) ++pos;
  return pos;
}

std::size_t trim_end(std::string_view bytes, std::size_t begin, std::size_t end) {
  while (end > begin && is_space(bytes[end - 1])) --end;
  return end;
}

std::optional<std::int64_t> parse_clock(std::string_view text, std::size_t& pos) {
  std::size_t i = pos;
  std::int64_t fields[3] = {0, 0, 0};
  int count = 0;
  while (count < 3) {
    auto value = read_number(text, i, count == 0 ? 3 : 2);
    if (!value) break;
    fields[count++] = *value;
    if (i < text.size() && text[i] == ':' && i + 1 < text.size() && is_digit(text[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  if (count < 2) return std::nullopt;
  std::int64_t hours = 0, minutes = 0, seconds = 0;
  if (count == 3) {
    hours = fields[0], minutes = fields[1], seconds = fields[2];
  } else {
    minutes = fields[0], seconds = fields[1];
  }
  if (minutes > 59 && count == 3) return std::nullopt;
  if (seconds > 59) return std::nullopt;
  std::int64_t millis = 0;
  if (i + 1 < text.size() && (text[i] == '.' || text[i] == ',') && is_digit(text[i + 1])) {
    std::size_t f = i + 1;
    std::size_t digits_begin = f;
    auto fraction = read_number(text, f, 3);
    std::size_t digits = f - digits_begin;
    millis = *fraction * (digits == 1 ? 100 : digits == 2 ? 10 : 1);
    while (f < text.size() && is_digit(text[f])) ++f;  // finer than ms: dropped
    i = f;
  }
  pos = i;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

std::optional<CueTiming> parse_cue_timing(std::string_view line) {
  std::size_t pos = skip_blanks(line, 0);
  auto begin = parse_clock(line, pos);
  if (!begin) return std::nullopt;
  pos = skip_blanks(line, pos);
  if (line.substr(pos, 3) != "-->") return std::nullopt;
  pos = skip_blanks(line, pos + 3);
  auto end = parse_clock(line, pos);
  if (!end) return std::nullopt;
  return CueTiming{*begin, *end};
}

namespace {

// "10:02 AM", "10:02am", "0:05": a clock, then an optional meridiem, which
// moves afternoon hours on by twelve. Advances pos past both.
std::optional<std::int64_t> parse_clock_with_meridiem(std::string_view text, std::size_t& pos) {
  std::size_t p = pos;
  auto ms = parse_clock(text, p);
  if (!ms) return std::nullopt;
  std::size_t q = skip_blanks(text, p);
  if (q + 1 < text.size() && (text[q + 1] == 'M' || text[q + 1] == 'm') &&
      (q + 2 == text.size() || !is_alpha(text[q + 2]))) {
    const char m = text[q];
    if (m == 'A' || m == 'a' || m == 'P' || m == 'p') {
      // "h:mm" was read as minutes:seconds; a meridiem says hours:minutes.
      std::int64_t hours = *ms / 60000;
      const std::int64_t minutes = (*ms / 1000) % 60;
      if (*ms >= 3600000) hours = *ms / 3600000;  // "h:mm:ss AM"
      const std::int64_t rest = *ms >= 3600000 ? *ms % 3600000 : minutes * 60000;
      if (hours == 12) hours = 0;
      if (m == 'P' || m == 'p') hours += 12;
      ms = hours * 3600000 + rest;
      p = q + 2;
    }
  }
  pos = p;
  return ms;
}

// Words that start e-mail and letter headers ("From: ...", "Subject: ..."):
// a byline is not a speaker.
bool is_header_field(std::string_view label) {
  static constexpr std::string_view kFields[] = {"from", "to",  "subject", "date", "sent",
                                                 "cc",   "bcc", "re",      "fwd",  "reply-to"};
  for (std::string_view field : kFields) {
    if (field.size() == label.size() &&
        std::equal(field.begin(), field.end(), label.begin(), [](char a, char b) {
          return a == ((b >= 'A' && b <= 'Z') ? static_cast<char>(b - 'A' + 'a') : b);
        })) {
      return true;
    }
  }
  return false;
}

// The label part of a line from `pos`: 1-4 words of label characters with an
// optional trailing "(Name)" ("Agent (Sarah)"). Returns the end of the label
// (the offset of the ":" or the " - " separator) and sets separator_end, or
// npos when the line holds no label there.
std::size_t scan_label(std::string_view line, std::size_t pos, bool after_timestamp,
                       std::size_t& separator_end) {
  const std::size_t label_begin = pos;
  std::size_t words = 1;
  std::size_t i = pos;
  bool in_parens = false;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ':' && !in_parens) {
      if (i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '\t' && line[i + 1] != '*')
        return std::string_view::npos;
      separator_end = i + 1;
      return i;
    }
    if (c == '(' && !in_parens && i > label_begin && line[i - 1] == ' ') {
      in_parens = true;
      ++i;
      continue;
    }
    if (c == ')' && in_parens) {
      in_parens = false;
      ++i;
      if (i < line.size() && line[i] != ':' && line[i] != '*') return std::string_view::npos;
      continue;
    }
    if (c == ' ') {
      if (after_timestamp && !in_parens && i + 2 < line.size() && line[i + 1] == '-' &&
          line[i + 2] == ' ') {
        separator_end = i + 2;
        return i;
      }
      if (i == label_begin || line[i - 1] == ' ') return std::string_view::npos;  // double blank
      if (++words > 4) return std::string_view::npos;
      ++i;
      continue;
    }
    if (c == '*' && i + 1 < line.size() && line[i + 1] == '*' && !in_parens) {
      // "**Agent**: ..." -- the bold closes before the colon.
      if (i + 2 < line.size() && line[i + 2] == ':') {
        separator_end = i + 3;
        return i;
      }
      return std::string_view::npos;
    }
    if (!is_label_char(c) && !(in_parens && (c == '.' || c == ','))) return std::string_view::npos;
    ++i;
  }
  return std::string_view::npos;
}

// "Jane Smith  10:02 AM", "Speaker 1   0:05": a meeting export's header, the
// words on the lines below. Needs two blanks or a tab before the time, so
// that a sentence ending in a time is not a header.
std::optional<LabelledLine> parse_header_line(std::string_view line) {
  const std::size_t begin = skip_blanks(line, 0);
  const std::size_t end = trim_end(line, begin, line.size());
  std::size_t gap = std::string_view::npos;
  for (std::size_t i = begin; i + 1 < end; ++i) {
    if ((line[i] == ' ' && line[i + 1] == ' ') || line[i] == '\t') {
      gap = i;
      break;
    }
  }
  if (gap == std::string_view::npos || gap == begin) return std::nullopt;
  std::size_t clock = skip_blanks(line, gap);
  auto ms = parse_clock_with_meridiem(line, clock);
  if (!ms || skip_blanks(line, clock) != end) return std::nullopt;
  const std::string_view label = line.substr(begin, gap - begin);
  std::size_t separator_end = 0;
  std::string probe(label);
  probe += ':';
  if (scan_label(probe, 0, false, separator_end) != label.size()) return std::nullopt;
  if (!is_alpha(label.front()) || label.size() > 40) return std::nullopt;
  LabelledLine out;
  out.label = label;
  out.begin_ms = ms;
  out.text_begin = line.size();
  return out;
}

}  // namespace

std::optional<LabelledLine> parse_labelled_line(std::string_view line) {
  LabelledLine out;
  std::size_t pos = skip_blanks(line, 0);
  // Optional timestamp: "[00:01:02]", "(12:03)", "[10:02 AM]" or bare "00:01:02".
  if (pos < line.size() && (line[pos] == '[' || line[pos] == '(')) {
    const char close = line[pos] == '[' ? ']' : ')';
    std::size_t p = skip_blanks(line, pos + 1);
    auto ms = parse_clock_with_meridiem(line, p);
    p = skip_blanks(line, p);
    if (ms && p < line.size() && line[p] == close) {
      out.begin_ms = ms;
      pos = skip_blanks(line, p + 1);
    }
  } else if (pos < line.size() && is_digit(line[pos])) {
    std::size_t p = pos;
    auto ms = parse_clock_with_meridiem(line, p);
    if (ms && p < line.size() && (line[p] == ' ' || line[p] == '\t')) {
      out.begin_ms = ms;
      pos = skip_blanks(line, p);
    }
  }
  if (out.begin_ms && pos < line.size() && line[pos] == '-' && pos + 1 < line.size() &&
      line[pos + 1] == ' ') {
    pos = skip_blanks(line, pos + 1);  // "00:01 - Agent: ..."
  }
  // "**Agent:** ..." and "**Agent**: ..." (Markdown bold).
  const bool bold = line.substr(pos, 2) == "**";
  if (bold) pos += 2;
  // "[SPEAKER_01]: ..." (Whisper diarization tools).
  const bool bracketed = !bold && pos < line.size() && line[pos] == '[';
  std::size_t label_begin = pos;
  std::size_t label_end = std::string_view::npos;
  std::size_t separator_end = 0;
  if (bracketed) {
    const std::size_t close = line.find(']', pos + 1);
    if (close == std::string_view::npos || close + 1 >= line.size() || line[close + 1] != ':')
      return std::nullopt;
    if (close + 2 < line.size() && line[close + 2] != ' ' && line[close + 2] != '\t')
      return std::nullopt;
    label_begin = pos + 1;
    std::size_t inner_end = 0;
    std::string probe(line.substr(label_begin, close - label_begin));
    probe += ':';
    if (scan_label(probe, 0, false, inner_end) != close - label_begin) return std::nullopt;
    label_end = close;
    separator_end = close + 2;
  } else {
    label_end = scan_label(line, pos, out.begin_ms.has_value(), separator_end);
  }
  if (label_end == std::string_view::npos || label_end == label_begin) {
    if (!out.begin_ms && !bold) return parse_header_line(line);
    return std::nullopt;
  }
  if (bold && line.substr(separator_end, 2) == "**") separator_end += 2;
  std::string_view label = line.substr(label_begin, label_end - label_begin);
  if (label.back() == ' ' || label.size() > 40) return std::nullopt;
  // A number is a list item ("2: ..."), not a speaker, unless it is long
  // enough to be an account id (anonymised Twitter handles are numbers).
  if (label.size() < 5 &&
      std::all_of(label.begin(), label.end(), [](char c) { return is_digit(c); }))
    return std::nullopt;
  if (!out.begin_ms && is_header_field(label)) return std::nullopt;
  out.label = label;
  out.text_begin = skip_blanks(line, separator_end);
  return out;
}

std::set<std::string_view> addressed_handles(std::string_view bytes) {
  std::set<std::string_view> handles;
  for (std::size_t at = bytes.find('@'); at != std::string_view::npos;
       at = bytes.find('@', at + 1)) {
    std::size_t end = at + 1;
    while (end < bytes.size() &&
           (is_alpha(bytes[end]) || is_digit(bytes[end]) || bytes[end] == '_'))
      ++end;
    if (end - at >= 3) handles.insert(bytes.substr(at + 1, end - at - 1));
  }
  return handles;
}

bool is_opaque_label(std::string_view label) {
  // A long number is an account id (anonymised Twitter handles).
  if (label.size() >= 5 && std::all_of(label.begin(), label.end(), is_digit)) return true;
  std::size_t i = 0;
  while (i < label.size() && is_alpha(label[i])) ++i;
  if (i == 0) return false;
  if (i < label.size() && (label[i] == '_' || label[i] == '-' || label[i] == ' ')) ++i;
  const std::size_t digits = i;
  while (i < label.size() && is_digit(label[i])) ++i;
  return i == label.size() && i > digits;
}

}  // namespace conduct::read_detail
