// The variants real exports have, from fixtures under tests/read/fixtures/,
// and every error a reader reports.
#include "read_test_support.h"

namespace conduct {
namespace {

using testing::read_file;
using testing::read_fixture;

Document read_ok(const std::string& name, const ReadOptions& options = {}) {
  const std::string bytes = read_file(read_fixture(name));
  auto document = testing::read_as(name, bytes, options);
  EXPECT_TRUE(document.ok()) << name << ": " << (document.ok() ? "" : document.error().message);
  if (!document.ok()) return {};
  if (offsets_in_file(document.value().format)) testing::expect_round_trip(document.value(), bytes);
  return std::move(document).value();
}

TEST(Fixtures, VttWithStyleNoteRegionMultiLineCuesAndPrefixes) {
  const Document d = read_ok("multiline-style.vtt");
  EXPECT_EQ(d.format, Format::vtt);
  ASSERT_EQ(d.turns.size(), 4u);
  EXPECT_EQ(d.turns[0].speaker, "Agent");
  EXPECT_EQ(d.turns[0].text, "Thank you for calling Northwind,\nmy name is Dana, how can I help?");
  EXPECT_EQ(d.turns[0].begin_ms, 1000);
  EXPECT_EQ(d.turns[0].end_ms, 4500);
  EXPECT_EQ(d.turns[1].speaker, "Customer");
  EXPECT_EQ(d.turns[1].text, "My internet has been down\nsince Monday.");
  EXPECT_EQ(d.turns[1].begin_ms, 4600);
  EXPECT_EQ(d.turns[2].speaker, "Agent");  // "Agent: " prefix, no voice tag
  EXPECT_EQ(d.turns[2].text, "I'm sorry to hear that, let me check your line.");
  EXPECT_EQ(d.turns[3].speaker, "unknown");
  EXPECT_EQ(d.turns[3].text, "Okay.");
  EXPECT_EQ(d.turns[0].role, Role::agent);
  EXPECT_EQ(d.turns[1].role, Role::customer);
}

TEST(Fixtures, SrtWithoutSequenceNumbers) {
  const Document d = read_ok("unnumbered.srt");
  EXPECT_EQ(d.format, Format::srt);
  ASSERT_EQ(d.turns.size(), 3u);
  EXPECT_EQ(d.turns[1].speaker, "Caller");
  EXPECT_EQ(d.turns[1].text, "Hi, I was charged twice\nfor the same order.");
  EXPECT_EQ(d.turns[1].begin_ms, 3500);
  EXPECT_EQ(d.turns[1].end_ms, 7000);
  EXPECT_EQ(testing::turns_with_role(d, Role::agent), 2u);
}

TEST(Fixtures, TextContinuationLinesJoinTheTurn) {
  const Document d = read_ok("continuation.txt");
  EXPECT_EQ(d.format, Format::text);
  ASSERT_EQ(d.turns.size(), 4u);
  // The line before the first label is the author's, told not said.
  EXPECT_EQ(d.turns[0].speaker, "author");
  EXPECT_EQ(d.turns[0].text, "Call with support, 3 May");
  EXPECT_EQ(d.turns[0].reg, Register::report);
  EXPECT_EQ(d.turns[0].role, Role::customer);
  EXPECT_EQ(d.turns[1].text, "Thanks for holding.\nI have your file open now.");
  EXPECT_EQ(d.turns[1].line, 3u);
  EXPECT_EQ(d.turns[2].text, "Good, because this is the third time:\nnobody has fixed it.");
  // After a blank line a labelled line is still a turn of its own.
  EXPECT_EQ(d.turns[3].text, "I understand.");
  EXPECT_EQ(d.turns[3].speaker, "Agent");
}

TEST(Fixtures, CrlfLinesAndOpaqueLabelsByContent) {
  const Document d = read_ok("crlf-opaque.txt");
  EXPECT_EQ(d.format, Format::text);
  ASSERT_EQ(d.turns.size(), 4u);
  EXPECT_EQ(d.turns[1].text, "Hi, my bill doubled this month.");  // no "\r"
  EXPECT_EQ(d.turns[0].role, Role::agent);
  EXPECT_EQ(d.turns[1].role, Role::customer);
  EXPECT_EQ(d.turns[2].role, Role::agent);
}

TEST(Fixtures, AgentLabelOverridesInference) {
  ReadOptions options;
  options.agent_labels = {"SPK_1"};
  const Document d = read_ok("crlf-opaque.txt", options);
  ASSERT_EQ(d.turns.size(), 4u);
  EXPECT_EQ(d.turns[0].role, Role::customer);
  EXPECT_EQ(d.turns[1].role, Role::agent);
}

TEST(Fixtures, BomIsSkippedAndOffsetsStayFileOffsets) {
  const Document d = read_ok("bom-notes.txt");
  EXPECT_EQ(d.format, Format::notes);
  ASSERT_EQ(d.turns.size(), 1u);
  EXPECT_EQ(d.turns[0].start, 3u);
  EXPECT_EQ(d.turns[0].speaker, "author");
  EXPECT_EQ(d.turns[0].text.substr(0, 8), "I called");
}

TEST(Fixtures, TranscribeWithoutSpeakerLabelsIsOneUnknownTurn) {
  const Document d = read_ok("no-speakers.aws.json");
  EXPECT_EQ(d.format, Format::aws);
  ASSERT_EQ(d.turns.size(), 1u);
  EXPECT_EQ(d.turns[0].speaker, "unknown");
  EXPECT_EQ(d.turns[0].role, Role::unknown);
  EXPECT_EQ(d.turns[0].text, "Hello, how can I help you? My bill is wrong.");
  EXPECT_EQ(d.turns[0].source, "/results/items/0");
  EXPECT_EQ(d.turns[0].begin_ms, 100);
  EXPECT_EQ(d.turns[0].end_ms, 2750);
}

TEST(Fixtures, WhisperWithoutSpeakers) {
  const Document d = read_ok("no-speakers.whisper.json");
  EXPECT_EQ(d.format, Format::whisper);
  ASSERT_EQ(d.turns.size(), 2u);
  EXPECT_EQ(d.turns[1].speaker, "unknown");
  EXPECT_EQ(d.turns[1].role, Role::unknown);
  EXPECT_EQ(d.turns[1].text, " I need help with my phone.  ");
  EXPECT_EQ(d.turns[1].start, 1u);
  EXPECT_EQ(d.turns[1].end, 27u);
  EXPECT_EQ(d.turns[1].source, "/segments/1/text");
  EXPECT_EQ(d.turns[1].begin_ms, 1500);
  EXPECT_EQ(d.turns[1].end_ms, 4250);
}

TEST(Fixtures, WhisperXSpeakersOnlyOnWordsSplitSegmentsAtTheChange) {
  const Document d = read_ok("words-speakers.whisper.json");
  EXPECT_EQ(d.format, Format::whisper);
  ASSERT_EQ(d.turns.size(), 3u);
  // One stray word of another speaker does not split a segment.
  EXPECT_EQ(d.turns[0].speaker, "SPEAKER_00");
  EXPECT_EQ(d.turns[0].text, " Thanks for calling Contoso. How can I help?");
  EXPECT_EQ(d.turns[0].begin_ms, 500);
  // The second segment changes speaker after "died.".
  EXPECT_EQ(d.turns[1].speaker, "SPEAKER_01");
  EXPECT_EQ(d.turns[1].text, " My router died. ");
  EXPECT_EQ(d.turns[1].begin_ms, 3500);
  EXPECT_EQ(d.turns[1].end_ms, 4600);
  EXPECT_EQ(d.turns[2].speaker, "SPEAKER_00");
  EXPECT_EQ(d.turns[2].text, "Okay, let me check the line.");
  EXPECT_EQ(d.turns[2].begin_ms, 5000);
  EXPECT_EQ(d.turns[2].end_ms, 8000);
  // Offsets are in the segment's text, which both parts name.
  const std::string segment = " My router died. Okay, let me check the line.";
  for (std::size_t i = 1; i < 3; ++i) {
    EXPECT_EQ(d.turns[i].source, "/segments/1/text");
    EXPECT_EQ(segment.substr(d.turns[i].source_offset, d.turns[i].text.size()), d.turns[i].text);
  }
  EXPECT_EQ(segment.substr(d.turns[2].start, d.turns[2].end - d.turns[2].start), d.turns[2].text);
  EXPECT_EQ(d.turns[0].role, Role::agent);
  EXPECT_EQ(d.turns[1].role, Role::customer);
}

TEST(Fixtures, WhisperXMajoritySpeakerWhenWordsAreNotInTheText) {
  const std::string bytes = R"({"segments": [{"start": 0, "end": 2, "text": " Hello there.",
      "words": [{"word": "Hallo", "speaker": "A"}, {"word": "there", "speaker": "B"},
                {"word": "friend", "speaker": "B"}, {"word": "x", "speaker": "A"},
                {"word": "y", "speaker": "B"}]}]})";
  auto d = read_document("w.json", bytes, Format::whisper, {});
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d.value().turns.size(), 1u);
  EXPECT_EQ(d.value().turns[0].speaker, "B");
}

