// Every file of ../shared/samples/formats is detected and read with the turn
// count, distinct speakers and agent turns its manifest.json lists; text
// formats round-trip their offsets, JSON formats name a resolvable source.
#include <nlohmann/json.hpp>
#include <set>

#include "read_test_support.h"

namespace conduct {
namespace {

using testing::read_file;
using testing::shared_dir;

std::filesystem::path formats_dir() {
  return shared_dir() / "samples" / "formats";
}

nlohmann::json manifest_entry(const std::string& name) {
  const auto manifest = nlohmann::json::parse(read_file(formats_dir() / "manifest.json"));
  EXPECT_TRUE(manifest.contains(name)) << name << " is not in manifest.json";
  return manifest.value(name, nlohmann::json::object());
}

// "chat.aws.json" -> "chat_aws_json": gtest names allow only [A-Za-z0-9_].
std::string test_name(const ::testing::TestParamInfo<std::string>& param) {
  std::string name = param.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class SampleFile : public ::testing::TestWithParam<std::string> {};

TEST_P(SampleFile, IsDetectedAndReadAsTheManifestSays) {
  CONDUCT_REQUIRE_SHARED();
  const std::string name = GetParam();
  const nlohmann::json expected = manifest_entry(name);
  const std::string bytes = read_file(formats_dir() / name);
  const Format format = detect_format(name, bytes);
  EXPECT_EQ(to_string(format), expected.at("format").get<std::string>());
  auto document = read_document(name, bytes, format, {});
  ASSERT_TRUE(document.ok()) << document.error().message;
  EXPECT_EQ(document.value().id, name);
  EXPECT_EQ(document.value().turns.size(), expected.at("turns").get<std::size_t>());
  EXPECT_EQ(testing::distinct_speakers(document.value()),
            expected.at("speakers").get<std::size_t>());
  EXPECT_EQ(testing::turns_with_role(document.value(), Role::agent),
            expected.at("agent_turns").get<std::size_t>());
  // The other turns are the customer's: the samples have two parties.
  EXPECT_EQ(
      testing::turns_with_role(document.value(), Role::customer),
      expected.at("turns").get<std::size_t>() - expected.at("agent_turns").get<std::size_t>());
  if (offsets_in_file(format)) testing::expect_round_trip(document.value(), bytes);
}

TEST_P(SampleFile, ReadingTheSameBytesTwiceGivesTheSameTurns) {
  CONDUCT_REQUIRE_SHARED();
  const std::string name = GetParam();
  const std::string bytes = read_file(formats_dir() / name);
  auto a = testing::read_as(name, bytes);
  auto b = testing::read_as(name, bytes);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a.value().turns.size(), b.value().turns.size());
  for (std::size_t i = 0; i < a.value().turns.size(); ++i) {
    EXPECT_EQ(a.value().turns[i].text, b.value().turns[i].text);
    EXPECT_EQ(a.value().turns[i].role, b.value().turns[i].role);
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, SampleFile,
                         ::testing::Values("chat.txt", "chat-timestamps.txt", "chat.vtt",
                                           "chat.srt", "chat.aws.json", "chat-channels.aws.json",
                                           "chat.connect.json", "chat.whisper.json"),
                         test_name);

// Each turn's source resolves in the parsed file to the string it came from
// (for Transcribe: the first word item, whose content starts the turn).
class JsonSample : public ::testing::TestWithParam<std::string> {};

TEST_P(JsonSample, SourcesResolveToTheTurnText) {
  CONDUCT_REQUIRE_SHARED();
  const std::string name = GetParam();
  const std::string bytes = read_file(formats_dir() / name);
  auto document = testing::read_as(name, bytes);
  ASSERT_TRUE(document.ok()) << document.error().message;
  const auto root = nlohmann::json::parse(bytes);
  for (const Turn& turn : document.value().turns) {
    ASSERT_FALSE(turn.source.empty());
    const nlohmann::json& value = root.at(nlohmann::json::json_pointer(turn.source));
    if (document.value().format == Format::aws) {
      const std::string first_word = value.at("alternatives").at(0).at("content");
      EXPECT_EQ(turn.text.substr(0, first_word.size()), first_word) << turn.source;
      EXPECT_EQ(value.at("type"), "pronunciation") << turn.source;
    } else {
      EXPECT_EQ(value.get<std::string>(), turn.text) << turn.source;
    }
    EXPECT_EQ(turn.line, 0u);
    ASSERT_LE(turn.end, turn.text.size());
    const std::string_view span =
        std::string_view(turn.text).substr(turn.start, turn.end - turn.start);
    EXPECT_FALSE(span.empty());
    EXPECT_NE(span.front(), ' ');
    EXPECT_NE(span.back(), ' ');
    EXPECT_TRUE(turn.begin_ms.has_value() && turn.end_ms.has_value()) << turn.source;
    EXPECT_LT(*turn.begin_ms, *turn.end_ms) << turn.source;
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, JsonSample,
                         ::testing::Values("chat.aws.json", "chat-channels.aws.json",
                                           "chat.connect.json", "chat.whisper.json"),
                         test_name);

TEST(SampleFiles, TextTurnsOfEveryFormatAgree) {
  CONDUCT_REQUIRE_SHARED();
  // The same conversation in every format: the speech of each turn matches
  // the connect file's Content exactly (aws rebuilds it word by word, so only
  // its roles are compared).
  auto reference =
      testing::read_as("chat.connect.json", read_file(formats_dir() / "chat.connect.json"));
  ASSERT_TRUE(reference.ok());
  for (const char* name : {"chat.txt", "chat-timestamps.txt", "chat.vtt", "chat.srt",
                           "chat.aws.json", "chat-channels.aws.json", "chat.whisper.json"}) {
    auto document = testing::read_as(name, read_file(formats_dir() / name));
    ASSERT_TRUE(document.ok()) << name;
    ASSERT_EQ(document.value().turns.size(), reference.value().turns.size()) << name;
    for (std::size_t i = 0; i < reference.value().turns.size(); ++i) {
      const Turn& turn = document.value().turns[i];
      const std::string text = offsets_in_file(document.value().format)
                                   ? turn.text
                                   : turn.text.substr(turn.start, turn.end - turn.start);
      // Transcribe items spell "$50" as "50": its rebuilt text differs there.
      if (document.value().format != Format::aws) {
        EXPECT_EQ(text, reference.value().turns[i].text) << name << " turn " << i;
      }
      EXPECT_EQ(turn.role, reference.value().turns[i].role) << name << " turn " << i;
    }
  }
}

TEST(SampleFiles, TimestampsAreReadInMilliseconds) {
  CONDUCT_REQUIRE_SHARED();
  auto vtt = testing::read_as("chat.vtt", read_file(formats_dir() / "chat.vtt"));
  ASSERT_TRUE(vtt.ok());
  EXPECT_EQ(vtt.value().turns[1].begin_ms, 9200);
  EXPECT_EQ(vtt.value().turns[1].end_ms, 17300);
  auto text =
      testing::read_as("chat-timestamps.txt", read_file(formats_dir() / "chat-timestamps.txt"));
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text.value().turns[7].begin_ms, 70000);
  // A line's time says when it was said, not for how long.
  EXPECT_FALSE(text.value().turns[7].end_ms.has_value());
  EXPECT_EQ(text.value().turns[9].begin_ms, 105000);
  EXPECT_FALSE(text.value().turns[9].end_ms.has_value());
  auto aws = testing::read_as("chat.aws.json", read_file(formats_dir() / "chat.aws.json"));
  ASSERT_TRUE(aws.ok());
  EXPECT_EQ(aws.value().turns[0].begin_ms, 500);
  EXPECT_EQ(aws.value().turns[0].end_ms, 8600);
  EXPECT_EQ(aws.value().turns[0].speaker, "spk_1");
  EXPECT_EQ(aws.value().turns[0].source, "/results/items/0");
}

TEST(SampleFiles, JsonLinesRecordsKeepIdsTurnsAndPassthrough) {
  CONDUCT_REQUIRE_SHARED();
  const nlohmann::json expected = manifest_entry("chat.jsonl");
  const std::string bytes = read_file(formats_dir() / "chat.jsonl");
  EXPECT_EQ(detect_format("chat.jsonl", bytes), Format::jsonl);
  std::vector<std::string> lines;
  std::istringstream in(bytes);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  ASSERT_EQ(lines.size(), expected.at("records").get<std::size_t>());
  auto first = read_jsonl_record(lines[0], "chat.jsonl:1", {});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first.value().id, "chat-1");
  EXPECT_EQ(first.value().format, Format::jsonl);
  EXPECT_EQ(first.value().turns.size(), expected.at("turns").get<std::size_t>());
  EXPECT_EQ(testing::distinct_speakers(first.value()), expected.at("speakers").get<std::size_t>());
  EXPECT_EQ(testing::turns_with_role(first.value(), Role::agent), 5u);
  std::vector<std::string> keys;
  for (const PassthroughField& field : first.value().passthrough) keys.push_back(field.key);
  EXPECT_EQ(keys, expected.at("passthrough").get<std::vector<std::string>>());
  const auto record = nlohmann::json::parse(lines[0]);
  for (const Turn& turn : first.value().turns) {
    EXPECT_EQ(record.at(nlohmann::json::json_pointer(turn.source)).get<std::string>(), turn.text);
    EXPECT_EQ(turn.start, 0u);
    EXPECT_EQ(turn.end, turn.text.size());
  }
  auto second = read_jsonl_record(lines[1], "chat.jsonl:2", {});
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second.value().id, "note-1");
  ASSERT_EQ(second.value().turns.size(), 1u);
  EXPECT_EQ(second.value().turns[0].source, "/text");
  EXPECT_EQ(second.value().turns[0].speaker, "author");
  EXPECT_EQ(second.value().turns[0].role, Role::customer);
  EXPECT_EQ(second.value().passthrough, std::vector<PassthroughField>({{"queue", R"("email")"}}));
}

TEST(SampleFiles, CallNotesAreOneTurnByTheAuthor) {
  CONDUCT_REQUIRE_SHARED();
  const std::string bytes = read_file(shared_dir() / "samples" / "notes" / "round-four.txt");
  EXPECT_EQ(detect_format("round-four.txt", bytes), Format::notes);
  auto document = testing::read_as("round-four.txt", bytes);
  ASSERT_TRUE(document.ok());
  ASSERT_EQ(document.value().turns.size(), 1u);
  EXPECT_EQ(document.value().turns[0].speaker, "author");
  EXPECT_EQ(document.value().turns[0].role, Role::customer);
  testing::expect_round_trip(document.value(), bytes);
}

// The real files of ../shared/samples/formats/<format>/, against the counts
// of its README (computed there by an independent script): turns are runs of
// units by one speaker; speakers are distinct labels (none when the file
// names nobody); the two AWS calls state their roles.
struct RealFile {
  std::string path;
  Format format;
  std::size_t turns;
  std::size_t speakers;
  std::size_t agent_turns;  // units whose role is agent
};

std::size_t runs(const Document& document) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < document.turns.size(); ++i) {
    n += i == 0 || document.turns[i].speaker != document.turns[i - 1].speaker;
  }
  return n;
}

