// append_member builds the same object as operator[] for distinct keys, in
// the order given, without looking the key up.
#include "report/json_members.h"

#include <gtest/gtest.h>

#include <string>

namespace conduct::report_detail {
namespace {

TEST(JsonMembers, AppendingDistinctKeysEqualsAssigningThemInOrder) {
  nlohmann::ordered_json appended;
  nlohmann::ordered_json assigned = nlohmann::ordered_json::object();
  for (const std::string key : {"Zoe", "agent", "Ann", "SPEAKER_01"}) {
    append_member(appended, key, nlohmann::ordered_json{{"turns", key.size()}});
    assigned[key] = nlohmann::ordered_json{{"turns", key.size()}};
  }
  EXPECT_EQ(appended.dump(), assigned.dump());
  EXPECT_EQ(
      appended.dump(),
      R"({"Zoe":{"turns":3},"agent":{"turns":5},"Ann":{"turns":3},"SPEAKER_01":{"turns":10}})");
  EXPECT_EQ(appended.at("Ann").at("turns"), 3);
}

}  // namespace
}  // namespace conduct::report_detail
