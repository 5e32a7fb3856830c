// Google CCAI Insights conversations, in the two shapes Google documents:
// - the upload format ("Conversation data format"): entries[] of {text, role,
//   user_id, start_timestamp_usec}, times in microseconds since the epoch;
// - a Conversation resource as the API returns it: transcript.transcriptSegments[]
//   of {text, words[], channelTag, segmentParticipant {role, userId},
//   messageTime}, in camelCase (REST) or snake_case (protobuf field names).
// The role is given: AUTOMATED_AGENT is the company's automated side (system),
// HUMAN_AGENT, AGENT and ANY_AGENT the agent, END_USER and CUSTOMER the
// customer.
#include "read/formats.h"
#include "read/json_input.h"
#include "read/text_scan.h"
#include "read/times.h"

namespace conduct::read_detail {
namespace {

std::optional<Role> ccai_role(const Json* value) {
  if (value == nullptr || !value->is_string()) return std::nullopt;
  const std::string& role = value->get_ref<const std::string&>();
  if (role == "AUTOMATED_AGENT") return Role::system;
  if (role == "AGENT" || role == "HUMAN_AGENT" || role == "ANY_AGENT") return Role::agent;
  if (role == "END_USER" || role == "CUSTOMER") return Role::customer;
  return std::nullopt;
}

// A member under its camelCase (REST JSON) or snake_case (protobuf) name.
const Json* either(const Json& object, std::string_view camel, std::string_view snake) {
  const Json* value = member(object, camel);
  return value != nullptr ? value : member(object, snake);
}

// The text span of a decoded string: without leading and trailing blanks.
void set_span(Turn& turn) {
  turn.start = 0;
  while (turn.start < turn.text.size() && is_space(turn.text[turn.start])) ++turn.start;
  turn.end = trim_end(turn.text, turn.start, turn.text.size());
}

// A Duration as JSON writes it ("1.500s") or as an object {seconds, nanos}.
std::optional<std::int64_t> duration_ms(const Json* value) {
  if (value == nullptr) return std::nullopt;
  if (value->is_string()) return parse_duration_ms(value->get_ref<const std::string&>());
  if (value->is_object()) {
    const Json* seconds = member(*value, "seconds");
    const Json* nanos = member(*value, "nanos");
    auto s = seconds != nullptr ? millis(*seconds) : std::optional<std::int64_t>(0);
    auto n = nanos != nullptr ? millis(*nanos) : std::optional<std::int64_t>(0);
    if (!s || !n) return std::nullopt;
    return *s * 1000 + *n / 1000000;
  }
  return std::nullopt;
}

Result<std::vector<Turn>> read_entries(const Json& entries) {
  std::vector<Turn> turns;
  std::optional<std::int64_t> first_usec;
  std::vector<std::optional<std::int64_t>> usecs;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Json& entry = entries[i];
    const std::string pointer = "/entries/" + std::to_string(i);
    const Json* text = member(entry, "text");
    if (text == nullptr || !text->is_string()) {
      return Error{ErrorCode::missing_text,
                   "CCAI entry " + pointer + " has no text string (every entry needs one)", "", 0};
    }
    Turn turn;
    turn.text = text->get<std::string>();
    set_span(turn);
    turn.source = pointer + "/text";
    const Json* role = member(entry, "role");
    turn.role = ccai_role(role).value_or(Role::unknown);
    const Json* user = member(entry, "user_id");
    auto label = user != nullptr ? scalar_text(*user) : std::nullopt;
    if ((!label || label->empty()) && role != nullptr) label = scalar_text(*role);
    turn.speaker = label && !label->empty() ? *label : "unknown";
    const Json* stamp = member(entry, "start_timestamp_usec");
    const auto usec = stamp != nullptr ? millis(*stamp) : std::nullopt;
    if (usec && (!first_usec || *usec < *first_usec)) first_usec = usec;
    usecs.push_back(usec);
    turns.push_back(std::move(turn));
  }
  // Times from the conversation's start: the earliest entry (entries are
  // chronological, so the first).
  for (std::size_t i = 0; i < turns.size(); ++i) {
    if (usecs[i]) turns[i].begin_ms = (*usecs[i] - *first_usec) / 1000;
  }
  return turns;
}

Result<std::vector<Turn>> read_segments(const Json& segments, const std::string& base) {
  std::vector<Turn> turns;
  std::optional<std::int64_t> first_message;
  std::vector<std::optional<std::int64_t>> message_times;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Json& segment = segments[i];
    const std::string pointer = base + "/" + std::to_string(i);
    Turn turn;
    const Json* words = member(segment, "words");
    const bool has_words = words != nullptr && words->is_array() && !words->empty();
    if (const Json* text = member(segment, "text"); text != nullptr && text->is_string()) {
      turn.text = text->get<std::string>();
      turn.source = pointer + "/text";
    } else if (has_words) {
      for (const Json& word : *words) {
        const Json* content = member(word, "word");
        if (content == nullptr || !content->is_string()) continue;
        if (!turn.text.empty()) turn.text.push_back(' ');
        turn.text += content->get_ref<const std::string&>();
      }
      turn.source = pointer + "/words";
    }
    if (is_blank(turn.text)) continue;
    set_span(turn);
    if (has_words) {
      turn.begin_ms = duration_ms(either(words->front(), "startOffset", "start_offset"));
      turn.end_ms = duration_ms(either(words->back(), "endOffset", "end_offset"));
    }
    std::optional<std::string> label;
    if (const Json* participant = either(segment, "segmentParticipant", "segment_participant")) {
      const Json* role = member(*participant, "role");
      turn.role = ccai_role(role).value_or(Role::unknown);
      for (auto [camel, snake] :
           {std::pair{"userId", "user_id"},
            std::pair{"obfuscatedExternalUserId", "obfuscated_external_user_id"},
            std::pair{"dialogflowParticipantName", "dialogflow_participant_name"}}) {
        if (const Json* id = either(*participant, camel, snake)) label = scalar_text(*id);
        if (label && !label->empty()) break;
      }
      if ((!label || label->empty()) && role != nullptr) label = scalar_text(*role);
    }
    if (!label || label->empty()) {
      const Json* channel = either(segment, "channelTag", "channel_tag");
      if (auto tag = channel != nullptr ? scalar_text(*channel) : std::nullopt) {
        label = "channel " + *tag;
      }
    }
    turn.speaker = label && !label->empty() ? *label : "unknown";
    const Json* when = either(segment, "messageTime", "message_time");
    const auto at = when != nullptr && when->is_string()
                        ? parse_iso_datetime_ms(when->get_ref<const std::string&>())
                        : std::nullopt;
    if (at && (!first_message || *at < *first_message)) first_message = at;
    message_times.push_back(at);
    turns.push_back(std::move(turn));
  }
  // Chat segments carry a message time instead of word offsets.
  for (std::size_t i = 0; i < turns.size(); ++i) {
    if (!turns[i].begin_ms && message_times[i]) {
      turns[i].begin_ms = *message_times[i] - *first_message;
    }
  }
  return turns;
}

}  // namespace

Result<std::vector<Turn>> read_ccai(const Json& root) {
  if (const Json* entries = member(root, "entries"); entries != nullptr && entries->is_array()) {
    return read_entries(*entries);
  }
  if (const Json* transcript = member(root, "transcript")) {
    if (const Json* segments = member(*transcript, "transcriptSegments");
        segments != nullptr && segments->is_array()) {
      return read_segments(*segments, "/transcript/transcriptSegments");
    }
    if (const Json* segments = member(*transcript, "transcript_segments");
        segments != nullptr && segments->is_array()) {
      return read_segments(*segments, "/transcript/transcript_segments");
    }
  }
  return unsupported_json(
      "not a CCAI Insights conversation: no entries array and no "
      "transcript.transcriptSegments array");
}

}  // namespace conduct::read_detail
