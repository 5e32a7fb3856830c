// Streams and signals (issues 17 and 18): a JSON Lines stream's results come
// out as soon as they are done, not at the end of the input; SIGINT and
// SIGTERM stop reading and leave the old output file or a complete new one,
// and standard output only whole lines.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "cli/run_command.h"
#include "reliability/child_process.h"
#include "test_support.h"

namespace conduct::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace std::chrono_literals;

std::string record(const std::string& id, const std::string& text) {
  return json{{"id", id}, {"text", text}}.dump() + "\n";
}

// A JSON Lines file big enough that analysing it takes seconds.
fs::path big_batch(const fs::path& folder, int records) {
  const fs::path path = folder / "batch.jsonl";
  std::ofstream out(path, std::ios::binary);
  for (int i = 0; i < records; ++i) {
    // Appended piecewise: `"r" + temporary` trips GCC 12's -Wrestrict false positive.
    std::string id = "r";
    id += std::to_string(i);
    std::string text =
        "I called three times about my bill and nobody called me back. The agent said it was "
        "not her department and hung up on me. Record ";
    text += std::to_string(i);
    out << record(id, text);
  }
  return path;
}

void expect_whole_json_lines(const std::string& out) {
  ASSERT_TRUE(out.empty() || out.back() == '\n')
      << out.substr(out.size() > 200 ? out.size() - 200 : 0);
  std::size_t begin = 0;
  while (begin < out.size()) {
    const std::size_t end = out.find('\n', begin);
    const auto parsed = json::parse(out.substr(begin, end - begin), nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << out.substr(begin, 200);
    begin = end + 1;
  }
}

TEST(Streaming, EachStdinRecordIsWrittenAsSoonAsItIsDone) {
  for (const char* jobs : {"1", "2"}) {
    ChildProcess child(CONDUCT_BINARY, {"analyze", "--jobs", jobs, "-"}, "/dev/null");
    ASSERT_TRUE(child.started());
    child.write(record("rec1", "Nobody called me back."));
    // rec2 is not written until rec1's result is read: at the end of input
    // would be too late, the test would time out.
    const auto first = child.read_line(60s);
    ASSERT_TRUE(first.has_value()) << "jobs " << jobs << ": rec1's result did not come";
    EXPECT_EQ(json::parse(*first).at("id"), "rec1");
    child.write(record("rec2", "The agent was lovely."));
    const auto second = child.read_line(60s);
    ASSERT_TRUE(second.has_value()) << "jobs " << jobs;
    EXPECT_EQ(json::parse(*second).at("id"), "rec2");
    child.close_stdin();
    EXPECT_EQ(child.read_rest(), "");
    EXPECT_EQ(child.wait(), 0);
  }
}

TEST(Interrupt, SigtermLeavesTheOldFileOrACompleteNewOne) {
  const fs::path dir = unique_temp_path("sigterm");
  fs::create_directories(dir);
  const int records = 20000;
  const fs::path input = big_batch(dir, records);
  const fs::path output = dir / "out.jsonl";
  std::ofstream(output) << "old\n";
  ChildProcess child(CONDUCT_BINARY,
                     {"analyze", "--jobs", "2", "-o", output.string(), input.string()},
                     (dir / "err.txt").string());
  ASSERT_TRUE(child.started());
  // Wait until it writes its temporary file beside the output.
  auto temporary_exists = [&] {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().filename().string().rfind(".out.jsonl.conduct-", 0) == 0) return true;
    }
    return false;
  };
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (!temporary_exists() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  std::this_thread::sleep_for(200ms);
  child.signal(SIGTERM);
  const int status = child.wait();
  const std::string written = read_file(output);
  if (status == 128 + SIGTERM) {
    EXPECT_EQ(written, "old\n");
    EXPECT_NE(read_file(dir / "err.txt").find("interrupted"), std::string::npos);
  } else {
    // It finished first: then the new file is complete.
    EXPECT_EQ(status, 0);
    expect_whole_json_lines(written);
    EXPECT_EQ(std::count(written.begin(), written.end(), '\n'), records);
  }
  EXPECT_FALSE(temporary_exists()) << "the temporary file was left behind";
  fs::remove_all(dir);
}

TEST(Interrupt, SigintLeavesOnlyWholeLinesOnStandardOutput) {
  const fs::path dir = unique_temp_path("sigint");
  fs::create_directories(dir);
  const int records = 20000;
  const fs::path input = big_batch(dir, records);
  ChildProcess child(CONDUCT_BINARY, {"analyze", "--jobs", "2", input.string()}, "/dev/null");
  ASSERT_TRUE(child.started());
  const auto first = child.read_line(60s);
  ASSERT_TRUE(first.has_value());
  child.signal(SIGINT);
  const std::string rest = child.read_rest();
  const int status = child.wait();
  EXPECT_TRUE(status == 128 + SIGINT || status == 0) << status;
  expect_whole_json_lines(rest);
  const auto lines = 1 + std::count(rest.begin(), rest.end(), '\n');
  EXPECT_TRUE(status == 0 || lines < records) << lines;
  fs::remove_all(dir);
}

TEST(Interrupt, SigintWhileWaitingForAPipeStopsReading) {
  ChildProcess child(CONDUCT_BINARY, {"analyze", "--jobs", "2", "-"}, "/dev/null");
  ASSERT_TRUE(child.started());
  child.write(record("rec1", "Nobody called me back."));
  ASSERT_TRUE(child.read_line(60s).has_value());
  child.signal(SIGINT);  // stdin stays open: only the signal can end the wait
  EXPECT_EQ(child.wait(), 128 + SIGINT);
}

// The progress and summary lines are for a person at a terminal: there by
// default, absent when stderr is a file or pipe unless asked for.
TEST(Progress, ProgressAndSummaryOnATerminalOnly) {
  const fs::path dir = unique_temp_path("progress");
  fs::create_directories(dir);
  const fs::path input = big_batch(dir, 3);
  const std::string conduct =
      shell_quote(CONDUCT_BINARY) + " analyze " + shell_quote(input.string()) + " >/dev/null";
  const auto piped = run_shell(conduct);
  EXPECT_EQ(piped.exit_status, 0);
  EXPECT_EQ(piped.err, "");
  const auto asked = run_shell(conduct + " --summary");
  EXPECT_NE(asked.err.find("conduct: 3 documents in, 3 records out (3 results, 0 errors)"),
            std::string::npos)
      << asked.err;
  if (!fs::exists("/usr/bin/script")) {
    GTEST_SKIP() << "no /usr/bin/script to give conduct a terminal";
  }
  // script(1) runs it on a pseudo-terminal: stderr is then a terminal.
  const auto terminal = run_shell("/usr/bin/script -qec " + shell_quote(conduct) + " /dev/null");
  EXPECT_EQ(terminal.exit_status, 0);
  EXPECT_NE(terminal.out.find("\r\033[Kconduct: 1 documents, "), std::string::npos) << terminal.out;
  EXPECT_NE(terminal.out.find("conduct: 3 documents in, 3 records out"), std::string::npos)
      << terminal.out;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace conduct::testing