std::size_t named_speakers(const Document& document) {
  std::set<std::string> speakers;
  for (const Turn& turn : document.turns) {
    if (turn.speaker != "unknown") speakers.insert(turn.speaker);
  }
  return speakers.size();
}

class RealFormatFile : public ::testing::TestWithParam<RealFile> {};

TEST_P(RealFormatFile, GivesTheTurnsSpeakersAndRolesOfItsReadme) {
  CONDUCT_REQUIRE_SHARED();
  const RealFile& expected = GetParam();
  const std::string bytes = read_file(formats_dir() / expected.path);
  auto document = testing::read_as(expected.path, bytes);
  ASSERT_TRUE(document.ok()) << document.error().message;
  EXPECT_EQ(document.value().format, expected.format);
  EXPECT_EQ(runs(document.value()), expected.turns);
  EXPECT_EQ(named_speakers(document.value()), expected.speakers);
  EXPECT_EQ(testing::turns_with_role(document.value(), Role::agent), expected.agent_turns);
  if (expected.agent_turns > 0) {
    // A call with its roles stated: every other turn is the customer's,
    // with confidence 1, and nothing to warn of.
    for (const Turn& turn : document.value().turns) {
      EXPECT_NE(turn.role, Role::unknown);
      EXPECT_EQ(turn.role_confidence, 1.0);
    }
    EXPECT_TRUE(document.value().warnings.empty());
  } else {
    // An interview, a drama, a film: nobody is the agent, and the reader says so.
    ASSERT_EQ(document.value().warnings.size(), 1u);
  }
  if (offsets_in_file(expected.format)) testing::expect_round_trip(document.value(), bytes);
}