TEST(Fixtures, TranscribeItemsWithoutLabelsTakeTheirChannel) {
  const Document d = read_ok("unlabelled-items-channels.aws.json");
  EXPECT_EQ(d.format, Format::aws);
  ASSERT_EQ(d.turns.size(), 2u);
  EXPECT_EQ(d.turns[0].speaker, "ch_0");
  EXPECT_EQ(d.turns[0].text, "Hello, you're through to billing.");
  EXPECT_EQ(d.turns[0].source, "/results/items/0");
  EXPECT_EQ(d.turns[1].speaker, "ch_1");
  EXPECT_EQ(d.turns[1].text, "Hi, I was charged twice.");
  EXPECT_EQ(d.turns[1].begin_ms, 2500);
  EXPECT_EQ(d.turns[1].end_ms, 4000);
}

TEST(Fixtures, TranscribeAudioSegmentsLabelTheirItems) {
  const Document d = read_ok("audio-segments.aws.json");
  ASSERT_EQ(d.turns.size(), 2u);
  EXPECT_EQ(d.turns[0].speaker, "ch_0");
  EXPECT_EQ(d.turns[0].text, "Billing, this is Ana.");
  EXPECT_EQ(d.turns[1].speaker, "ch_1");
  EXPECT_EQ(d.turns[1].text, "My card was declined.");
  EXPECT_EQ(d.turns[1].source, "/results/items/6");
}

