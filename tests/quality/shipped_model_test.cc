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

TEST(ShippedModel, KnownSentencesAndHardNegatives) {
  // Written for this test, not taken from corpus/; each names the labels the
  // shipped model must give it (exactly).
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {R"({"text":"Your call is important to us, please stay on the line.","register":"speech","speaker":"agent"})",
       {"scripted"}},
      {R"({"text":"You need to relax, sir.","register":"speech","speaker":"agent"})",
       {"unprofessional"}},
      {R"({"text":"I'm not going to argue with you.","register":"speech","speaker":"agent"})",
       {"unprofessional"}},
      {R"({"text":"There is nothing I can do about that, it's our policy.","register":"speech","speaker":"agent"})",
       {"dismissive"}},
      {R"({"text":"I left three voicemails and nobody ever called me back.","register":"report","speaker":"author"})",
       {"unresponsive"}},
      {R"({"text":"She promised a credit on my next bill but it never showed up.","register":"report","speaker":"author"})",
       {"broken_promise"}},
      {R"({"text":"I was transferred four times and had to explain everything again each time.","register":"report","speaker":"author"})",
       {"runaround"}},
      {R"({"text":"I'm so sorry you've had to deal with this while your mum is in hospital.","register":"speech","speaker":"agent"})",
       {"empathy"}},
      {R"({"text":"That was our mistake, and I'll personally call you tomorrow to confirm it's fixed.","register":"speech","speaker":"agent"})",
       {"ownership"}},
      {R"({"text":"The internet has been working perfectly since the technician replaced the router.","register":"report","speaker":"author"})",
       {"resolved"}},
      {R"({"text":"If this isn't fixed by Monday I'm cancelling my account and switching to another bank.","register":"speech","speaker":"customer"})",
       {"churn_risk"}},
      // Hard negatives: polite firmness is not dismissive; a plain request is nothing.
      {R"({"text":"I am afraid the warranty does not cover water damage, but I can book the repair at a discount for you.","register":"speech","speaker":"agent"})",
       {}},
      {R"({"text":"Could you confirm the account number for me, please?","register":"speech","speaker":"agent"})",
       {}},
  };
  const auto input = temp_path("known.jsonl");
  {
    std::ofstream out(input);
    for (const auto& [line, labels] : cases) out << line << "\n";
  }
  const std::string output = run(std::string(CONDUCT_BINARY) + " classify " + input.string());
  std::filesystem::remove(input);
  std::vector<nlohmann::json> records;
  std::size_t begin = 0;
  while (begin < output.size()) {
    const std::size_t end = output.find('\n', begin);
    records.push_back(nlohmann::json::parse(output.substr(begin, end - begin)));
    begin = end + 1;
  }
  ASSERT_EQ(records.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(records[i]["labels"].get<std::vector<std::string>>(), cases[i].second)
        << cases[i].first;
    EXPECT_EQ(records[i]["scores"].size(), 10u);
  }
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
      run(std::string(CONDUCT_BINARY) +
          " explain --json --features 3 'The rep was reading from a script the whole call.'");
  const auto doc = nlohmann::json::parse(out);
  ASSERT_EQ(doc["sentences"].size(), 1u);
  const auto& model = doc["sentences"][0]["model"];
  ASSERT_EQ(model.size(), 1u);
  EXPECT_EQ(model[0]["source"], "model:scripted");
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

// tools/eval-notes on the untouched blind test notes (tests/data/blind-notes):
// the micro totals of one run.
nlohmann::json blind_test_micro(const std::string& flags) {
  const auto tool = testing::source_dir() / "tools/eval-notes";
  const auto notes = testing::source_dir() / "tests/data/blind-notes/test";
  const std::string out = run("python3 " + tool.string() + " --json --conduct " + CONDUCT_BINARY +
                              " --notes " + notes.string() + " " + flags);
  return nlohmann::json::parse(out)["micro"];
}

TEST(ShippedModel, AddsRecallOnBlindNotesWithoutCostingPrecision) {
  // The issue's bar for the model beside the rules (more recall, at most 0.05
  // less precision), on accounts that neither the rules nor the corpus were
  // written from.
  const auto rules = blind_test_micro("--no-model");
  const auto combined = blind_test_micro("");
  ASSERT_EQ(rules["expected"], 105);
  EXPECT_GT(combined["recall"].get<double>(), rules["recall"].get<double>());
  EXPECT_GE(combined["precision"].get<double>(), rules["precision"].get<double>() - 0.05);
}

}  // namespace
}  // namespace conduct

namespace conduct {
namespace {

// A finding that only two sentences read together show: the emails, then
// that none was answered. It quotes both sentences, and is gone when the
// model reads sentences one at a time.
TEST(ShippedModel, ReadsAdjacentSentencesOfNotesTogether) {
  const auto notes = temp_path("pair.txt");
  const std::string text =
      "I sent three emails to their support address over two weeks. Each one went unanswered.\n";
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
  EXPECT_GE(paired[0]["confidence"].get<double>(), 0.8);
  EXPECT_TRUE(findings("--no-model-pairs").empty());
  // explain shows the pair on its second sentence, with the pair's features.
  const auto doc = nlohmann::json::parse(
      run(std::string(CONDUCT_BINARY) + " explain --json --features 2 " + notes.string()));
  ASSERT_EQ(doc["sentences"].size(), 2u);
  // (The second sentence alone may pass the label's threshold too, below the
  // floor of a finding: explain lists it as well.)
  std::vector<nlohmann::json> pairs;
  for (const auto& line : doc["sentences"][1]["model"]) {
    if (line["with_previous"] == true) pairs.push_back(line);
  }
  ASSERT_EQ(pairs.size(), 1u) << doc["sentences"][1]["model"].dump();
  EXPECT_EQ(pairs[0]["source"], "model:unresponsive");
  EXPECT_EQ(pairs[0]["start"], 0);
  EXPECT_EQ(pairs[0]["features"].size(), 2u);
  std::filesystem::remove(notes);
}

}  // namespace
}  // namespace conduct
