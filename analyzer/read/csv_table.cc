#include "read/csv_table.h"

#include <array>
#include <cctype>

#include "read/text_scan.h"

namespace conduct::read_detail {
namespace {

// Built-in header names of each column, after normalize_name. Role columns
// hold "agent"/"customer"; speaker columns hold labels (which may be role
// words too: infer_roles reads them).
constexpr std::array<std::string_view, 9> kIdNames = {
    "conversation_id", "conversation", "call_id", "contact_id",    "session_id",
    "ticket_id",       "chat_id",      "id",      "interaction_id"};
constexpr std::array<std::string_view, 8> kSpeakerNames = {
    "speaker", "participant", "party", "sender", "author", "from", "speaker_label", "user"};
constexpr std::array<std::string_view, 4> kRoleNames = {"role", "participant_role", "speaker_role",
                                                        "participantrole"};
constexpr std::array<std::string_view, 6> kTextNames = {"text",    "utterance", "transcript",
                                                        "message", "content",   "body"};
constexpr std::array<std::string_view, 9> kStartNames = {
    "start",     "start_time",        "begin",    "begin_offset_millis", "start_ms",
    "timestamp", "beginoffsetmillis", "begin_ms", "start_offset_millis"};
constexpr std::array<std::string_view, 7> kEndNames = {
    "end", "end_time", "end_ms", "stop", "end_offset_millis", "endoffsetmillis", "finish"};

// "Call ID" -> "call_id": lower case, blanks and hyphens as "_", trimmed.
std::string normalize_name(std::string_view name) {
  std::size_t begin = 0;
  std::size_t end = name.size();
  while (begin < end && is_space(name[begin])) ++begin;
  while (end > begin && is_space(name[end - 1])) --end;
  std::string out;
  out.reserve(end - begin);
  for (std::size_t i = begin; i < end; ++i) {
    const char c = name[i];
    out.push_back(c == ' ' || c == '-'
                      ? '_'
                      : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// A time column's name says milliseconds: "start_ms", "begin_offset_millis".
bool names_milliseconds(std::string_view name) {
  return name.ends_with("_ms") || name.ends_with("ms") ||
         name.find("millis") != std::string_view::npos;
}

template <std::size_t N>
std::optional<std::size_t> find_column(const std::vector<std::string>& names,
                                       const std::string& given,
                                       const std::array<std::string_view, N>& synonyms) {
  if (!given.empty()) {
    const std::string wanted = normalize_name(given);
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == wanted) return i;
    }
    return std::nullopt;  // a name given replaces the synonyms
  }
  for (std::string_view synonym : synonyms) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == synonym) return i;
    }
  }
  return std::nullopt;
}

}  // namespace

