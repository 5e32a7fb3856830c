// Format detection from content; the extension decides only what content
// leaves open. JSON is recognised by shape, subtitles by their timing lines,
// labelled text by recurring speaker labels; anything else is call notes.
#include <map>
#include <set>

#include "read/csv_table.h"
#include "read/reader.h"
#include "read/roles.h"
#include "read/simd_json.h"
#include "read/text_scan.h"

namespace conduct {
namespace {

using read_detail::JsonElement;
using read_detail::LineRange;

// Detection looks at this much of a file; formats announce themselves early.
constexpr std::size_t kDetectWindow = 64 * 1024;

std::string_view extension_of(std::string_view path) {
  const std::size_t slash = path.find_last_of("/\\");
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return path.substr(dot);
}

bool has_extension(std::string_view path, std::string_view ext) {
  const std::string_view actual = extension_of(path);
  if (actual.size() != ext.size()) return false;
  for (std::size_t i = 0; i < ext.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(actual[i])) != ext[i]) return false;
  }
  return true;
}

bool is_jsonl_path(std::string_view path) {
  return has_extension(path, ".jsonl") || has_extension(path, ".ndjson");
}

bool is_record(JsonElement value) {
  return read_detail::member(value, "text") || read_detail::member(value, "turns");
}

// A CCAI Insights conversation: the upload format's entries[], or a
// Conversation resource's transcript segments.
bool is_ccai(JsonElement value) {
  const auto entries = read_detail::member(value, "entries");
  if (entries && entries->is_array()) return true;
  const auto transcript = read_detail::member(value, "transcript");
  return transcript && (read_detail::member(*transcript, "transcriptSegments") ||
                        read_detail::member(*transcript, "transcript_segments"));
}

// The format a parsed JSON value has, by its top-level keys. `one_line`: the
// value is the file's only line, which a JSON Lines file of one record is.
Format json_shape(JsonElement value, std::string_view path, bool one_line) {
  if (read_detail::member(value, "results")) return Format::aws;
  if (read_detail::member(value, "Transcript")) return Format::connect;
  if (read_detail::member(value, "segments")) return Format::whisper;
  if (is_ccai(value)) return Format::ccai;
  simdjson::dom::array array;
  if (value.get_array().get(array) == simdjson::SUCCESS && array.begin() != array.end() &&
      is_record(*array.begin())) {
    return Format::json;
  }
  if (is_record(value)) return one_line ? Format::jsonl : Format::json;
  if (is_jsonl_path(path)) return Format::jsonl;
  // Valid JSON of no known shape: read_document on it says unsupported_json.
  return Format::aws;
}

// JSON is parsed whole by simdjson, which is faster than nlohmann's parser
// building only the top levels.
Format detect_json(std::string_view path, std::string_view body,
                   const std::vector<LineRange>& lines) {
  simdjson::dom::parser parser;
  // JSON Lines: the first non-blank line is a whole object, and so is the next.
  std::vector<std::string_view> non_blank;
  for (const LineRange& line : lines) {
    std::string_view text = body.substr(line.begin, line.end - line.begin);
    if (!read_detail::is_blank(text)) non_blank.push_back(text);
    if (non_blank.size() == 2) break;
  }
  if (!non_blank.empty()) {
    if (const auto first = read_detail::try_parse_json(parser, non_blank[0])) {
      if (non_blank.size() == 1) return json_shape(*first, path, true);
      const std::size_t next = read_detail::skip_blanks(non_blank[1], 0);
      if (first->is_object() && next < non_blank[1].size() && non_blank[1][next] == '{') {
        return Format::jsonl;
      }
    }
  }
  if (const auto whole = read_detail::try_parse_json(parser, body)) {
    return json_shape(*whole, path, false);
  }
  // Broken JSON: guess the format from its keys so that reading it reports
  // malformed_json with the line.
  if (is_jsonl_path(path)) return Format::jsonl;
  const std::string_view head = body.substr(0, kDetectWindow);
  if (head.find("\"Transcript\"") != std::string_view::npos) return Format::connect;
  if (head.find("\"segments\"") != std::string_view::npos) return Format::whisper;
  if (head.find("\"entries\"") != std::string_view::npos) return Format::ccai;
  return Format::aws;
}

// "{" opens JSON; "[" does only before a value ("[{", "[[", "[\"", "[]"), as
// "[00:01:02] Agent:" is a timestamped text line.
bool starts_json(std::string_view text) {
  if (text.empty()) return false;
  if (text[0] == '{') return true;
  if (text[0] != '[') return false;
  std::size_t next = 1;
  while (next < text.size() && read_detail::is_space(text[next])) ++next;
  return next < text.size() &&
         (text[next] == '{' || text[next] == '[' || text[next] == '"' || text[next] == ']');
}

