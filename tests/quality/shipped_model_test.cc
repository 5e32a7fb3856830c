// The shipped model, models/conduct.model: trained reproducibly from corpus/
// by tools/train-shipped-model, and right on a known sentence of each
// category and on hard negatives. Runs the real binary, as users do.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace conduct {
namespace {

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  EXPECT_EQ(::pclose(pipe), 0) << command;
  return out;
}

std::filesystem::path temp_path(const std::string& name) {
  return std::filesystem::temp_directory_path() /
         ("conduct_shipped_" + std::to_string(::getpid()) + "_" + name);
}

TEST(ShippedModel, EqualsAFreshTrainingByteForByte) {
  // One training from corpus/ with today's lexicons and build must give the
  // very bytes shipped in models/: the shipped model is what the corpus and
  // the documented command make (and training is deterministic).
  const auto script = testing::source_dir() / "tools/train-shipped-model";
  const auto fresh = temp_path("fresh.model");
  run(script.string() + " " + CONDUCT_BINARY + " " + fresh.string() + " >/dev/null");
  const std::string trained = testing::read_file(fresh);
  std::filesystem::remove(fresh);
  const std::string shipped = testing::read_file(testing::source_dir() / "models/conduct.model");
  ASSERT_GT(trained.size(), 1000u);
  EXPECT_LT(trained.size(), 3u * 1024 * 1024);  // the shipped file stays small
  EXPECT_TRUE(trained == shipped)
      << "models/conduct.model is not what tools/train-shipped-model makes from corpus/ now; "
         "retrain it";
}

// The shipped model's bar, on real text it was not fitted on: the dev split
// of corpus/real (its thresholds were chosen there; test is never read by a
// test). Beside the rules it must add recall and keep precision at the bar a
// rule must pass on real text (0.6).
nlohmann::json real_dev(const std::string& flags) {
  const auto tool = testing::source_dir() / "tools/eval-real";
  const std::string out = run("python3 " + tool.string() + " --split dev --json --conduct " +
                              CONDUCT_BINARY + " -- " + flags);
  return nlohmann::json::parse(out);
}

TEST(ShippedModel, AddsRecallOnRealDevTextAtThePrecisionBar) {
  CONDUCT_REQUIRE_SHARED();
  const auto rules = real_dev("--no-model");
  const auto combined = real_dev("");
  const auto& r = rules["table"]["micro"];
  const auto& c = combined["table"]["micro"];
  ASSERT_GT(r["expected"].get<int>(), 700);
  EXPECT_GT(c["recall"].get<double>(), r["recall"].get<double>() + 0.1) << combined.dump();
  EXPECT_GE(c["precision"].get<double>(), 0.6) << combined.dump();
  EXPECT_GT(c["f1"].get<double>(), r["f1"].get<double>());
}

TEST(ShippedModel, CorruptModelExitsTwoWithAMessage) {
  const auto bad = temp_path("bad.model");
  const std::string bytes("CNDM\x01\x00\x00\x00garbage", 15);  // version 1, no checksum
  std::ofstream(bad, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
  const std::string command =
      std::string(CONDUCT_BINARY) + " classify --model " + bad.string() + " </dev/null 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::array<char, 4096> buffer{};
  const std::size_t n = std::fread(buffer.data(), 1, buffer.size() - 1, pipe);
  const int status = ::pclose(pipe);
  std::filesystem::remove(bad);
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_NE(std::string(buffer.data(), n).find("bad.model"), std::string::npos);
}

}  // namespace
}  // namespace conduct

namespace conduct {
namespace {

TEST(ShippedModel, ExplainShowsTheTopFeaturesOfEachModelFinding) {
  const std::string out =
      run(std::string(CONDUCT_BINARY) + " explain --json --features 3 'She hung up on me.'");
  const auto doc = nlohmann::json::parse(out);
  ASSERT_EQ(doc["sentences"].size(), 1u);
  const auto& model = doc["sentences"][0]["model"];
  ASSERT_EQ(model.size(), 1u);
  EXPECT_EQ(model[0]["source"], "model:unprofessional");
  EXPECT_GE(model[0]["probability"].get<double>(), model[0]["threshold"].get<double>());
  ASSERT_EQ(model[0]["features"].size(), 3u);
  double previous = 1e9;
  for (const auto& f : model[0]["features"]) {
    const double c = std::fabs(f["contribution"].get<double>());
    EXPECT_LE(c, previous);
    previous = c;
    EXPECT_NEAR(f["contribution"].get<double>(),
                f["weight"].get<double>() * f["value"].get<double>(), 1e-4);
  }
  EXPECT_TRUE(doc["model"].get<std::string>().rfind("cndm-2:", 0) == 0);
}

}  // namespace
}  // namespace conduct

namespace conduct {
namespace {

// A finding that only two sentences read together show: weeks of silence,
// then follow-ups (a real complaint narrative of corpus/real's train split,
// CFPB, public domain). It quotes both sentences, and is gone when the
// model reads sentences one at a time.
TEST(ShippedModel, ReadsAdjacentSentencesOfNotesTogether) {
  const auto notes = temp_path("pair.txt");
  const std::string text =
      "Weeks went by and we received nothing. I followed up by e-mail and phone calls on "
      "numerous occasions.\n";
  std::ofstream(notes) << text;
  const auto findings = [&](const std::string& flags) {
    return nlohmann::json::parse(
        run(std::string(CONDUCT_BINARY) + " analyze " + flags + " " + notes.string()))["findings"];
  };
  const auto paired = findings("");
  ASSERT_EQ(paired.size(), 1u) << paired.dump();
  EXPECT_EQ(paired[0]["category"], "unresponsive");
  EXPECT_EQ(paired[0]["source"], "model:unresponsive");
  EXPECT_EQ(paired[0]["evidence"]["start"], 0);
  EXPECT_EQ(paired[0]["evidence"]["text"], text.substr(0, text.size() - 1));
  EXPECT_GE(paired[0]["confidence"].get<double>(), 0.5);
  EXPECT_TRUE(findings("--no-model-pairs").empty());
  // explain shows the pair on its second sentence, with the pair's features.
  const auto doc = nlohmann::json::parse(
      run(std::string(CONDUCT_BINARY) + " explain --json --features 2 " + notes.string()));
  ASSERT_EQ(doc["sentences"].size(), 2u);
  // (The second sentence alone may pass the label's threshold too, below the
  // floor of a finding: explain lists it as well.)
  std::vector<nlohmann::json> pairs;
  for (const auto& line : doc["sentences"][1]["model"]) {
    // (Other labels may lean on the pair too without making a finding.)
    if (line["with_previous"] == true && line["outcome"] == "finding") pairs.push_back(line);
  }
  ASSERT_EQ(pairs.size(), 1u) << doc["sentences"][1]["model"].dump();
  EXPECT_EQ(pairs[0]["source"], "model:unresponsive");
  EXPECT_EQ(pairs[0]["start"], 0);
  EXPECT_EQ(pairs[0]["features"].size(), 2u);
  std::filesystem::remove(notes);
}

}  // namespace
}  // namespace conduct
