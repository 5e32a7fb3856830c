// The bad-input suite (issue 18): nothing a file, a record, a file name, a
// flag or a configuration file holds ends a batch or the process. Each bad
// case gives its error record (or a result) while the rest of the batch goes
// on, every message is valid UTF-8, and the counts add up.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/run_command.h"
#include "normalize/normalizer.h"
#include "test_support.h"

namespace conduct::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = unique_temp_path(::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(dir_, ignored);
  }
  fs::path write(const std::string& name, const std::string& bytes) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  fs::path dir_;
};

std::string code_of(const json& record) {
  return record.contains("error") ? record.at("error").at("code").get<std::string>() : "";
}

// Every line of the output is a record, and every string in it valid UTF-8
// (the JSON parser would refuse it otherwise; checked again on the raw bytes).
void expect_valid_output(const CommandResult& result) {
  EXPECT_TRUE(is_valid_utf8(result.out)) << result.out;
  EXPECT_TRUE(result.out.empty() || result.out.back() == '\n');
}

// "N documents in, N records out": the summary line on stderr.
void expect_counts_add_up(const CommandResult& result, std::size_t records) {
  const std::string expected =
      std::to_string(records) + " documents in, " + std::to_string(records) + " records out";
  EXPECT_NE(result.err.find(expected), std::string::npos) << result.err;
}

TEST_F(BadInput, AJsonFileCutInsideACharacterIsMalformedJsonWithAReadableMessage) {
  // "{é}": the parser's message quotes "{" and the first byte of "é" alone.
  write("bad4.json", "{\xC3\xA9}");
  write("good.txt", "They never called me back.\n");
  const auto result = run_conduct({"analyze", "--summary", dir_.string()});
  EXPECT_EQ(result.exit_status, 1) << result.err;
  expect_valid_output(result);
  const auto records = result.records();
  ASSERT_EQ(records.size(), 2u) << result.out;
  EXPECT_EQ(code_of(records[0]), "malformed_json");
  EXPECT_EQ(records[0].at("error").at("line"), 1);
  EXPECT_EQ(records[0].at("source").at("path"), (dir_ / "bad4.json").string());
  const std::string message = records[0].at("error").at("message");
  EXPECT_EQ(message.find("json.exception"), std::string::npos) << message;
  EXPECT_NE(message.find("\\xC3"), std::string::npos) << message;  // the cut byte, escaped
  EXPECT_EQ(code_of(records[1]), "");
  expect_counts_add_up(result, 2);
}

TEST_F(BadInput, NamesThatAreNotUtf8AreEscapedAndIdsAreUniqueAcrossFolders) {
  write("one/a.txt", "The agent hung up on me.\n");
  write("two/a.txt", "The agent was lovely.\n");
  write("two/n\xFF.txt", "Nobody called back.\n");
  const auto result = run_conduct({"analyze", (dir_ / "one").string(), (dir_ / "two").string()});
  EXPECT_EQ(result.exit_status, 0) << result.err;
  expect_valid_output(result);
  const auto records = result.records();
  ASSERT_EQ(records.size(), 3u) << result.out;
  EXPECT_EQ(records[0].at("id"), (dir_ / "one" / "a.txt").string());
  EXPECT_EQ(records[1].at("id"), (dir_ / "two" / "a.txt").string());
  EXPECT_EQ(records[2].at("id"), (dir_ / "two").string() + "/n\\xFF.txt");
  EXPECT_EQ(records[2].at("source").at("path"), records[2].at("id"));
  EXPECT_FALSE(records[2].contains("error"));

  // explain --json on the same folder writes the escaped id too.
  const auto explained = run_conduct({"explain", "--json", (dir_ / "two").string()});
  EXPECT_EQ(explained.exit_status, 0) << explained.err;
  EXPECT_TRUE(is_valid_utf8(explained.out));
  ASSERT_EQ(explained.records().size(), 2u) << explained.out;
}

