// `conduct analyze` as the scale-out mapper (SPEC section 7): JSON Lines on
// stdin, one record out per record in, the input's own fields carried over
// untouched, and the same bytes whatever --jobs.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "run_command.h"
#include "test_support.h"

namespace conduct::testing {
namespace {

using nlohmann::ordered_json;

const std::vector<std::string> kMapperArgs = {"analyze", "--format", "jsonl", "--no-progress"};

std::vector<std::string> mapper_args(const std::string& jobs) {
  auto args = kMapperArgs;
  args.insert(args.end(), {"--jobs", jobs, "-"});
  return args;
}

// Records whose fields besides id and text/turns are of every JSON kind:
// nested objects (keys out of alphabetical order) and arrays, strings in raw
// UTF-8 and in \u escapes (a surrogate pair too), unicode keys, the extreme
// 64-bit integers, fractions, exponents, null, booleans, empty containers.
const char* const kRecordsWithUnknownFields[] = {
    R"({"id":"n1","text":"The agent hung up on me and never called back.","crm":{"zeta":1,"alpha":{"list":[3,1,2],"deep":[{"y":null,"x":true}]}},"queue":"billing"})",
    R"({"id":"n2","turns":[{"speaker":"agent","text":"Thanks for calling."},{"speaker":"customer","text":"You overcharged me again."}],"note":"Zoë — 客服 😡","escaped":"\u00e9\ud83d\ude21\n\t\"q\"","ключ":"значение"})",
    R"({"id":"n3","text":"Customer: My bill doubled.\nAgent: That's our policy.","min":-9223372036854775808,"max":18446744073709551615,"half":0.5,"tiny":1e-7,"huge":2.5e300,"neg":-12.25})",
    R"({"text":"Nobody answered my emails.","flag":false,"yes":true,"nothing":null,"empty_object":{},"empty_array":[],"nested_empty":[[],[{}]]})",
};

std::string joined_lines(std::span<const char* const> lines) {
  std::string out;
  for (const char* line : lines) (out += line) += '\n';
  return out;
}

// What a parse and a rewrite would change: an integer beyond 64 bits, a
// fraction's trailing zero, an exponent, a \u escape, spacing inside a
// nested value. The result carries each byte for byte, after its own fields;
// a field named as one of conduct's ("points") is left out.
TEST(StdinMapper, UnknownFieldsKeepTheirBytes) {
  const std::string input =
      R"({"id":"b1","text":"The agent hung up on me.","big":123456789012345678901234567890,)"
      R"("f":1.10, "e" : 1e5,"u":"\u00e9","n":{ "deep" : [1 , 2] },"points":5})"
      "\n";
  const auto result = run_conduct(mapper_args("1"), input);
  ASSERT_EQ(result.exit_status, 0) << result.err;
  ASSERT_FALSE(result.out.empty());
  const std::string line = result.out.substr(0, result.out.find('\n'));
  const std::string tail = R"(,"big":123456789012345678901234567890,"f":1.10,"e":1e5,"u":"\u00e9",)"
                           R"("n":{ "deep" : [1 , 2] }})";
  ASSERT_GE(line.size(), tail.size());
  EXPECT_EQ(line.substr(line.size() - tail.size()), tail);
  const ordered_json out = ordered_json::parse(line);
  EXPECT_EQ(out.at("id"), "b1");
  EXPECT_TRUE(out.at("points").is_number_integer());
  EXPECT_EQ(line.find(R"("points":5)"), std::string::npos);
}

// A record that cannot be analysed keeps the id it gives itself, so that its
// error record joins back to the input; one without an id is named by its line.
TEST(StdinMapper, ErrorRecordsKeepTheRecordsOwnId) {
  const std::string input = R"({"id":"no-text","channel":"email"})"
                            "\n"
                            R"({"id":42,"text":"   "})"
                            "\n"
                            R"({"turns":"not a list"})"
                            "\n";
  const auto result = run_conduct(mapper_args("1"), input);
  EXPECT_EQ(result.exit_status, 1) << result.err;
  std::vector<ordered_json> outputs;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) outputs.push_back(ordered_json::parse(line));
  ASSERT_EQ(outputs.size(), 3u);
  EXPECT_EQ(outputs[0].at("id"), "no-text");
  EXPECT_EQ(outputs[0].at("error").at("code"), "missing_text");
  EXPECT_EQ(outputs[1].at("id"), "42");
  EXPECT_EQ(outputs[1].at("error").at("code"), "no_text");
  EXPECT_EQ(outputs[2].at("id"), "-:3");
  EXPECT_EQ(outputs[2].at("error").at("code"), "missing_text");
}

