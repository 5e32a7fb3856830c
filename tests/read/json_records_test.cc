// Records of the JSON Lines shape outside JSON Lines: a pretty-printed record
// file and an array of records; and a record whose text is a transcript of
// "Speaker: ..." lines.
#include <nlohmann/json.hpp>

#include "read/json_input.h"
#include "read_test_support.h"

namespace conduct {
namespace {

using testing::read_file;
using testing::read_fixture;

TEST(JsonRecords, APrettyPrintedRecordIsOneDocument) {
  const std::string bytes = read_file(read_fixture("pretty-record.json"));
  EXPECT_EQ(detect_format("pretty-record.json", bytes), Format::json);
  auto d = read_document("pretty-record.json", bytes, Format::json, {});
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d.value().id, "ticket-77");
  EXPECT_EQ(d.value().format, Format::json);
  EXPECT_EQ(d.value().date, "2024-05-02");
  const auto& passthrough = d.value().passthrough;
  EXPECT_NE(
      std::find(passthrough.begin(), passthrough.end(), PassthroughField{"channel", R"("email")"}),
      passthrough.end());
  ASSERT_EQ(d.value().turns.size(), 2u);
  EXPECT_EQ(d.value().turns[1].source, "/turns/1/text");
  EXPECT_EQ(d.value().turns[1].role, Role::customer);
}

TEST(JsonRecords, AnArrayGivesOneDocumentPerElement) {
  const std::string bytes = read_file(read_fixture("records-array.json"));
  EXPECT_EQ(detect_format("records-array.json", bytes), Format::json);
  const auto parts = read_documents("records-array.json", bytes, Format::json, {});
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].id, "n-1");
  EXPECT_EQ(parts[1].id, "records-array.json#1");  // no id of its own
  ASSERT_TRUE(parts[0].document.ok());
  EXPECT_EQ(parts[0].document.value().turns[0].source, "/0/text");
  ASSERT_TRUE(parts[1].document.ok());
  EXPECT_EQ(parts[1].document.value().turns[1].source, "/1/turns/1/text");
  EXPECT_EQ(parts[1].document.value().turns[0].role, Role::agent);
}

TEST(JsonRecords, ABadElementIsItsOwnError) {
  const auto parts =
      read_documents("a.json", R"([{"text": "fine"}, {"id": "x"}, 3])", Format::json, {});
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_TRUE(parts[0].document.ok());
  ASSERT_FALSE(parts[1].document.ok());
  EXPECT_EQ(parts[1].document.error().code, ErrorCode::missing_text);
  EXPECT_FALSE(parts[2].document.ok());
}

TEST(JsonRecords, OneLineRecordsAreStillJsonLines) {
  EXPECT_EQ(detect_format("a.json", "{\"text\": \"x\"}\n"), Format::jsonl);
  EXPECT_EQ(detect_format("a", "{\"text\": \"x\"}\n{\"text\": \"y\"}\n"), Format::jsonl);
  EXPECT_EQ(detect_format("a", "{\n  \"text\": \"x\"\n}\n"), Format::json);
}

TEST(JsonLinesText, LabelledLinesAreATranscriptWithOffsetsInTheText) {
  const std::string text =
      "Customer: my bill doubled\nAgent: I'm sorry, let me check.\n  it may take a minute\n"
      "Customer: ok";
  const std::string line = nlohmann::json{{"id", "t1"}, {"text", text}}.dump();
  auto d = read_jsonl_record(line, "f.jsonl:1", {});
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_EQ(d.value().turns.size(), 3u);
  for (const Turn& turn : d.value().turns) {
    EXPECT_EQ(turn.source, "/text");
    EXPECT_EQ(turn.reg, Register::speech);
    // The offsets are in the decoded text.
    EXPECT_EQ(text.substr(turn.start, turn.end - turn.start),
              turn.text.substr(turn.start - turn.source_offset, turn.end - turn.start));
  }
  EXPECT_EQ(d.value().turns[0].speaker, "Customer");
  EXPECT_EQ(d.value().turns[0].role, Role::customer);
  EXPECT_EQ(d.value().turns[1].role, Role::agent);
  EXPECT_EQ(d.value().turns[1].text, "I'm sorry, let me check.\n  it may take a minute");
  EXPECT_EQ(text.substr(d.value().turns[2].start, 2), "ok");
}

TEST(JsonLinesText, NotesWithALabelLikeLineStayNotes) {
  auto one = read_jsonl_record(R"({"text": "Update: I called again.\nNobody answered."})",
                               "f.jsonl:1", {});
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one.value().turns.size(), 1u);
  EXPECT_EQ(one.value().turns[0].speaker, "author");
  EXPECT_EQ(one.value().turns[0].reg, Register::report);
  auto two = read_jsonl_record(R"({"text": "Update: I called again.\nResult: nothing, as usual."})",
                               "f.jsonl:2", {});
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two.value().turns.size(), 1u);
}

// The members of an object as written: keys with their escapes, values with
// their inner spacing and nesting, strings holding braces, commas and quotes.
TEST(JsonRecords, RawMembersAreTheTextAsWritten) {
  const auto members = read_detail::raw_members(
      R"( { "a" : 1.10 , "b\"c":"x,}{]\"y" ,"d":{"e":[1, {"f":"}"}]},"g":[] , "h":12345678901234567890123 } )");
  ASSERT_EQ(members.size(), 5u);
  EXPECT_EQ(members[0].key_token, R"("a")");
  EXPECT_EQ(members[0].value, "1.10");
  EXPECT_EQ(members[1].key_token, R"("b\"c")");
  EXPECT_EQ(members[1].value, R"("x,}{]\"y")");
  EXPECT_EQ(members[2].value, R"({"e":[1, {"f":"}"}]})");
  EXPECT_EQ(members[3].value, "[]");
  EXPECT_EQ(members[4].value, "12345678901234567890123");
  EXPECT_TRUE(read_detail::raw_members("{}").empty());
  EXPECT_TRUE(read_detail::raw_members("[1,2]").empty());
}

}  // namespace
}  // namespace conduct
