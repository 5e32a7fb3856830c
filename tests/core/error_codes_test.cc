// The closed list of error codes is one table: the code's, the schema's
// enum and the README's table hold the same codes in the same order.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
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
    // std::regex is avoided: GCC 12 warns inside it at -O1 with the sanitizers.
    EXPECT_TRUE(!names[i].empty() && names[i][0] >= 'a' && names[i][0] <= 'z') << names[i];
    EXPECT_EQ(names[i].find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_"),
              std::string::npos)
        << names[i];
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
  // Rows "| `code` | kind | meaning |" of the error table.
  std::vector<std::string> listed;
  for (std::size_t at = readme.find("\n| `"); at != std::string::npos;
       at = readme.find("\n| `", at + 1)) {
    const std::size_t end = readme.find('`', at + 4);
    const std::string code = readme.substr(at + 4, end - at - 4);
    const std::string rest = readme.substr(end + 1, 20);
    for (const char* kind : {" | input | ", " | configuration | ", " | data | "}) {
      if (rest.rfind(kind, 0) == 0) listed.push_back(code);
    }
  }
  EXPECT_EQ(listed, code_names());
}

}  // namespace
}  // namespace conduct