TEST_F(BadInput, ExplainJsonOnTextThatIsNotUtf8IsAnErrorRecord) {
  const auto result = run_conduct({"explain", "--json", "caf\xE9 was rude"});
  EXPECT_EQ(result.exit_status, 1) << result.err;
  expect_valid_output(result);
  const auto records = result.records();
  ASSERT_EQ(records.size(), 1u) << result.out;
  EXPECT_EQ(code_of(records[0]), "invalid_utf8");
}

TEST_F(BadInput, DeepJsonIsTooDeepNotAStackOverflow) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const fs::path jsonl = write("batch.jsonl",
                               "{\"id\": \"first\", \"text\": \"fine\"}\n"
                               "{\"id\": \"deep\", \"text\": \"hi\", \"extra\": " +
                                   deep +
                                   "}\n"
                                   "{\"id\": \"last\", \"text\": \"fine too\"}\n");
  const auto result = run_conduct({"analyze", "--summary", "--jobs", "2", jsonl.string()});
  EXPECT_EQ(result.exit_status, 1) << result.err;
  const auto records = result.records();
  ASSERT_EQ(records.size(), 3u) << result.out;
  EXPECT_EQ(records[0].at("id"), "first");
  EXPECT_EQ(code_of(records[1]), "too_deep");
  EXPECT_EQ(records[1].at("source").at("record"), 2);
  EXPECT_NE(records[1].at("error").at("message").get<std::string>().find("--max-depth"),
            std::string::npos);
  EXPECT_EQ(records[2].at("id"), "last");
  expect_counts_add_up(result, 3);

  // A whole JSON transcript nested too deep, and --max-depth that lets a
  // shallower one through.
  write("deep/call.json",
        "{\"Transcript\": [" + std::string(300, '[') + std::string(300, ']') + "]}");
  const auto file = run_conduct({"analyze", (dir_ / "deep" / "call.json").string()});
  ASSERT_EQ(file.records().size(), 1u) << file.out;
  EXPECT_EQ(code_of(file.records()[0]), "too_deep");
  const auto raised =
      run_conduct({"analyze", "--max-depth", "1000", (dir_ / "deep" / "call.json").string()});
  ASSERT_EQ(raised.records().size(), 1u) << raised.out;
  EXPECT_NE(code_of(raised.records()[0]), "too_deep");
}

TEST_F(BadInput, MaxBytesHoldsForSmallFilesAndEndlessInputs) {
  const fs::path small = write("small.txt", "The agent said it was not her problem.\n");
  const auto over = run_conduct({"analyze", "--max-bytes", "10", small.string()});
  EXPECT_EQ(over.exit_status, 1);
  ASSERT_EQ(over.records().size(), 1u);
  EXPECT_EQ(code_of(over.records()[0]), "file_too_large");
  EXPECT_EQ(run_conduct({"analyze", "--max-bytes", "1K", small.string()}).exit_status, 0);

  // /dev/zero never ends: reading stops at the limit.
  const auto zero =
      run_shell("timeout 60 " + shell_quote(CONDUCT_BINARY) + " analyze --max-bytes 1M /dev/zero");
  EXPECT_EQ(zero.exit_status, 1) << zero.err;
  ASSERT_EQ(zero.records().size(), 1u) << zero.out;
  EXPECT_EQ(code_of(zero.records()[0]), "file_too_large");

  // Standard input too: the record is refused, nothing more is read.
  // (A subshell: run_shell's own stdin redirection must not replace the pipe.)
  const auto piped = run_shell("(head -c 3000000 /dev/zero | tr '\\0' 'a' | timeout 60 " +
                               shell_quote(CONDUCT_BINARY) + " analyze --max-bytes 1M -)");
  ASSERT_EQ(piped.records().size(), 1u) << piped.out << piped.err;
  EXPECT_EQ(code_of(piped.records()[0]), "file_too_large");
}

