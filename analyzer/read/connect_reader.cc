// Amazon Connect Contact Lens output: Transcript[] of {ParticipantId, Content,
// BeginOffsetMillis, EndOffsetMillis}; Participants[] gives each participant's
// role.
#include <map>

#include "read/formats.h"
#include "read/json_input.h"

namespace conduct::read_detail {
namespace {

std::optional<Role> role_from_participant_role(const std::string& role) {
  if (role == "AGENT") return Role::agent;
  if (role == "CUSTOMER") return Role::customer;
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
    auto speaker = participant != nullptr ? scalar_text(*participant) : std::nullopt;
    turn.speaker = speaker ? *speaker : "unknown";
    if (auto it = roles.find(turn.speaker); it != roles.end()) {
      turn.role = it->second;
    } else if (auto r = role_from_participant_role(turn.speaker)) {
      turn.role = *r;
    }
    if (const Json* begin = member(entry, "BeginOffsetMillis")) turn.begin_ms = millis(*begin);
    if (const Json* end = member(entry, "EndOffsetMillis")) turn.end_ms = millis(*end);
    turns.push_back(std::move(turn));
  }
  return turns;
}

}  // namespace conduct::read_detail
