// End-to-end: the conduct binary on real inputs, bad inputs and bad flags.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "run_command.h"
#include "test_support.h"

namespace conduct::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

/// Every output record must validate against schema/conduct-1.schema.json.
void expect_schema_valid(const std::string& jsonl) {
  const fs::path file =
      fs::temp_directory_path() /
      ("conduct-schema-" + std::to_string(::getpid()) + "-" +
       ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".jsonl");
  {
    std::ofstream out(file, std::ios::binary);
    out << jsonl;
  }
  const auto result = run_shell("/usr/bin/python3 " +
                                shell_quote((source_dir() / "tools/validate-output").string()) +
                                " " + shell_quote(file.string()));
  EXPECT_EQ(result.exit_status, 0) << result.out << result.err;
  fs::remove(file);
}

fs::path samples() {
  return shared_dir() / "samples";
}

// For text formats, every turn, sentence and evidence quotes the file exactly.
void expect_offsets_quote_the_file(const json& record, const std::string& original) {
  for (const auto& turn : record.at("turns")) {
    const std::size_t start = turn.at("start"), end = turn.at("end");
    ASSERT_LE(end, original.size());
    EXPECT_EQ(original.substr(start, end - start), turn.at("text").get<std::string>());
    for (const auto& sentence : turn.at("sentences")) {
      const std::size_t s = sentence.at("start"), e = sentence.at("end");
      EXPECT_EQ(original.substr(s, e - s), sentence.at("text").get<std::string>());
      EXPECT_GE(s, start);
      EXPECT_LE(e, end);
    }
  }
  for (const auto& finding : record.at("findings")) {
    const auto& evidence = finding.at("evidence");
    const std::size_t s = evidence.at("start"), e = evidence.at("end");
    EXPECT_EQ(original.substr(s, e - s), evidence.at("text").get<std::string>());
  }
}

// For JSON formats, offsets are into each turn's decoded text, which the
// turn's JSON Pointer names in the input.
void expect_offsets_quote_the_turns(const json& record, const json& input) {
  for (const auto& turn : record.at("turns")) {
    const std::string text = turn.at("text");
    ASSERT_TRUE(turn.contains("source")) << turn.dump();
    const json::json_pointer pointer(turn.at("source").get<std::string>());
    ASSERT_TRUE(input.contains(pointer)) << pointer.to_string();
    const std::size_t start = turn.at("start"), end = turn.at("end");
    ASSERT_LE(end, text.size());
    for (const auto& sentence : turn.at("sentences")) {
      const std::size_t s = sentence.at("start"), e = sentence.at("end");
      EXPECT_EQ(text.substr(s, e - s), sentence.at("text").get<std::string>());
      EXPECT_GE(s, start);
      EXPECT_LE(e, end);
    }
  }
}

TEST(AnalyzeCli, EverySampleFormatGivesOneRecordWithExactOffsets) {
  CONDUCT_REQUIRE_SHARED();
  const json manifest = json::parse(read_file(samples() / "formats/manifest.json"));
  for (const auto& [name, expected] : manifest.items()) {
    SCOPED_TRACE(name);
    const fs::path path = samples() / "formats" / name;
    const auto result = run_conduct({"analyze", "--detail", "--jobs", "1", path.string()});
    EXPECT_EQ(result.exit_status, 0) << result.err;
    const auto records = result.records();
    const std::size_t expected_records = expected.value("records", 1);
    ASSERT_EQ(records.size(), expected_records);
    const json& record = records.front();
    EXPECT_FALSE(record.contains("error")) << record.dump();
    EXPECT_EQ(record.at("schema"), "conduct/1");
    EXPECT_EQ(record.at("source").at("format"), expected.at("format"));
    EXPECT_EQ(record.at("turns").size(), expected.at("turns").get<std::size_t>());
    EXPECT_EQ(record.at("speakers").size(), expected.at("speakers").get<std::size_t>());
    if (expected.contains("agent_turns")) {
      std::size_t agent_turns = 0;
      for (const auto& turn : record.at("turns")) agent_turns += turn.at("role") == "agent";
      EXPECT_EQ(agent_turns, expected.at("agent_turns").get<std::size_t>());
    }
    for (const auto& field : expected.value("passthrough", json::array())) {
      EXPECT_TRUE(record.contains(field.get<std::string>())) << field;
    }
    const std::string original = read_file(path);
    const std::string format = expected.at("format");
    if (format == "text" || format == "vtt" || format == "srt" || format == "notes") {
      expect_offsets_quote_the_file(record, original);
    } else if (format != "jsonl") {
      expect_offsets_quote_the_turns(record, json::parse(original));
    }
    expect_schema_valid(result.out);
  }
}

