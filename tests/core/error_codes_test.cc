// The closed list of error codes is one table: the code's, the schema's
// enum and the README's table hold the same codes in the same order.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "core/error.h"
#include "test_support.h"

namespace conduct {
namespace {

std::vector<std::string> code_names() {
  std::vector<std::string> names;
  for (const ErrorCodeInfo& info : kErrorCodes) names.emplace_back(info.name);
  return names;
}

TEST(ErrorCodes, NamesAreUniqueSnakeCaseAndRoundTrip) {
  const auto names = code_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_TRUE(std::regex_match(names[i], std::regex("[a-z][a-z0-9_]*"))) << names[i];
    EXPECT_EQ(static_cast<std::size_t>(kErrorCodes[i].code), i);
    EXPECT_FALSE(meaning(kErrorCodes[i].code).empty()) << names[i];
    for (std::size_t j = i + 1; j < names.size(); ++j) EXPECT_NE(names[i], names[j]);
  }
  EXPECT_EQ(to_string(ErrorCode::invalid_utf8), "invalid_utf8");
  EXPECT_EQ(kind_of(ErrorCode::bad_model), ErrorKind::configuration);
  EXPECT_EQ(kind_of(ErrorCode::no_text), ErrorKind::input);
}

TEST(ErrorCodes, SchemaEnumeratesExactlyTheCodes) {
  const auto schema = nlohmann::json::parse(
      testing::read_file(testing::source_dir() / "schema" / "conduct-1.schema.json"));
  const auto enumerated =
      schema["$defs"]["error_record"]["properties"]["error"]["properties"]["code"]["enum"]
          .get<std::vector<std::string>>();
  EXPECT_EQ(enumerated, code_names());
}

TEST(ErrorCodes, ReadmeTableListsExactlyTheCodes) {
  const std::string readme = testing::read_file(testing::source_dir() / "README.md");
  const std::regex row(R"(\n\| `([a-z_0-9]+)` \| (input|configuration|data) \| )");
  std::vector<std::string> listed;
  for (auto it = std::sregex_iterator(readme.begin(), readme.end(), row);
       it != std::sregex_iterator(); ++it) {
    listed.push_back((*it)[1]);
  }
  EXPECT_EQ(listed, code_names());
}

}  // namespace
}  // namespace conduct
