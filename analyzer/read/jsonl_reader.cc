// One JSON Lines record: {"id", "text"} or {"id", "turns": [...]}; every other
// field is passed through in input order. A record with `text` is read like
// call notes: one turn by "author", the customer; unless the text is a
// transcript of "Speaker: ..." lines, which is read as the text format is.
#include <cctype>
#include <map>

#include "normalize/normalizer.h"
#include "read/formats.h"
#include "read/json_input.h"
#include "read/reader.h"
#include "read/roles.h"
#include "read/text_scan.h"

namespace conduct {
namespace {

using read_detail::Json;
using read_detail::member;

Error record_error(ErrorCode code, std::string message, std::string_view fallback_id) {
  return Error{code, std::string(fallback_id) + ": " + message, "", 0};
}

std::optional<Role> parse_role(const Json& value) {
  if (!value.is_string()) return std::nullopt;
  std::string role = value.get<std::string>();
  for (char& c : role) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (role == "agent") return Role::agent;
  if (role == "customer") return Role::customer;
  if (role == "system") return Role::system;
  return std::nullopt;
}

// The author of an account: the customer, telling (not saying) what happened.
// A `text` record, and a turn whose speaker or role is "author", are read
// as call notes are.
bool is_author(std::string_view word) {
  if (word.size() != 6) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(word[i])) != "author"[i]) return false;
  }
  return true;
}

void make_author(Turn& turn) {
  turn.role = Role::customer;
  turn.reg = Register::report;
}

// A turn's times: begin_ms/end_ms, or start/end in seconds.
void read_times(const Json& object, Turn& turn) {
  if (const Json* begin = member(object, "begin_ms")) {
    turn.begin_ms = read_detail::millis(*begin);
  } else if (const Json* start = member(object, "start")) {
    turn.begin_ms = read_detail::seconds_to_ms(*start);
  }
  if (const Json* end = member(object, "end_ms")) {
    turn.end_ms = read_detail::millis(*end);
  } else if (const Json* stop = member(object, "end")) {
    turn.end_ms = read_detail::seconds_to_ms(*stop);
  }
}

bool is_iso_date(const std::string& text) {
  if (text.size() < 10) return false;
  for (std::size_t i = 0; i < 10; ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? text[i] != '-' : !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
  }
  return true;
}

// A `text` that is a transcript: two or more labelled lines, two of them
// believable (a recurring label, a timestamp, a role word or an opaque id), so
// that notes with a "Note:" or "Update:" line stay notes.
bool is_labelled_transcript(std::string_view text) {
  std::vector<read_detail::LabelledLine> labelled;
  std::map<std::string_view, int> counts;
  for (const read_detail::LineRange& line : read_detail::split_lines(text, 0)) {
    if (auto parsed =
            read_detail::parse_labelled_line(text.substr(line.begin, line.end - line.begin))) {
      ++counts[parsed->label];
      labelled.push_back(*parsed);
    }
  }
  if (labelled.size() < 2) return false;
  std::size_t believed = 0;
  for (const auto& line : labelled) {
    if (counts[line.label] >= 2 || line.begin_ms || read_detail::role_from_label(line.label) ||
        read_detail::is_opaque_label(line.label)) {
      ++believed;
    }
  }
  return believed >= 2;
}

// The turns of a transcript `text`: read as the text format reads a file, each
// turn a part of the decoded string, its offsets in that string.
std::vector<Turn> transcript_turns(const std::string& text, const std::string& source) {
  std::vector<Turn> turns = read_detail::read_text(text, 0);
  for (Turn& turn : turns) {
    turn.source = source;
    turn.source_offset = turn.start;
    turn.line = 0;  // lines of the decoded string are not lines of the input
  }
  return turns;
}

}  // namespace