TEST(AnalyzeCli, SeedNotesAreOneNotesDocumentWhoseSentencesCoverTheText) {
  CONDUCT_REQUIRE_SHARED();
  const fs::path path = samples() / "notes/round-four.txt";
  const auto result = run_conduct({"analyze", "--detail", path.string()});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const auto records = result.records();
  ASSERT_EQ(records.size(), 1u);
  const json& record = records[0];
  EXPECT_EQ(record.at("source").at("format"), "notes");
  EXPECT_EQ(record.at("id"), path.string());
  const std::string original = read_file(path);
  EXPECT_EQ(record.at("source").at("bytes"), original.size());
  expect_offsets_quote_the_file(record, original);
  // Every non-space byte lies in exactly one sentence.
  std::vector<int> covered(original.size(), 0);
  for (const auto& sentence : record.at("turns").at(0).at("sentences")) {
    for (std::size_t i = sentence.at("start"); i < sentence.at("end").get<std::size_t>(); ++i) {
      ++covered[i];
    }
  }
  // The seed separates some sentences with a no-break space (C2 A0), which
  // is whitespace between sentences like any other.
  for (std::size_t i = 0; i < original.size(); ++i) {
    const bool no_break_space = original.compare(i, 2, "\xC2\xA0") == 0 ||
                                (i > 0 && original.compare(i - 1, 2, "\xC2\xA0") == 0);
    if (!std::isspace(static_cast<unsigned char>(original[i])) && !no_break_space) {
      ASSERT_EQ(covered[i], 1) << "byte " << i;
    }
  }
  expect_schema_valid(result.out);
}

class BadInputBatch : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("conduct-bad-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    write("a-good.txt", "Agent: Thanks for calling.\nCustomer: You hung up on me yesterday.\n");
    write("b-invalid-utf8.txt", "Line one is fine.\nLine two has a bad byte \xC3\x28 here.\n");
    write("c-binary.txt", std::string("\x7f"
                                      "ELF\x02\x01\x01\x00\x00\x00\x00\x00",
                                      12) +
                              std::string(64, '\0'));
    write("d-empty.txt", "");
    write("e-malformed.json", "{\n  \"Transcript\": [\n    {\"Content\": \"hi\",}\n  ]\n}\n");
    write("f-records.jsonl",
          "{\"id\": \"ok-1\", \"text\": \"They never called me back.\"}\n"
          "{\"id\": \"broken\", \"text\": \n"
          "{\"id\": \"ok-2\", \"text\": \"The agent fixed it.\", \"queue\": \"billing\"}\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& name, const std::string& bytes) {
    std::ofstream out(dir_ / name, std::ios::binary);
    out << bytes;
  }
  fs::path dir_;
};

