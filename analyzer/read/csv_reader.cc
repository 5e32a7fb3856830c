// CSV and TSV exports of contact-centre platforms: a header, then one row per
// utterance with a conversation id, a speaker or role, the text and optional
// times. Rows are grouped into one document per conversation id, in order of
// first appearance. Fields are decoded strings (quotes removed), so turns are
// read like JSON turns: offsets in the field, and a source naming the row and
// column ("row 12, column text").
#include <map>

#include "read/csv_table.h"
#include "read/formats.h"
#include "read/roles.h"
#include "read/text_scan.h"
#include "read/times.h"

namespace conduct::read_detail {
namespace {

// The role a role column's value states ("AGENT", "End user", "IVR"); nullopt
// for values that name no side.
std::optional<Role> role_from_value(std::string_view value) {
  std::string word;
  for (char c : value) {
    word.push_back(c == ' ' || c == '-'
                       ? '_'
                       : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  for (std::string_view system : {"system", "ivr", "bot", "automated_agent", "virtual_agent",
                                  "automated", "virtual_assistant"}) {
    if (word == system) return Role::system;
  }
  for (std::string_view customer : {"end_user", "enduser", "customer", "caller", "client"}) {
    if (word == customer) return Role::customer;
  }
  for (std::string_view agent : {"human_agent", "humanagent", "agent", "any_agent"}) {
    if (word == agent) return Role::agent;
  }
  return role_from_label(value);
}

// The time a field gives, in milliseconds: clock time "hh:mm:ss(.mmm)",
// seconds with a fraction ("12.5"), integer milliseconds when the column's
// name says so, or an ISO 8601 date-time (absolute: made relative to the
// conversation's first afterwards).
struct FieldTime {
  std::int64_t ms = 0;
  bool absolute = false;
};

std::optional<FieldTime> field_time(std::string_view field, bool in_ms) {
  const std::size_t begin = skip_blanks(field, 0);
  const std::size_t end = trim_end(field, begin, field.size());
  const std::string_view value = field.substr(begin, end - begin);
  if (value.empty()) return std::nullopt;
  if (auto epoch = parse_iso_datetime_ms(value)) return FieldTime{*epoch, true};
  std::size_t pos = 0;
  if (auto clock = parse_clock(value, pos); clock && pos == value.size()) {
    return FieldTime{*clock, false};
  }
  if (auto number = parse_decimal(value)) {
    const double ms = in_ms ? *number : *number * 1000.0;
    if (ms < 0 || ms > 1e13) return std::nullopt;
    return FieldTime{static_cast<std::int64_t>(ms + 0.5), false};
  }
  return std::nullopt;
}

// A conversation being gathered: its turns, or the first error of its rows.
struct Conversation {
  std::string id;
  std::size_t first_line = 0;
  std::vector<Turn> turns;
  std::vector<bool> absolute_begin;
  std::vector<bool> absolute_end;
  std::optional<Error> error;
};

std::string row_source(const CsvRow& row, const std::string& column) {
  return "row " + std::to_string(row.row) + ", column " + column;
}

Turn turn_of(const CsvRow& row, const std::vector<std::string>& header, const CsvColumnMap& map) {
  Turn turn;
  turn.text = row.fields[*map.text];
  turn.start = skip_blanks(turn.text, 0);
  while (turn.start < turn.text.size() && is_space(turn.text[turn.start])) ++turn.start;
  turn.end = trim_end(turn.text, turn.start, turn.text.size());
  turn.line = row.line;
  turn.source = row_source(row, header[*map.text]);
  std::string role_value;
  if (map.role) {
    role_value = row.fields[*map.role];
    if (auto role = role_from_value(role_value)) turn.role = *role;
  }
  std::string label = map.speaker ? row.fields[*map.speaker] : std::string();
  if (is_blank(label)) label = role_value;
  turn.speaker = is_blank(label) ? "unknown" : label;
  return turn;
}

Error csv_error(ErrorCode code, std::string message, std::string_view file, std::size_t line) {
  return Error{code, std::move(message), std::string(file), line};
}

}  // namespace

std::vector<DocumentPart> read_csv(std::string_view id, std::string_view bytes,
                                   std::size_t body_start, char delimiter,
                                   const CsvColumns& columns) {
  std::vector<DocumentPart> parts;
  const std::string file_id(id);
  const std::size_t header_end = std::min(bytes.find('\n', body_start), bytes.size());
  if (delimiter == '\0') {
    delimiter = sniff_delimiter(bytes.substr(body_start, header_end - body_start));
  }
  CsvTable table = split_csv(bytes, body_start, delimiter);
  if (table.rows.empty()) {
    const std::size_t line = table.unclosed_quote_line;
    parts.push_back(
        {file_id, line,
         csv_error(ErrorCode::malformed_csv,
                   "a quoted field opened on line " + std::to_string(line) + " is never closed", id,
                   line)});
    return parts;
  }
  const std::vector<std::string>& header = table.rows.front().fields;
  const CsvColumnMap map = map_columns(header, columns);
  if (!map.maps()) {
    const CsvRow& first = table.rows.front();
    parts.push_back({file_id, first.line,
                     csv_error(ErrorCode::unmappable_csv,
                               "cannot map the header on line " + std::to_string(first.line) +
                                   " to a transcript: " + describe_mapping(header, map) +
                                   "; name the columns with --columns (e.g. "
                                   "--columns id=call,speaker=who,text=said)",
                               id, first.line)});
    return parts;
  }

  std::vector<Conversation> conversations;
  std::map<std::string, std::size_t, std::less<>> index_of;
  auto conversation_for = [&](const std::string& key, std::size_t line) -> Conversation& {
    auto [it, added] = index_of.try_emplace(key, conversations.size());
    if (added) {
      Conversation conversation;
      conversation.id = map.id ? file_id + "#" + key : file_id;
      conversation.first_line = line;
      conversations.push_back(std::move(conversation));
    }
    return conversations[it->second];
  };

  Conversation* previous = nullptr;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    // A row whose id cannot be read belongs with the row before it: a line
    // break that should have been quoted splits one row in two.
    const bool has_id = map.id && *map.id < row.fields.size();
    Conversation& conversation = has_id ? conversation_for(row.fields[*map.id], row.line)
                                 : (previous != nullptr && map.id)
                                     ? *previous
                                     : conversation_for(std::string(), row.line);
    previous = &conversation;
    std::size_t width = row.fields.size();
    while (width > header.size() && is_blank(row.fields[width - 1])) --width;  // trailing ",,"
    if (width != header.size()) {
      if (!conversation.error) {
        conversation.error = csv_error(
            ErrorCode::malformed_csv,
            "row " + std::to_string(row.row) + " (line " + std::to_string(row.line) + ") has " +
                std::to_string(row.fields.size()) + " fields; the header (line " +
                std::to_string(table.rows.front().line) + ") has " + std::to_string(header.size()),
            id, row.line);
      }
      continue;
    }
    Turn turn = turn_of(row, header, map);
    if (turn.start == turn.end) continue;  // a row without words
    std::optional<FieldTime> begin;
    std::optional<FieldTime> end;
    if (map.start) begin = field_time(row.fields[*map.start], map.start_in_ms);
    if (map.end) end = field_time(row.fields[*map.end], map.end_in_ms);
    if (begin) turn.begin_ms = begin->ms;
    if (end) turn.end_ms = end->ms;
    conversation.absolute_begin.push_back(begin && begin->absolute);
    conversation.absolute_end.push_back(end && end->absolute);
    conversation.turns.push_back(std::move(turn));
  }
  if (table.unclosed_quote_line > 0) {
    Conversation& last = previous != nullptr
                             ? *previous
                             : conversation_for(std::string(), table.unclosed_quote_line);
    if (!last.error) {
      last.error = csv_error(ErrorCode::malformed_csv,
                             "a quoted field opened on line " +
                                 std::to_string(table.unclosed_quote_line) + " is never closed",
                             id, table.unclosed_quote_line);
    }
  }
  if (conversations.empty()) {  // a header and nothing else
    parts.push_back({file_id, table.rows.front().line,
                     csv_error(ErrorCode::no_text, "the file has a header but no rows", id,
                               table.rows.front().line)});
    return parts;
  }

  for (Conversation& conversation : conversations) {
    if (conversation.error) {
      conversation.error->file = conversation.id;
      parts.push_back({conversation.id, conversation.first_line, *conversation.error});
      continue;
    }
    // Date-times become offsets from the conversation's earliest one.
    std::optional<std::int64_t> origin;
    for (std::size_t t = 0; t < conversation.turns.size(); ++t) {
      const Turn& turn = conversation.turns[t];
      if (conversation.absolute_begin[t] && (!origin || *turn.begin_ms < *origin)) {
        origin = turn.begin_ms;
      }
    }
    for (std::size_t t = 0; t < conversation.turns.size(); ++t) {
      Turn& turn = conversation.turns[t];
      if (conversation.absolute_begin[t]) *turn.begin_ms -= origin.value_or(*turn.begin_ms);
      if (conversation.absolute_end[t]) {
        if (origin) {
          *turn.end_ms -= *origin;
        } else {
          turn.end_ms.reset();  // an end date-time with no begin to measure from
        }
      }
    }
    Document document;
    document.id = conversation.id;
    document.turns = std::move(conversation.turns);
    parts.push_back({conversation.id, conversation.first_line, std::move(document)});
  }
  return parts;
}

}  // namespace conduct::read_detail
