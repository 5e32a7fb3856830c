// CSV and TSV as tables: RFC 4180 rows (quoted fields with delimiters, doubled
// quotes and line breaks inside quotes), the delimiter sniffed from the header
// line, and header names mapped to the columns a transcript needs. Shared by
// the CSV reader and format detection.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "read/reader.h"

namespace conduct::read_detail {

/// One record of the file, its fields unquoted.
struct CsvRow {
  std::vector<std::string> fields;
  /// 1-based line of the file where the row starts.
  std::size_t line = 0;
  /// 1-based number of the row among the file's non-blank rows; the header is
  /// row 1, as a spreadsheet shows it.
  std::size_t row = 0;
};

struct CsvTable {
  std::vector<CsvRow> rows;
  /// Line where a quoted field opened that the file never closes; 0 when every
  /// quote is closed. The row it opens is not in `rows`.
  std::size_t unclosed_quote_line = 0;
};

/// Splits bytes[from, size) into rows. Blank lines are skipped; "\r\n" and
/// "\n" end rows outside quotes; a quote inside an unquoted field is kept as
/// written, and text after a closing quote joins the field (as spreadsheets
/// read it). Stops after `max_rows` rows. Cost: one pass over the bytes.
CsvTable split_csv(std::string_view bytes, std::size_t from, char delimiter,
                   std::size_t max_rows = std::numeric_limits<std::size_t>::max());

/// The delimiter a header line uses: the most frequent of tab, comma and
/// semicolon outside quotes; comma when there is none.
char sniff_delimiter(std::string_view header_line);

/// Which field of a row holds what; nullopt for a column the header lacks.
struct CsvColumnMap {
  std::optional<std::size_t> id;
  std::optional<std::size_t> speaker;
  std::optional<std::size_t> role;
  std::optional<std::size_t> text;
  std::optional<std::size_t> start;
  std::optional<std::size_t> end;
  /// The time column's name says milliseconds ("start_ms", "BeginOffsetMillis").
  bool start_in_ms = false;
  bool end_in_ms = false;

  /// A transcript can be read: a text column and a speaker or role column.
  bool maps() const { return text.has_value() && (speaker.has_value() || role.has_value()); }
};

/// Maps header names to columns, case-insensitively, with spaces and hyphens
/// read as "_" ("Call ID" is call_id): a name given in `given` first, else the
/// built-in synonyms (README, "CSV and TSV"). The first column to match wins.
CsvColumnMap map_columns(const std::vector<std::string>& header, const CsvColumns& given);

/// What map_columns found and what it needs, for an unmappable_csv message:
/// "found id=call_id, text=message (not used: who, said); needs ...".
std::string describe_mapping(const std::vector<std::string>& header, const CsvColumnMap& map);

/// True when every header field reads as a column name: not empty, at most
/// 64 bytes and 5 words, not ending like a sentence. Call notes with commas
/// fail this.
bool looks_like_header(const std::vector<std::string>& header);

}  // namespace conduct::read_detail
