// Line-level scanning shared by the text readers (notes, text, vtt, srt) and
// by format detection: lines with file offsets, clock times, cue timings and
// speaker-labelled lines. Everything works on views into the file; nothing
// here allocates per character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace conduct::read_detail {

/// One line of the file: [begin, end) excludes the line break ("\n" or
/// "\r\n"); `number` is 1-based.
struct LineRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t number = 0;
};

/// Splits bytes[from, size) into lines. `from` must be a line start (0, or 3
/// after a BOM). Cost: one pass, one entry per line.
std::vector<LineRange> split_lines(std::string_view bytes, std::size_t from);

/// 1-based line of byte `offset` (offsets past the end count as the last line).
std::size_t line_number_at(std::string_view bytes, std::size_t offset);

/// ASCII whitespace (space, tab, CR, LF, FF, VT).
bool is_space(char c);
/// True when `text` holds only ASCII whitespace.
bool is_blank(std::string_view text);
/// First offset >= pos in `bytes` that is not a space or tab.
std::size_t skip_blanks(std::string_view bytes, std::size_t pos);
/// `end` moved back over trailing ASCII whitespace, never before `begin`.
std::size_t trim_end(std::string_view bytes, std::size_t begin, std::size_t end);

/// Parses a clock time at text[pos]: "hh:mm:ss", "mm:ss", "h:mm:ss.mmm" or
/// with a "," before the fraction (SRT). On success advances pos past it and
/// returns milliseconds; on failure leaves pos unchanged.
std::optional<std::int64_t> parse_clock(std::string_view text, std::size_t& pos);

/// A cue timing line "00:00:01.000 --> 00:00:04.000 [settings]".
struct CueTiming {
  std::int64_t begin_ms = 0;
  std::int64_t end_ms = 0;
};
std::optional<CueTiming> parse_cue_timing(std::string_view line);

/// A line that starts with a speaker label: "Agent: hi", "[00:01:02] AGENT:
/// hi", "00:01:02 spk_0: hi", "(12:03) Mary - hi".
struct LabelledLine {
  std::string_view label;
  /// Offset in the line where the turn text starts (after the separator and
  /// blanks); equals line.size() when the label stands alone.
  std::size_t text_begin = 0;
  std::optional<std::int64_t> begin_ms;
};

/// Recognises a labelled line. A label is 1-4 words of letters, digits, "_",
/// "-", "'", "#", "&" or "/" (no sentence punctuation), at most 40 bytes, not
/// a short number, followed by ":" and a blank or the line end; after a timestamp
/// " - " also separates. Numbers of fewer than five digits are not labels
/// (list items). Ordinary sentences ("Note that: ...") can still match;
/// callers weigh recurrence.
std::optional<LabelledLine> parse_labelled_line(std::string_view line);

/// Every "@handle" in `bytes` (the handle without "@": letters, digits, "_"),
/// as views into `bytes`. One pass; labels a thread addresses are speakers.
std::set<std::string_view> addressed_handles(std::string_view bytes);

/// True for opaque speaker ids: letters, an optional "_", "-" or " ", digits
/// ("spk_0", "SPEAKER_01", "ch_1", "Speaker 2"), or a number of five digits
/// or more (an account id).
bool is_opaque_label(std::string_view label);

}  // namespace conduct::read_detail