TEST(StdinMapper, UnknownFieldsPassThroughUntouched) {
  const std::string input = joined_lines(kRecordsWithUnknownFields);
  const auto result = run_conduct(mapper_args("2"), input);
  ASSERT_EQ(result.exit_status, 0) << result.err;
  std::vector<ordered_json> outputs;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) outputs.push_back(ordered_json::parse(line));
  ASSERT_EQ(outputs.size(), std::size(kRecordsWithUnknownFields));

  std::size_t checked = 0;
  for (std::size_t r = 0; r < outputs.size(); ++r) {
    const ordered_json in = ordered_json::parse(kRecordsWithUnknownFields[r]);
    const ordered_json& out = outputs[r];
    SCOPED_TRACE(in.dump());
    EXPECT_FALSE(out.contains("error")) << out.dump();
    EXPECT_EQ(out.at("source").at("record"), r + 1);
    if (in.contains("id")) {
      EXPECT_EQ(out.at("id"), in.at("id"));
    }
    for (const auto& [key, value] : in.items()) {
      if (key == "id" || key == "text" || key == "turns") continue;
      ASSERT_TRUE(out.contains(key)) << key;
      // The same value, nested keys in the same order (ordered_json compares
      // objects in order), escapes decoded to the same characters.
      EXPECT_EQ(out.at(key), value) << key;
      EXPECT_EQ(out.at(key).dump(), value.dump()) << key;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 17u);
  // The input's own fields come after conduct's, in the input's order.
  std::vector<std::string> tail;
  for (const auto& [key, value] : outputs[2].items()) tail.push_back(key);
  tail.erase(tail.begin(), tail.end() - 6);
  EXPECT_EQ(tail, (std::vector<std::string>{"min", "max", "half", "tiny", "huge", "neg"}));
}

// Every record of the input is answered in its place, the unreadable ones
// by an error record, so that a shard's output lines up with its input.
TEST(StdinMapper, OneOutputLinePerInputLineInOrderBadRecordsIncluded) {
  const std::string input = std::string(kRecordsWithUnknownFields[0]) + "\n" +
                            "{\"id\":\"broken\",\"text\":\n" + "{\"id\":\"no-text\"}\n" +
                            kRecordsWithUnknownFields[1] + "\n";
  const auto result = run_conduct(mapper_args("2"), input);
  EXPECT_EQ(result.exit_status, 1) << result.err;
  const auto records = result.records();
  ASSERT_EQ(records.size(), 4u) << result.out;
  EXPECT_EQ(records[0].at("id"), "n1");
  EXPECT_EQ(records[1].at("error").at("code"), "malformed_json");
  EXPECT_EQ(records[1].at("source").at("record"), 2);
  EXPECT_EQ(records[2].at("error").at("code"), "missing_text");
  EXPECT_EQ(records[2].at("source").at("record"), 3);
  EXPECT_EQ(records[3].at("id"), "n2");
  EXPECT_EQ(records[3].at("note"), "Zoë — 客服 😡");
}