TEST_F(BadInputBatch, EachBadFileIsAnErrorRecordAndTheRestOfTheBatchGoesOn) {
  const auto result = run_conduct({"analyze", "--jobs", "2", dir_.string()});
  EXPECT_EQ(result.exit_status, 1) << result.err;
  const auto records = result.records();
  ASSERT_EQ(records.size(), 8u) << result.out;
  auto error_code = [](const json& record) {
    return record.contains("error") ? record.at("error").at("code").get<std::string>() : "";
  };
  EXPECT_EQ(records[0].at("id"), (dir_ / "a-good.txt").string());  // the path as given
  EXPECT_EQ(error_code(records[0]), "");
  EXPECT_EQ(error_code(records[1]), "invalid_utf8");
  EXPECT_EQ(records[1].at("error").at("line"), 2);
  EXPECT_EQ(error_code(records[2]), "binary_file");
  EXPECT_EQ(error_code(records[3]), "empty_file");
  EXPECT_EQ(error_code(records[4]), "malformed_json");
  EXPECT_EQ(records[4].at("error").at("line"), 3);
  EXPECT_EQ(records[5].at("id"), "ok-1");
  EXPECT_EQ(error_code(records[5]), "");
  EXPECT_EQ(records[6].at("source").at("record"), 2);
  EXPECT_EQ(error_code(records[6]), "malformed_json");
  EXPECT_EQ(records[7].at("id"), "ok-2");
  EXPECT_EQ(records[7].at("queue"), "billing");
  for (const auto& record : records) {
    if (record.contains("error")) {
      EXPECT_FALSE(record.at("error").at("message").get<std::string>().empty());
    }
  }
  expect_schema_valid(result.out);
}

TEST_F(BadInputBatch, OutputIsTheSameWhateverTheNumberOfJobs) {
  const auto one = run_conduct({"analyze", "--jobs", "1", dir_.string()});
  const auto four = run_conduct({"analyze", "--jobs", "4", dir_.string()});
  EXPECT_EQ(one.out, four.out);
  EXPECT_EQ(one.exit_status, four.exit_status);
}

TEST(AnalyzeCli, ReadsStdinAndWritesPrettyArrays) {
  const auto result = run_conduct({"analyze", "--pretty", "-"},
                                  "I called three times and nobody called me back.\n");
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const json parsed = json::parse(result.out);
  ASSERT_TRUE(parsed.is_array());
  ASSERT_EQ(parsed.size(), 1u);
  EXPECT_EQ(parsed[0].at("id"), "-");
  EXPECT_EQ(parsed[0].at("source").at("format"), "notes");
}

// --agent-label and --customer-label take one label per use: the path after
// them is a path, not a second label, and stdin is not read.
TEST(AnalyzeCli, SpeakerLabelOptionsNeverSwallowAPath) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("conduct_labels_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / "call.txt";
  std::ofstream(path) << "Rep: So what's your problem?\nMe: My bill doubled.\n"
                         "Rep: Not my department.\nMe: Who then?\n";
  const auto result = run_conduct({"analyze", "--agent-label", "Rep", "--customer-label", "Me",
                                   path.string(), "--agent-label", "Supervisor"},
                                  "this stdin must not be read\n");
  std::filesystem::remove_all(dir);
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const json record = json::parse(result.out);
  EXPECT_EQ(record.at("id"), path.string());
  EXPECT_EQ(record.at("speakers").at("Rep").at("role"), "agent");
  EXPECT_EQ(record.at("speakers").at("Rep").at("role_confidence"), 1.0);
  EXPECT_EQ(record.at("speakers").at("Me").at("role"), "customer");
  // The agent's own curt words are the agent's findings.
  std::vector<std::string> agent_findings;
  for (const auto& finding : record.at("findings")) {
    if (finding.at("actor") == "agent") agent_findings.push_back(finding.at("category"));
  }
  EXPECT_EQ(agent_findings, (std::vector<std::string>{"unprofessional", "dismissive"}));
}

TEST(AnalyzeCli, UsageAndConfigurationErrorsExitTwo) {
  EXPECT_EQ(run_conduct({"analyze", "--no-such-flag"}).exit_status, 2);
  EXPECT_EQ(run_conduct({"analyze", "--format", "docx", "x"}).exit_status, 2);
  EXPECT_EQ(run_conduct({"frobnicate"}).exit_status, 2);
  const auto missing_lexicons =
      run_conduct({"analyze", "--lexicons", "/nonexistent/lexicons", "-"}, "hello\n");
  EXPECT_EQ(missing_lexicons.exit_status, 2);
  EXPECT_TRUE(missing_lexicons.out.empty());
  EXPECT_NE(missing_lexicons.err.find("/nonexistent/lexicons"), std::string::npos)
      << missing_lexicons.err;
}