INSTANTIATE_TEST_SUITE_P(
    Formats, RealFormatFile,
    ::testing::Values(RealFile{"aws/newsroom-asrOutput.json", Format::aws, 9, 5, 0},
                      RealFile{"connect/contact-lens-call-example.json", Format::connect, 10, 2, 5},
                      RealFile{"connect/transcribe-call-analytics-example-call.json",
                               Format::connect, 37, 2, 19},
                      RealFile{"whisper/dosparlants.json", Format::whisper, 11, 2, 0},
                      RealFile{"whisper/gossos-word-stamps.json", Format::whisper, 1, 0, 0},
                      RealFile{"vtt/spec-example.vtt", Format::vtt, 5, 2, 0},
                      RealFile{"vtt/dosparlants.vtt", Format::vtt, 11, 2, 0},
                      RealFile{"srt/dosparlants.srt", Format::srt, 11, 2, 0},
                      RealFile{"srt/utf-8.srt", Format::srt, 1, 0, 0},
                      RealFile{"text/dosparlants.txt", Format::text, 11, 2, 0}),
    [](const ::testing::TestParamInfo<RealFile>& param) {
      std::string name = param.param.path;
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

TEST(RealFormatFiles, SubtitleCuesKeepEveryUnit) {
  CONDUCT_REQUIRE_SHARED();
  // 1,332 cues, 1,460 units once dialogue-dash lines are split (README).
  auto film = testing::read_as("utf-8.srt", read_file(formats_dir() / "srt" / "utf-8.srt"));
  ASSERT_TRUE(film.ok());
  EXPECT_EQ(film.value().turns.size(), 1460u);
  // "[SPEAKER_01]: " is the speaker, not part of the words.
  auto vtt =
      testing::read_as("dosparlants.vtt", read_file(formats_dir() / "vtt" / "dosparlants.vtt"));
  ASSERT_TRUE(vtt.ok());
  EXPECT_EQ(vtt.value().turns[0].speaker, "SPEAKER_01");
  EXPECT_NE(vtt.value().turns[0].text.front(), '[');
}

}  // namespace
}  // namespace conduct