// The sample batch: the bundled samples, and every format of the shared
// samples (text, WebVTT, SRT, Transcribe, Contact Lens, Whisper, JSON Lines
// and the real files of each), in one run, with one job and with several.
TEST(StdinMapper, SampleBatchIsByteIdenticalWithOneAndTwoJobs) {
  CONDUCT_REQUIRE_SHARED();
  const std::vector<std::string> paths = {(source_dir() / "tests/data/sample").string(),
                                          (shared_dir() / "samples/formats").string(),
                                          (shared_dir() / "samples/notes").string()};
  auto run = [&paths](const std::string& jobs) {
    std::vector<std::string> args = {"analyze", "--detail", "--no-progress", "--jobs", jobs};
    args.insert(args.end(), paths.begin(), paths.end());
    return run_conduct(args);
  };
  const auto one = run("1");
  const auto records = one.records();
  ASSERT_GE(records.size(), 20u) << one.err;
  std::set<std::string> formats;
  for (const auto& record : records) {
    if (!record.contains("error")) formats.insert(record.at("source").at("format"));
  }
  EXPECT_GE(formats.size(), 8u) << "formats analysed: " << formats.size();
  for (const std::string jobs : {"2", "3"}) {
    const auto many = run(jobs);
    EXPECT_EQ(many.exit_status, one.exit_status) << jobs;
    EXPECT_TRUE(many.out == one.out) << "--jobs " << jobs << " differs from --jobs 1";
  }
}

// Rules checked on an earlier run are compiled when first used: the output
// is the same with a cache cold, warm, or none at all (--no-cache).
TEST(StdinMapper, SampleBatchIsByteIdenticalWithTheCacheColdWarmOrOff) {
  const std::string cache = unique_temp_path("cache").string();
  const std::string batch = (source_dir() / "tests/data/sample").string();
  const std::string analyze = shell_quote(CONDUCT_BINARY) + " analyze --detail --no-progress ";
  const auto with_cache = "CONDUCT_CACHE_DIR=" + shell_quote(cache) + " " + analyze;
  const auto cold = run_shell(with_cache + shell_quote(batch));
  ASSERT_EQ(cold.exit_status, 0) << cold.err;
  EXPECT_TRUE(std::filesystem::exists(std::filesystem::path(cache) /
                                      (std::string("checked-patterns-") + CONDUCT_VERSION)));
  const auto warm = run_shell(with_cache + shell_quote(batch));
  const auto off = run_shell(with_cache + "--no-cache " + shell_quote(batch));
  const auto none = run_shell("CONDUCT_CACHE_DIR= " + analyze + shell_quote(batch));
  EXPECT_EQ(cold.records().size(), 2u);
  EXPECT_TRUE(warm.out == cold.out) << "a warm cache changes the output";
  EXPECT_TRUE(off.out == cold.out) << "--no-cache changes the output";
  EXPECT_TRUE(none.out == cold.out) << "no cache folder changes the output";
  std::filesystem::remove_all(cache);
}

// The same on stdin: many small JSON Lines records, where jobs interleave
// most.
TEST(StdinMapper, JsonLinesOnStdinIsByteIdenticalWithOneAndTwoJobs) {
  const std::string call = read_file(source_dir() / "tests/data/sample/support-call.txt");
  const std::string notes = read_file(source_dir() / "tests/data/sample/billing-dispute-notes.txt");
  std::string input;
  for (int i = 0; i < 300; ++i) {
    // Appending piecewise: `"r" + temporary` trips GCC 12's -Wrestrict false positive.
    std::string id = "r";
    id += std::to_string(i);
    ordered_json record{{"id", id}};
    const std::string& source = i % 2 ? call : notes;
    // A different slice of the text each time, so that records differ.
    const std::size_t start = (static_cast<std::size_t>(i) * 97) % (source.size() / 2);
    record["text"] = source.substr(source.find(' ', start) + 1, 200 + (i % 7) * 60);
    record["queue"] = i % 3;
    input += record.dump() + "\n";
  }
  input += joined_lines(kRecordsWithUnknownFields);
  const auto one = run_conduct(mapper_args("1"), input);
  ASSERT_EQ(one.exit_status, 0) << one.err;
  EXPECT_EQ(one.records().size(), 300u + std::size(kRecordsWithUnknownFields));
  const auto two = run_conduct(mapper_args("2"), input);
  EXPECT_EQ(two.exit_status, 0) << two.err;
  EXPECT_TRUE(two.out == one.out) << "--jobs 2 differs from --jobs 1";
}

}  // namespace
}  // namespace conduct::testing