Error read_error(const std::string& bytes, Format format, const ReadOptions& options = {}) {
  auto document = read_document("in.txt", bytes, format, options);
  EXPECT_FALSE(document.ok());
  return document.ok() ? Error{} : document.error();
}

TEST(Errors, EmptyAndWhitespaceOnly) {
  EXPECT_EQ(read_error("", Format::notes).code, ErrorCode::empty_file);
  EXPECT_EQ(read_error(" \n\t\r\n", Format::text).code, ErrorCode::empty_file);
  EXPECT_EQ(read_error("\xEF\xBB\xBF\n", Format::notes).code, ErrorCode::empty_file);
}

TEST(Errors, Binary) {
  EXPECT_EQ(read_error(std::string("PK\x03\x04\0\0abc", 9), Format::notes).code,
            ErrorCode::binary_file);
  EXPECT_EQ(read_error("\x01\x02\x03\x04 text", Format::notes).code, ErrorCode::binary_file);
}

TEST(Errors, InvalidUtf8GivesTheLine) {
  const Error error = read_error(
      "one\ntwo\nthr\xE9"
      "e\nfour\n",
      Format::notes);
  EXPECT_EQ(error.code, ErrorCode::invalid_utf8);
  EXPECT_EQ(error.line, 3u);
  EXPECT_EQ(error.file, "in.txt");
}

TEST(Errors, MalformedJsonGivesTheLine) {
  const Error error =
      read_error("{\n \"segments\": [\n  {\"text\": \"hi\",}\n ]\n}\n", Format::whisper);
  EXPECT_EQ(error.code, ErrorCode::malformed_json);
  EXPECT_EQ(error.line, 3u);
}

TEST(Errors, MalformedTranscribeGivesTheLine) {
  // Transcribe files are parsed by simdjson, which gives no position: the
  // line still comes from the fallback parser.
  const Error error = read_error(
      "{\"results\": {\n \"items\": [\n  {\"type\": \"pronunciation\",}\n ]}}\n", Format::aws);
  EXPECT_EQ(error.code, ErrorCode::malformed_json);
  EXPECT_EQ(error.line, 3u);
  ReadOptions shallow;
  shallow.limits.max_json_depth = 3;
  EXPECT_EQ(read_error("{\"results\": [[[[1]]]]}", Format::aws, shallow).code, ErrorCode::too_deep);
}

TEST(Fixtures, TranscribeWithAnIntegerBeyond64BitsIsRead) {
  // simdjson refuses integers past 64 bits; nlohmann reads them as doubles.
  const std::string bytes =
      "{\"jobName\": 123456789012345678901234567890, \"results\": {\"items\": ["
      "{\"type\": \"pronunciation\", \"start_time\": \"1.5\", \"end_time\": 2,"
      " \"speaker_label\": \"spk_0\", \"alternatives\": [{\"content\": \"Hello\"}]},"
      "{\"type\": \"punctuation\", \"alternatives\": [{\"content\": \".\"}]}]}}";
  const auto document = testing::read_as("big.aws.json", bytes);
  ASSERT_TRUE(document.ok()) << document.error().message;
  ASSERT_EQ(document.value().turns.size(), 1u);
  EXPECT_EQ(document.value().turns[0].text, "Hello.");
  EXPECT_EQ(document.value().turns[0].speaker, "spk_0");
  EXPECT_EQ(document.value().turns[0].begin_ms, 1500);
  EXPECT_EQ(document.value().turns[0].end_ms, 2000);
}