// Contact-centre exports: a CSV of two conversations, an unmappable CSV, a
// CCAI conversation and a pretty-printed record, in one batch.
TEST(AnalyzeCli, CsvConversationsCcaiAndRecordFilesAreDocuments) {
  const fs::path dir = fs::temp_directory_path() / ("conduct-cc-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto write = [&dir](const std::string& name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
  };
  write("a.csv",
        "call_id,speaker,role,start_time,text\n"
        "1,Dana,agent,0.5,\"Thanks for calling, this is Dana.\"\n"
        "2,Sam,agent,0,Hello\n"
        "1,Pat,customer,3,\"That's our policy, they said.\"\n"
        "2,Lee,customer,1.5\n");
  write("b.csv", "who,said\nA,hi\n");
  write("c.json", read_file(source_dir() / "tests/read/fixtures/upload.ccai.json"));
  write("d.json", "{\n  \"id\": \"rec\",\n  \"text\": \"Agent: hello\\nCustomer: hi\"\n}\n");
  const auto result = run_conduct({"analyze", "--detail", "--jobs", "2", dir.string()});
  EXPECT_EQ(result.exit_status, 1) << result.err;  // b.csv and a.csv#2 fail
  const auto records = result.records();
  ASSERT_EQ(records.size(), 5u) << result.out;
  EXPECT_EQ(records[0].at("id"), (dir / "a.csv").string() + "#1");
  EXPECT_EQ(records[0].at("source").at("format"), "csv");
  EXPECT_EQ(records[0].at("source").at("record"), 2);
  ASSERT_EQ(records[0].at("turns").size(), 2u);
  EXPECT_EQ(records[0].at("turns")[1].at("source"), "row 4, column text");
  EXPECT_EQ(records[0].at("turns")[1].at("role"), "customer");
  EXPECT_EQ(records[1].at("id"), (dir / "a.csv").string() + "#2");
  EXPECT_EQ(records[1].at("error").at("code"), "malformed_csv");
  EXPECT_EQ(records[1].at("error").at("line"), 5);
  EXPECT_EQ(records[2].at("error").at("code"), "unmappable_csv");
  EXPECT_EQ(records[2].at("error").at("line"), 1);
  EXPECT_EQ(records[3].at("source").at("format"), "ccai");
  EXPECT_EQ(records[3].at("turns")[0].at("role"), "system");
  EXPECT_EQ(records[4].at("id"), "rec");
  EXPECT_EQ(records[4].at("source").at("format"), "json");
  EXPECT_EQ(records[4].at("turns").size(), 2u);
  expect_schema_valid(result.out);

  // --columns maps the header that did not map.
  const auto mapped =
      run_conduct({"analyze", "--columns", "speaker=who,text=said", (dir / "b.csv").string()});
  EXPECT_EQ(mapped.exit_status, 0) << mapped.out << mapped.err;
  EXPECT_EQ(
      run_conduct({"analyze", "--columns", "colour=who", (dir / "b.csv").string()}).exit_status, 2);
  fs::remove_all(dir);
}

TEST(AnalyzeCli, VersionAndHelp) {
  const auto version = run_conduct({"--version"});
  EXPECT_EQ(version.exit_status, 0);
  EXPECT_NE(version.out.find("conduct 0.1.0"), std::string::npos) << version.out;
  const auto help = run_conduct({"analyze", "--help"});
  EXPECT_EQ(help.exit_status, 0);
  EXPECT_NE(help.out.find("--detail"), std::string::npos);
}

}  // namespace
}  // namespace conduct::testing