// A CSV or TSV export: a .csv or .tsv file whose first line reads as a header
// of column names; any other file only when its header maps to a transcript
// (a text column and a speaker or role column) and the next row has as many
// fields. Call notes with commas are neither.
std::optional<Format> detect_csv(std::string_view path, std::string_view window) {
  const bool tsv_path = has_extension(path, ".tsv");
  const bool csv_path = has_extension(path, ".csv");
  const std::size_t header_end = std::min(window.find('\n'), window.size());
  const char delimiter =
      tsv_path ? '\t' : read_detail::sniff_delimiter(window.substr(0, header_end));
  const auto table = read_detail::split_csv(window, 0, delimiter, 2);
  if (table.rows.empty()) return std::nullopt;
  const std::vector<std::string>& header = table.rows[0].fields;
  if (!read_detail::looks_like_header(header)) return std::nullopt;
  const Format format = delimiter == '\t' ? Format::tsv : Format::csv;
  if (csv_path || tsv_path) return format;
  if (!read_detail::map_columns(header, {}).maps()) return std::nullopt;
  if (table.rows.size() < 2 || table.rows[1].fields.size() != header.size()) return std::nullopt;
  return format;
}

bool looks_like_srt(std::string_view body, const std::vector<LineRange>& lines) {
  std::vector<std::string_view> head;
  for (const LineRange& line : lines) {
    std::string_view text = body.substr(line.begin, line.end - line.begin);
    if (!read_detail::is_blank(text)) head.push_back(text);
    if (head.size() == 2) break;
  }
  if (head.empty()) return false;
  if (read_detail::parse_cue_timing(head[0])) return true;
  const bool number = head[0].find_first_not_of("0123456789 \t") == std::string_view::npos;
  return number && head.size() == 2 && read_detail::parse_cue_timing(head[1]).has_value();
}

bool has_timing_line(std::string_view body, const std::vector<LineRange>& lines) {
  for (const LineRange& line : lines) {
    if (read_detail::parse_cue_timing(body.substr(line.begin, line.end - line.begin))) return true;
  }
  return false;
}

// Two or more believable labelled lines (a recurring label, a timestamp, a
// role word or an opaque id), some label recurring, covering at least a third
// of the non-blank lines.
bool looks_like_text(std::string_view body, const std::vector<LineRange>& lines) {
  std::map<std::string_view, int> counts;
  std::vector<read_detail::LabelledLine> labelled;
  std::size_t non_blank = 0;
  for (const LineRange& line : lines) {
    std::string_view text = body.substr(line.begin, line.end - line.begin);
    if (read_detail::is_blank(text)) continue;
    ++non_blank;
    if (auto parsed = read_detail::parse_labelled_line(text)) {
      ++counts[parsed->label];
      labelled.push_back(*parsed);
    }
  }
  const std::set<std::string_view> handles = read_detail::addressed_handles(body);
  std::size_t believed = 0;
  bool recurring = false;
  std::set<std::string_view> named;  // labels that name a role or are ids
  for (const auto& line : labelled) {
    const bool recurs = counts[line.label] >= 2;
    recurring = recurring || recurs;
    // A label the other lines address as "@label" is a handle in a thread.
    const bool addressed = handles.count(line.label) > 0;
    const bool names_speaker = addressed || line.begin_ms ||
                               read_detail::role_from_label(line.label) ||
                               read_detail::is_opaque_label(line.label);
    if (names_speaker) named.insert(line.label);
    if (recurs || line.begin_ms || names_speaker) ++believed;
  }
  // A third of the lines: turns often run on over continuation lines. Two
  // different role labels (or handles, or timestamped labels) make a transcript even when neither
  // recurs (a two-line "Customer: ... / Agent: ..." exchange).
  return (recurring || named.size() >= 2) && believed >= 2 && believed * 3 >= non_blank;
}

}  // namespace

Format detect_format(std::string_view path, std::string_view bytes) {
  std::size_t body_start = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::string_view body = bytes.substr(body_start);
  std::size_t first = 0;
  while (first < body.size() && read_detail::is_space(body[first])) ++first;
  if (body.substr(first, 6) == "WEBVTT") return Format::vtt;
  const std::string_view window = body.substr(0, kDetectWindow);
  const std::vector<LineRange> lines = read_detail::split_lines(window, 0);
  if (starts_json(body.substr(first))) return detect_json(path, body, lines);
  if (auto csv = detect_csv(path, window)) return *csv;
  if (looks_like_srt(window, lines)) return Format::srt;
  if (looks_like_text(window, lines)) return Format::text;
  // Content says notes; a subtitle extension with timing lines says otherwise.
  if (has_extension(path, ".vtt") && has_timing_line(window, lines)) return Format::vtt;
  if (has_extension(path, ".srt") && has_timing_line(window, lines)) return Format::srt;
  return Format::notes;
}

}  // namespace conduct