CsvTable split_csv(std::string_view bytes, std::size_t from, char delimiter, std::size_t max_rows) {
  CsvTable table;
  std::size_t line = line_number_at(bytes, from);
  std::size_t pos = from;
  while (pos < bytes.size() && table.rows.size() < max_rows) {
    CsvRow row;
    row.line = line;
    std::string field;
    bool quoted = false;  // inside quotes now
    bool any = false;     // the row has a character other than the line break
    bool row_done = false;
    std::size_t quote_line = 0;
    while (pos < bytes.size() && !row_done) {
      const char c = bytes[pos++];
      if (quoted) {
        if (c == '"') {
          if (pos < bytes.size() && bytes[pos] == '"') {
            field.push_back('"');
            ++pos;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') ++line;
          field.push_back(c);
        }
        continue;
      }
      if (c == '"' && field.empty()) {
        quoted = true;
        any = true;
        quote_line = line;
      } else if (c == delimiter) {
        row.fields.push_back(std::move(field));
        field.clear();
        any = true;
      } else if (c == '\n') {
        ++line;
        row_done = true;
      } else if (c == '\r' && (pos == bytes.size() || bytes[pos] == '\n')) {
        // the "\r" of "\r\n"
      } else {
        field.push_back(c);
        any = any || !is_space(c);
      }
    }
    if (quoted) {
      table.unclosed_quote_line = quote_line;
      return table;
    }
    if (!any) continue;  // a blank line
    row.fields.push_back(std::move(field));
    row.row = table.rows.size() + 1;
    table.rows.push_back(std::move(row));
  }
  return table;
}

char sniff_delimiter(std::string_view header_line) {
  std::size_t tabs = 0;
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  bool quoted = false;
  for (char c : header_line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    tabs += c == '\t';
    commas += c == ',';
    semicolons += c == ';';
  }
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

CsvColumnMap map_columns(const std::vector<std::string>& header, const CsvColumns& given) {
  std::vector<std::string> names;
  names.reserve(header.size());
  for (const std::string& name : header) names.push_back(normalize_name(name));
  CsvColumnMap map;
  map.id = find_column(names, given.id, kIdNames);
  map.speaker = find_column(names, given.speaker, kSpeakerNames);
  map.role = find_column(names, given.role, kRoleNames);
  map.text = find_column(names, given.text, kTextNames);
  map.start = find_column(names, given.start, kStartNames);
  map.end = find_column(names, given.end, kEndNames);
  if (map.start) map.start_in_ms = names_milliseconds(names[*map.start]);
  if (map.end) map.end_in_ms = names_milliseconds(names[*map.end]);
  return map;
}

std::string describe_mapping(const std::vector<std::string>& header, const CsvColumnMap& map) {
  const std::array<std::pair<std::string_view, std::optional<std::size_t>>, 6> columns = {{
      {"id", map.id},
      {"speaker", map.speaker},
      {"role", map.role},
      {"text", map.text},
      {"start", map.start},
      {"end", map.end},
  }};
  std::string found;
  std::vector<bool> used(header.size(), false);
  for (const auto& [what, index] : columns) {
    if (!index) continue;
    used[*index] = true;
    if (!found.empty()) found += ", ";
    found.append(what).append("=").append(header[*index]);
  }
  std::string unused;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (used[i]) continue;
    if (!unused.empty()) unused += ", ";
    unused += "\"" + header[i] + "\"";
  }
  std::string out = "found " + (found.empty() ? std::string("no known column") : found);
  if (!unused.empty()) out += " (not recognised: " + unused + ")";
  out += "; needs ";
  if (!map.text) out += "a text column (text, utterance, transcript, message, content, body)";
  if (!map.text && !map.speaker && !map.role) out += " and ";
  if (!map.speaker && !map.role) {
    out +=
        "a speaker or role column (speaker, participant, party, sender, author, from, role, "
        "participant_role, speaker_role)";
  }
  return out;
}

bool looks_like_header(const std::vector<std::string>& header) {
  if (header.size() < 2) return false;
  for (const std::string& field : header) {
    const std::string name = normalize_name(field);
    if (name.empty() || name.size() > 64) return false;
    const char last = name.back();
    if (last == '.' || last == '!' || last == '?') return false;
    std::size_t words = 1;
    for (char c : name) words += c == '_';
    if (words > 5) return false;
  }
  return true;
}

}  // namespace conduct::read_detail

namespace conduct {

Result<CsvColumns> parse_csv_columns(std::string_view spec) {
  CsvColumns columns;
  std::size_t pos = 0;
  while (pos <= spec.size()) {
    const std::size_t comma = std::min(spec.find(',', pos), spec.size());
    const std::string_view pair = spec.substr(pos, comma - pos);
    pos = comma + 1;
    if (read_detail::is_blank(pair)) continue;
    const std::size_t equals = pair.find('=');
    const std::string_view key = equals == std::string_view::npos ? pair : pair.substr(0, equals);
    const std::string_view name =
        equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1);
    std::string* slot = key == "id"        ? &columns.id
                        : key == "speaker" ? &columns.speaker
                        : key == "role"    ? &columns.role
                        : key == "text"    ? &columns.text
                        : key == "start"   ? &columns.start
                        : key == "end"     ? &columns.end
                                           : nullptr;
    if (slot == nullptr || read_detail::is_blank(name)) {
      return Error{ErrorCode::bad_options,
                   "\"" + std::string(pair) +
                       "\" is not key=name with a key of id, speaker, role, text, start, end",
                   "", 0};
    }
    *slot = std::string(name);
  }
  return columns;
}

}  // namespace conduct
