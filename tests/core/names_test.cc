#include <gtest/gtest.h>

#include "core/document.h"
#include "core/finding.h"

namespace conduct {
namespace {

TEST(Names, CategoriesRoundTrip) {
  for (Category category : kAllCategories) {
    auto parsed = parse_category(to_string(category));
    ASSERT_TRUE(parsed.has_value()) << to_string(category);
    EXPECT_EQ(*parsed, category);
  }
  EXPECT_FALSE(parse_category("rude").has_value());
  EXPECT_EQ(to_string(Category::broken_promise), "broken_promise");
}

TEST(Names, FormatsRoundTripAndOffsets) {
  for (std::string_view name : {"notes", "text", "vtt", "srt", "aws", "connect", "whisper", "jsonl",
                                "json", "ccai", "csv", "tsv"}) {
    auto parsed = parse_format(name);
    ASSERT_TRUE(parsed.has_value()) << name;
    EXPECT_EQ(to_string(*parsed), name);
  }
  EXPECT_FALSE(parse_format("docx").has_value());
  EXPECT_TRUE(offsets_in_file(Format::vtt));
  EXPECT_FALSE(offsets_in_file(Format::connect));
  EXPECT_FALSE(offsets_in_file(Format::csv));  // fields are unquoted strings
  EXPECT_EQ(format_names().size(), 12u);
}

}  // namespace
}  // namespace conduct
