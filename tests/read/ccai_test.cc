// Google CCAI Insights conversations: the documented upload shape (entries[])
// and the Conversation resource's transcript segments, from fixtures written
// after Google's documentation.
#include "read_test_support.h"

namespace conduct {
namespace {

using testing::read_file;
using testing::read_fixture;

Document read_ccai_fixture(const std::string& name) {
  const std::string bytes = read_file(read_fixture(name));
  EXPECT_EQ(detect_format(name, bytes), Format::ccai);
  auto document = testing::read_as(name, bytes);
  EXPECT_TRUE(document.ok()) << (document.ok() ? "" : document.error().message);
  return document.ok() ? std::move(document).value() : Document{};
}

TEST(Ccai, EntriesGiveRolesSpeakersAndTimesFromTheFirstEntry) {
  const Document d = read_ccai_fixture("upload.ccai.json");
  EXPECT_EQ(d.format, Format::ccai);
  ASSERT_EQ(d.turns.size(), 4u);
  EXPECT_EQ(d.turns[0].role, Role::system);  // AUTOMATED_AGENT: the IVR
  EXPECT_EQ(d.turns[0].speaker, "3");
  EXPECT_EQ(d.turns[1].role, Role::customer);  // CUSTOMER
  EXPECT_EQ(d.turns[1].speaker, "1");
  EXPECT_EQ(d.turns[2].role, Role::agent);     // AGENT
  EXPECT_EQ(d.turns[3].role, Role::customer);  // END_USER
  EXPECT_EQ(d.turns[3].speaker, "END_USER");   // no user_id: the role names it
  EXPECT_EQ(d.turns[0].begin_ms, 0);
  EXPECT_EQ(d.turns[1].begin_ms, 5250);
  EXPECT_EQ(d.turns[3].begin_ms, 19500);
  EXPECT_EQ(d.turns[2].source, "/entries/2/text");
  EXPECT_EQ(d.turns[2].text, "I'm sorry about that. Let me pull up your account.");
  EXPECT_EQ(d.turns[2].start, 0u);
  EXPECT_EQ(d.turns[2].end, d.turns[2].text.size());
}

TEST(Ccai, TranscriptSegmentsOfAConversationResource) {
  const Document d = read_ccai_fixture("resource.ccai.json");
  ASSERT_EQ(d.turns.size(), 3u);
  EXPECT_EQ(d.turns[0].speaker, "agent-7");
  EXPECT_EQ(d.turns[0].role, Role::agent);  // HUMAN_AGENT
  EXPECT_EQ(d.turns[0].begin_ms, 400);
  EXPECT_EQ(d.turns[0].end_ms, 2600);
  EXPECT_EQ(d.turns[0].source, "/transcript/transcriptSegments/0/text");
  // No text: the words make it.
  EXPECT_EQ(d.turns[1].text, "my internet dropped");
  EXPECT_EQ(d.turns[1].source, "/transcript/transcriptSegments/1/words");
  EXPECT_EQ(d.turns[1].speaker, "END_USER");
  EXPECT_EQ(d.turns[1].role, Role::customer);
  EXPECT_EQ(d.turns[1].begin_ms, 3000);
  // No participant: the channel names the speaker.
  EXPECT_EQ(d.turns[2].speaker, "channel 2");
}

TEST(Ccai, SnakeCaseSegmentsAreReadToo) {
  const std::string bytes =
      R"({"transcript": {"transcript_segments": [
           {"text": "hello there", "channel_tag": 1,
            "segment_participant": {"role": "AUTOMATED_AGENT", "user_id": "bot"}}]}})";
  auto d = read_document("c.json", bytes, detect_format("c.json", bytes), {});
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d.value().format, Format::ccai);
  ASSERT_EQ(d.value().turns.size(), 1u);
  EXPECT_EQ(d.value().turns[0].role, Role::system);
  EXPECT_EQ(d.value().turns[0].speaker, "bot");
  EXPECT_EQ(d.value().turns[0].source, "/transcript/transcript_segments/0/text");
}

TEST(Ccai, AnEntryWithoutTextIsAnErrorNamingIt) {
  const std::string bytes = R"({"entries": [
      {"text": "hi", "role": "AGENT", "user_id": 1, "start_timestamp_usec": 1},
      {"role": "CUSTOMER", "user_id": 2, "start_timestamp_usec": 2}]})";
  auto d = read_document("c.json", bytes, Format::ccai, {});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, ErrorCode::missing_text);
  EXPECT_NE(d.error().message.find("/entries/1"), std::string::npos) << d.error().message;
  EXPECT_EQ(d.error().file, "c.json");
}

TEST(Ccai, FormatCanBeForcedAndOtherJsonIsRefused) {
  EXPECT_EQ(parse_format("ccai"), Format::ccai);
  auto d = read_document("c.json", R"({"messages": []})", Format::ccai, {});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, ErrorCode::unsupported_json);
}

}  // namespace
}  // namespace conduct