TEST(Detection, JsonThatOnlyNlohmannReadsKeepsItsShape) {
  // simdjson refuses integers past 64 bits; detection must not then guess.
  const std::string big = "123456789012345678901234567890";
  EXPECT_EQ(detect_format("a", "{\"n\": " + big + ", \"text\": \"x\"}\n{\"text\": \"y\"}\n"),
            Format::jsonl);
  EXPECT_EQ(detect_format("a", "{\"n\": " + big + ", \"text\": \"x\"}\n"), Format::jsonl);
  EXPECT_EQ(detect_format("a", "{\"n\": " + big + ", \"segments\": []}"), Format::whisper);
  EXPECT_EQ(detect_format("a", "{\"n\": " + big + ", \"Transcript\": []}"), Format::connect);
  EXPECT_EQ(detect_format("a", "[{\"n\": " + big + ", \"text\": \"x\"}]"), Format::json);
}

TEST(Fixtures, TranscribeMembersOfAnotherTypeAreSkipped) {
  // Arrays that are objects, strings or numbers are read as missing.
  const std::string bytes =
      "{\"results\": {\"items\": {\"a\": 1}, \"channel_labels\": {\"channels\": 3},"
      " \"speaker_labels\": {\"segments\": \"x\"}, \"audio_segments\": null,"
      " \"transcripts\": [{\"transcript\": \"Thanks for waiting.\"}]}}";
  const auto document = testing::read_as("odd.aws.json", bytes);
  ASSERT_TRUE(document.ok()) << document.error().message;
  ASSERT_EQ(document.value().turns.size(), 1u);
  EXPECT_EQ(document.value().turns[0].text, "Thanks for waiting.");
  EXPECT_EQ(document.value().turns[0].source, "/results/transcripts/0/transcript");
}

TEST(Errors, UnsupportedJson) {
  EXPECT_EQ(read_error("{\"foo\": 1}", Format::aws).code, ErrorCode::unsupported_json);
  EXPECT_EQ(read_error("{\"results\": {}}", Format::connect).code, ErrorCode::unsupported_json);
  EXPECT_EQ(read_error("[1, 2]", Format::whisper).code, ErrorCode::unsupported_json);
}

TEST(Errors, NoTurnText) {
  EXPECT_EQ(read_error("WEBVTT\n\nNOTE nothing here\n", Format::vtt).code, ErrorCode::no_text);
}

TEST(Errors, JsonLinesRecords) {
  EXPECT_EQ(read_jsonl_record("[1]", "f.jsonl:1", {}).error().code, ErrorCode::malformed_json);
  EXPECT_EQ(read_jsonl_record("{\"id\": 1", "f.jsonl:2", {}).error().code,
            ErrorCode::malformed_json);
  EXPECT_EQ(read_jsonl_record("{\"id\": 1}", "f.jsonl:3", {}).error().code,
            ErrorCode::missing_text);
  EXPECT_EQ(read_jsonl_record("{\"turns\": [{\"speaker\": \"a\"}]}", "f.jsonl:4", {}).error().code,
            ErrorCode::missing_text);
  auto numbered = read_jsonl_record("{\"id\": 42, \"text\": \"hi\"}", "f.jsonl:5", {});
  ASSERT_TRUE(numbered.ok());
  EXPECT_EQ(numbered.value().id, "42");
  auto unnamed = read_jsonl_record("{\"text\": \"hi\", \"date\": \"2024-03-01\"}", "f.jsonl:6", {});
  ASSERT_TRUE(unnamed.ok());
  EXPECT_EQ(unnamed.value().id, "f.jsonl:6");
  EXPECT_EQ(unnamed.value().date, "2024-03-01");
}

TEST(Detection, ByContentThenExtension) {
  EXPECT_EQ(detect_format("a", "WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n"), Format::vtt);
  EXPECT_EQ(detect_format("a", "1\n00:00:01,000 --> 00:00:02,000\nhi\n"), Format::srt);
  EXPECT_EQ(detect_format("a", "{\"Transcript\": []}"), Format::connect);
  EXPECT_EQ(detect_format("a", "{\"segments\": []}"), Format::whisper);
  EXPECT_EQ(detect_format("a", "{\"results\": {\"items\": []}}"), Format::aws);
  EXPECT_EQ(detect_format("a", "{\"text\": \"x\"}\n{\"text\": \"y\"}\n"), Format::jsonl);
  EXPECT_EQ(detect_format("a", "A: hi\nB: hello\nA: bye\n"), Format::text);
  EXPECT_EQ(detect_format("a", "Note: I called them.\nThey did not answer.\n"), Format::notes);
  EXPECT_EQ(detect_format("a.srt", "x\n00:00:01,000 --> 00:00:02,000\nhi\n"), Format::srt);
}

}  // namespace
}  // namespace conduct