namespace read_detail {

Result<Document> read_record_object(const Json& record, std::string_view fallback_id,
                                    std::string_view pointer_prefix, const ReadOptions& options,
                                    std::string_view record_text) {
  if (!record.is_object()) {
    return record_error(ErrorCode::malformed_json, "a JSON Lines record must be a JSON object",
                        fallback_id);
  }
  const std::string prefix(pointer_prefix);
  // Errors name the record by its own id when it has one.
  std::string own_id;
  if (const Json* id = member(record, "id")) own_id = read_detail::scalar_text(*id).value_or("");
  const auto fail = [&](ErrorCode code, std::string message) {
    Error error = record_error(code, std::move(message), own_id.empty() ? fallback_id : own_id);
    error.record_id = own_id;
    return error;
  };
  Document document;
  document.format = Format::jsonl;
  document.id = std::string(fallback_id);
  const Json* turns = member(record, "turns");
  const Json* text = member(record, "text");
  const bool use_turns = turns != nullptr && turns->is_array();
  if (use_turns) {
    for (std::size_t i = 0; i < turns->size(); ++i) {
      const Json& entry = (*turns)[i];
      const Json* turn_text = member(entry, "text");
      if (turn_text == nullptr || !turn_text->is_string()) {
        return fail(ErrorCode::missing_text, "turn " + std::to_string(i) + " has no text string");
      }
      Turn turn;
      turn.text = turn_text->get<std::string>();
      turn.end = turn.text.size();
      turn.source = prefix + "/turns/" + std::to_string(i) + "/text";
      const Json* speaker = member(entry, "speaker");
      auto label = speaker ? read_detail::scalar_text(*speaker) : std::nullopt;
      turn.speaker = label && !label->empty() ? *label : "unknown";
      const Json* role = member(entry, "role");
      if (role != nullptr) turn.role = parse_role(*role).value_or(Role::unknown);
      if (is_author(turn.speaker) ||
          (role != nullptr && role->is_string() && is_author(role->get<std::string>()))) {
        make_author(turn);
      }
      read_times(entry, turn);
      document.turns.push_back(std::move(turn));
    }
  } else if (text != nullptr && text->is_string()) {
    const std::string& whole = text->get_ref<const std::string&>();
    if (is_labelled_transcript(whole)) {
      document.turns = transcript_turns(whole, prefix + "/text");
    }
    if (document.turns.empty()) {
      Turn turn;
      turn.speaker = "author";
      make_author(turn);
      turn.text = whole;
      turn.end = turn.text.size();
      turn.source = prefix + "/text";
      document.turns.push_back(std::move(turn));
    }
  } else {
    return fail(ErrorCode::missing_text, "the record has neither a text string nor a turns array");
  }
  bool any_text = false;
  for (const Turn& turn : document.turns) {
    any_text = any_text || !read_detail::is_blank(turn.text);
  }
  if (!any_text) return fail(ErrorCode::no_text, "the record has no text");

  // Each member's text as written, by key (the last of a repeated key, as
  // in the parsed record).
  std::map<std::string, std::string_view, std::less<>> written;
  for (const RawMember& raw : raw_members(record_text)) {
    const std::string_view token = raw.key_token;
    if (token.size() >= 2 && token.find('\\') == std::string_view::npos) {
      written[std::string(token.substr(1, token.size() - 2))] = raw.value;
    } else if (const Json key = Json::parse(token, nullptr, false); key.is_string()) {
      written[key.get<std::string>()] = raw.value;
    }
  }
  for (auto it = record.begin(); it != record.end(); ++it) {
    const std::string& key = it.key();
    if (key == "id") {
      if (auto id = read_detail::scalar_text(it.value())) document.id = *id;
      continue;
    }
    if ((key == "turns" && use_turns) || (key == "text" && !use_turns)) continue;
    if (key == "date" && it.value().is_string() && is_iso_date(it.value().get<std::string>())) {
      document.date = it.value().get<std::string>().substr(0, 10);
    }
    const auto as_written = written.find(key);
    document.passthrough.push_back(
        {key, as_written != written.end() ? std::string(as_written->second) : it.value().dump()});
  }
  if (auto error = check_document_limits(document, options.limits)) {
    return fail(error->code, error->message);
  }
  infer_roles(document, options);
  return document;
}

}  // namespace read_detail

Result<Document> read_jsonl_record(std::string_view line, std::string_view fallback_id,
                                   const ReadOptions& options) {
  std::size_t bad = 0;
  if (!is_valid_utf8(line, &bad)) {
    return record_error(ErrorCode::invalid_utf8,
                        "invalid UTF-8 at byte " + std::to_string(bad) + " of the record",
                        fallback_id);
  }
  auto parsed = read_detail::parse_json(line, 0, options.limits.max_json_depth);
  if (!parsed.ok()) return record_error(parsed.error().code, parsed.error().message, fallback_id);
  return read_detail::read_record_object(parsed.value(), fallback_id, "", options, line);
}

}  // namespace conduct