TEST_F(BadInput, NumericOptionsRejectNanNegativeZeroAndOutOfRange) {
  const fs::path small = write("small.txt", "Fine.\n");
  const std::vector<std::vector<std::string>> bad = {{"--max-bytes", "0"},
                                                     {"--max-bytes", "-1"},
                                                     {"--max-bytes", "nan"},
                                                     {"--max-bytes", "12Q"},
                                                     {"--max-line-bytes", "0"},
                                                     {"--max-turns", "-5"},
                                                     {"--max-depth", "100000"},
                                                     {"--jobs", "0"},
                                                     {"--jobs", "-1"},
                                                     {"--model-alone-floor", "nan"},
                                                     {"--model-alone-floor", "1.5"},
                                                     {"--model-alone-margin", "nan"},
                                                     {"--model-alone-margin", "-0.1"},
                                                     {"--model-trusted-precision", "inf"}};
  for (const auto& option : bad) {
    const auto result = run_conduct({"analyze", option[0], option[1], small.string()});
    EXPECT_EQ(result.exit_status, 2) << option[0] << " " << option[1];
    EXPECT_NE(result.err.find(option[0]), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty());
  }
  EXPECT_EQ(run_conduct({"explain", "--features", "-3", "x"}).exit_status, 2);
  EXPECT_EQ(run_conduct({"eval", "--labels", small.string(), "--top", "-1"}).exit_status, 2);
}

TEST_F(BadInput, ThousandsOfJobsDoNotAbortAndChangeNoOutput) {
  for (int i = 0; i < 5; ++i) {
    write("calls/" + std::to_string(i) + ".txt", "Agent: Hello.\nCustomer: You hung up on me.\n");
  }
  const auto one = run_conduct({"analyze", "--jobs", "1", (dir_ / "calls").string()});
  const auto many = run_conduct({"analyze", "--jobs", "1024", (dir_ / "calls").string()});
  EXPECT_EQ(many.exit_status, 0) << many.err;
  EXPECT_EQ(one.out, many.out);
  EXPECT_EQ(many.records().size(), 5u);
}

TEST_F(BadInput, LongLinesAndTooManyTurnsAreErrorsNamingTheirFlag) {
  write("a-long.txt", "Short line.\n" + std::string(300, 'x') + "\nAnother.\n");
  std::string turns;
  for (int i = 0; i < 6; ++i) turns += i % 2 ? "Customer: ok.\n" : "Agent: hello.\n";
  write("b-turns.txt", turns);
  write("c-fine.txt", "Agent: hi.\nCustomer: bye.\n");
  const auto result = run_conduct(
      {"analyze", "--summary", "--max-line-bytes", "200", "--max-turns", "4", dir_.string()});
  EXPECT_EQ(result.exit_status, 1);
  const auto records = result.records();
  ASSERT_EQ(records.size(), 3u) << result.out;
  EXPECT_EQ(code_of(records[0]), "line_too_long");
  EXPECT_EQ(records[0].at("error").at("line"), 2);
  EXPECT_NE(records[0].at("error").at("message").get<std::string>().find("--max-line-bytes"),
            std::string::npos);
  EXPECT_EQ(code_of(records[1]), "too_many_turns");
  EXPECT_NE(records[1].at("error").at("message").get<std::string>().find("--max-turns"),
            std::string::npos);
  EXPECT_EQ(code_of(records[2]), "");
  expect_counts_add_up(result, 3);
}

TEST_F(BadInput, TimesOutOfRangeAreDroppedWithAWarningNotWritten) {
  const fs::path jsonl = write(
      "times.jsonl",
      "{\"id\": \"neg\", \"turns\": [{\"speaker\": \"Agent\", \"text\": \"Hello.\", \"begin_ms\": "
      "-5, \"end_ms\": 100}, {\"speaker\": \"Customer\", \"text\": \"Hi.\", \"begin_ms\": "
      "9000000000000000000}]}\n");
  const fs::path connect =
      write("connect.json",
            "{\"Transcript\": [{\"ParticipantId\": \"AGENT\", \"Content\": \"Hello there.\", "
            "\"BeginOffsetMillis\": -300, \"EndOffsetMillis\": 900}]}");
  for (const fs::path& input : {jsonl, connect}) {
    const auto result = run_conduct({"analyze", "--detail", input.string()});
    EXPECT_EQ(result.exit_status, 0) << result.err << result.out;
    const auto records = result.records();
    ASSERT_EQ(records.size(), 1u) << result.out;
    for (const auto& turn : records[0].at("turns")) {
      EXPECT_GE(turn.value("begin_ms", 0LL), 0);
      EXPECT_LE(turn.value("end_ms", 0LL), 4000000000000);
    }
    ASSERT_TRUE(records[0].contains("warnings")) << records[0].dump();
    EXPECT_NE(records[0].at("warnings").dump().find("dropped"), std::string::npos);
  }
}

