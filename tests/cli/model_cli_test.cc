// `conduct model info`, and the shipped model's check that it was trained
// with the lexicons beside it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_command.h"
#include "test_support.h"

namespace conduct {
namespace {

namespace fs = std::filesystem;
using testing::run_conduct;
using testing::run_shell;
using testing::shell_quote;

TEST(ModelCli, InfoPrintsTheHeaderItChecks) {
  const auto result = run_conduct({"model", "info", "--json"});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const auto info = nlohmann::json::parse(result.out);
  EXPECT_EQ(info["format_version"], 2);
  EXPECT_EQ(info["featurizer_version"], 1);
  EXPECT_EQ(info["labels"].size(), 10u);
  EXPECT_EQ(info["self_tests"].size(), 3u);
  EXPECT_TRUE(info["lexicon_version"].get<std::string>().rfind("lex-", 0) == 0);
  // The shipped model was trained with the shipped lexicons.
  const auto explain = nlohmann::json::parse(run_conduct({"explain", "--json", "x"}).out);
  EXPECT_EQ(info["lexicon_version"], explain["lexicons"]);

  const auto missing = run_conduct({"model", "info", "/nonexistent/model.cndm"});
  EXPECT_EQ(missing.exit_status, 2);
  EXPECT_NE(missing.err.find("cannot open"), std::string::npos) << missing.err;
}

// Edit the lexicons beside the shipped model without retraining it: every
// command that loads both refuses, naming both versions; with --lexicons
// the user chose, and it runs.
TEST(ModelCli, ShippedModelRefusesLexiconsItWasNotTrainedWith) {
  const fs::path home = testing::unique_temp_path("home");
  fs::create_directories(home);
  fs::copy(testing::source_dir() / "lexicons", home / "lexicons", fs::copy_options::recursive);
  fs::copy(testing::source_dir() / "models", home / "models", fs::copy_options::recursive);
  std::ofstream(home / "lexicons" / "zz_extra.toml")
      << "[lexicon]\ntheme = \"extra\"\n\n[[rule]]\nid = \"extra.rule\"\ncategory = \"scripted\"\n"
         "phrases = [\"a phrase nobody says\"]\nconfidence = 0.9\n"
         "match = [\"a phrase nobody says\"]\nno_match = [\"hello\"]\n";
  const std::string prefix = "CONDUCT_HOME=" + shell_quote(home.string()) + " " +
                             shell_quote(CONDUCT_BINARY) + " analyze ";
  const auto refused = run_shell(prefix + "-", "The rep hung up on me.\n");
  EXPECT_EQ(refused.exit_status, 2) << refused.out;
  EXPECT_NE(refused.err.find("was trained with lexicons lex-"), std::string::npos) << refused.err;
  const auto chosen =
      run_shell(prefix + "--lexicons " + shell_quote((home / "lexicons").string()) + " -",
                "The rep hung up on me.\n");
  EXPECT_EQ(chosen.exit_status, 0) << chosen.err;
  fs::remove_all(home);
}

}  // namespace
}  // namespace conduct
