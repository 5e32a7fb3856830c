// Amazon Connect Contact Lens output: Transcript[] of {ParticipantId, Content,
// BeginOffsetMillis, EndOffsetMillis}; Participants[] gives each participant's
// role. Amazon Transcribe Call Analytics writes the same shape with
// ParticipantRole on each entry and no ParticipantId: the role is then both
// the speaker and the role, taken as given.
#include <map>

#include "read/formats.h"
#include "read/json_input.h"

namespace conduct::read_detail {
namespace {

std::optional<Role> role_from_participant_role(const std::string& role) {
  if (role == "AGENT") return Role::agent;
  if (role == "CUSTOMER") return Role::customer;
  if (role == "SYSTEM") return Role::system;
  return std::nullopt;
}

}  // namespace

Result<std::vector<Turn>> read_connect(const Json& root) {
  const Json* transcript = member(root, "Transcript");
  if (transcript == nullptr || !transcript->is_array()) {
    return unsupported_json("not Amazon Connect output: no Transcript array");
  }
  std::map<std::string, Role> roles;
  if (const Json* participants = member(root, "Participants");
      participants != nullptr && participants->is_array()) {
    for (const Json& participant : *participants) {
      const Json* id = member(participant, "ParticipantId");
      const Json* role = member(participant, "ParticipantRole");
      if (id == nullptr || role == nullptr || !id->is_string() || !role->is_string()) continue;
      if (auto r = role_from_participant_role(role->get<std::string>())) {
        roles[id->get<std::string>()] = *r;
      }
    }
  }
  std::vector<Turn> turns;
  for (std::size_t i = 0; i < transcript->size(); ++i) {
    const Json& entry = (*transcript)[i];
    const Json* content = member(entry, "Content");
    if (content == nullptr || !content->is_string()) continue;
    Turn turn;
    turn.text = content->get<std::string>();
    turn.start = 0;
    turn.end = turn.text.size();
    turn.source = "/Transcript/" + std::to_string(i) + "/Content";
    const Json* participant = member(entry, "ParticipantId");
    const Json* participant_role = member(entry, "ParticipantRole");
    auto speaker = participant != nullptr ? scalar_text(*participant) : std::nullopt;
    auto given_role = participant_role != nullptr && participant_role->is_string()
                          ? std::optional<std::string>(participant_role->get<std::string>())
                          : std::nullopt;
    turn.speaker = speaker ? *speaker : given_role ? *given_role : "unknown";
    if (auto it = roles.find(turn.speaker); it != roles.end()) {
      turn.role = it->second;
    } else if (auto from_entry =
                   given_role ? role_from_participant_role(*given_role) : std::nullopt) {
      turn.role = *from_entry;
    } else if (auto from_label = role_from_participant_role(turn.speaker)) {
      turn.role = *from_label;
    }
    if (const Json* begin = member(entry, "BeginOffsetMillis")) turn.begin_ms = millis(*begin);
    if (const Json* end = member(entry, "EndOffsetMillis")) turn.end_ms = millis(*end);
    turns.push_back(std::move(turn));
  }
  return turns;
}

}  // namespace conduct::read_detail