TEST_F(BadInput, ConfigurationFilesMustBeRegularFilesWithSaneNumbers) {
  const fs::path input = write("call.txt", "They hung up on me.\n");
  const fs::path zero_policy = dir_ / "policy.toml";
  fs::create_symlink("/dev/zero", zero_policy);
  const auto zero =
      run_shell("timeout 60 " + shell_quote(CONDUCT_BINARY) + " analyze --policy " +
                shell_quote(zero_policy.string()) + " " + shell_quote(input.string()));
  EXPECT_EQ(zero.exit_status, 2) << zero.err;
  EXPECT_NE(zero.err.find(zero_policy.string()), std::string::npos) << zero.err;
  EXPECT_NE(zero.err.find("not a regular file"), std::string::npos) << zero.err;

  std::string policy = read_file(source_dir() / "lexicons" / "policy.toml");
  const std::size_t floor_line = policy.find("\nconfidence_floor") + 1;
  ASSERT_NE(floor_line, 0u);
  policy.replace(floor_line, policy.find('\n', floor_line) - floor_line, "confidence_floor = nan");
  const fs::path nan_policy = write("nan-policy.toml", policy);
  const auto nan = run_conduct({"analyze", "--policy", nan_policy.string(), input.string()});
  EXPECT_EQ(nan.exit_status, 2);
  EXPECT_NE(nan.err.find(nan_policy.string() + ":"), std::string::npos) << nan.err;
  EXPECT_NE(nan.err.find("confidence_floor"), std::string::npos) << nan.err;

  const auto model = run_conduct({"analyze", "--model", "/dev/zero", input.string()});
  EXPECT_EQ(model.exit_status, 2);
  EXPECT_NE(model.err.find("/dev/zero"), std::string::npos) << model.err;
}

TEST_F(BadInput, ASymlinkLoopInTheLexiconFolderIsExitTwo) {
  const fs::path lexicons = dir_ / "lexicons";
  fs::create_directories(lexicons);
  for (const auto& entry : fs::directory_iterator(source_dir() / "lexicons")) {
    if (entry.path().extension() == ".toml") fs::copy(entry.path(), lexicons);
  }
  fs::create_symlink(lexicons / "loop-b.toml", lexicons / "loop-a.toml");
  fs::create_symlink(lexicons / "loop-a.toml", lexicons / "loop-b.toml");
  const auto result = run_conduct({"analyze", "--lexicons", lexicons.string(), "-"}, "hello\n");
  EXPECT_EQ(result.exit_status, 2) << result.err;
  EXPECT_NE(result.err.find("/loop-"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("symbolic links"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty());
  const auto check = run_conduct({"lexicon", "check", lexicons.string()});
  EXPECT_NE(check.exit_status, 0);
  EXPECT_NE((check.out + check.err).find("/loop-"), std::string::npos);
}

TEST_F(BadInput, BrokenEntriesOfAnInputFolderAreErrorRecordsEach) {
  write("calls/a.txt", "Agent: hello.\nCustomer: hi.\n");
  fs::create_symlink(dir_ / "calls" / "nowhere.txt", dir_ / "calls" / "b-broken.txt");
  fs::create_symlink(dir_ / "calls" / "c-loop.txt", dir_ / "calls" / "c-loop.txt");
  ASSERT_EQ(::mkfifo((dir_ / "calls" / "d-fifo").c_str(), 0600), 0);
  write("calls/e.txt", "Fine.\n");
  const auto result = run_conduct({"analyze", "--summary", (dir_ / "calls").string()});
  EXPECT_EQ(result.exit_status, 1) << result.err;
  const auto records = result.records();
  ASSERT_EQ(records.size(), 5u) << result.out;
  EXPECT_EQ(code_of(records[0]), "");
  EXPECT_EQ(code_of(records[1]), "not_found");
  EXPECT_EQ(code_of(records[2]), "unreadable");
  EXPECT_EQ(code_of(records[3]), "unreadable");
  EXPECT_EQ(code_of(records[4]), "");
  EXPECT_EQ(records[1].at("id"), (dir_ / "calls" / "b-broken.txt").string());
  expect_counts_add_up(result, 5);
}

TEST_F(BadInput, AnUnreadableFolderIsAnErrorRecordAndExitOne) {
  // Root reads every folder: the run then drops to user nobody.
  std::string as_user;
  if (::geteuid() == 0) {
    if (!fs::exists("/usr/bin/setpriv")) {
      GTEST_SKIP() << "running as root without setpriv: permissions cannot make a folder "
                      "unreadable; the symlink loop case above covers an entry that cannot be read";
    }
    as_user = "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  write("calls/a.txt", "Fine.\n");
  write("calls/locked/b.txt", "Hidden.\n");
  fs::permissions(dir_ / "calls" / "locked", fs::perms::none);
  const std::string conduct = as_user + shell_quote(CONDUCT_BINARY) + " analyze ";
  const auto inside = run_shell(conduct + shell_quote((dir_ / "calls").string()));
  const auto given = run_shell(conduct + shell_quote((dir_ / "calls" / "locked").string()));
  fs::permissions(dir_ / "calls" / "locked", fs::perms::owner_all);
  EXPECT_EQ(inside.exit_status, 1) << inside.err;
  const auto records = inside.records();
  ASSERT_EQ(records.size(), 2u) << inside.out << inside.err;
  EXPECT_EQ(code_of(records[0]), "");
  EXPECT_EQ(code_of(records[1]), "unreadable");
  EXPECT_EQ(records[1].at("id"), (dir_ / "calls" / "locked").string());
  EXPECT_EQ(given.exit_status, 1) << given.err;
  ASSERT_EQ(given.records().size(), 1u) << given.out << given.err;
  EXPECT_EQ(code_of(given.records()[0]), "unreadable");
}

std::string utf16(const std::string& ascii, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char c : ascii) {
    out.push_back(little_endian ? c : '\0');
    out.push_back(little_endian ? '\0' : c);
  }
  return out;
}

TEST_F(BadInput, Utf16WithAByteOrderMarkIsDecoded) {
  const std::string text = "Agent: Thanks for calling.\nCustomer: You hung up on me yesterday.\n";
  write("a-le.txt", utf16(text, true));
  write("b-be.txt", utf16(text, false));
  write("c-odd.txt", utf16(text, true) + "x");
  write("d-utf8.txt", text);
  const auto result = run_conduct({"analyze", "--detail", dir_.string()});
  EXPECT_EQ(result.exit_status, 1) << result.err;
  const auto records = result.records();
  ASSERT_EQ(records.size(), 4u) << result.out;
  for (std::size_t i : {0u, 1u}) {
    EXPECT_EQ(code_of(records[i]), "") << records[i].dump();
    EXPECT_EQ(records[i].at("source").at("format"), "text");
    EXPECT_EQ(records[i].at("source").at("bytes"), utf16(text, i == 0).size());
    EXPECT_NE(records[i].at("warnings").dump().find("UTF-16"), std::string::npos);
    // The same findings as the UTF-8 file; offsets are into the UTF-8 text.
    EXPECT_EQ(records[i].at("findings"), records[3].at("findings"));
    for (const auto& turn : records[i].at("turns")) {
      const std::size_t start = turn.at("start"), end = turn.at("end");
      EXPECT_EQ(text.substr(start, end - start), turn.at("text").get<std::string>());
    }
  }
  EXPECT_EQ(code_of(records[2]), "invalid_utf16");
}

}  // namespace
}  // namespace conduct::testing
