// `conduct model info`, and the check that a model trained with lexicon hits
// as features was trained with the lexicons beside it.
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
  // The shipped model reads words and bigrams only, not the lexicons' hits:
  // editing the lexicons needs no retraining.
  EXPECT_EQ(info["lexicon_version"], "");
  EXPECT_TRUE(info["features"]["words"].get<bool>() && info["features"]["bigrams"].get<bool>());
  EXPECT_FALSE(info["features"]["lexicon"].get<bool>());

  const auto missing = run_conduct({"model", "info", "/nonexistent/model.cndm"});
  EXPECT_EQ(missing.exit_status, 2);
  EXPECT_NE(missing.err.find("cannot open"), std::string::npos) << missing.err;
}

// A model trained with lexicon hits as features, beside lexicons edited
// since: every command that loads both refuses, naming both versions; with
// --lexicons the user chose, and it runs. The shipped model, which reads no
// lexicon hits, runs beside the edited lexicons.
TEST(ModelCli, AModelOfLexiconHitsRefusesLexiconsItWasNotTrainedWith) {
  const fs::path home = testing::unique_temp_path("home");
  fs::create_directories(home / "models");
  fs::copy(testing::source_dir() / "lexicons", home / "lexicons", fs::copy_options::recursive);
  const fs::path data = home / "data.jsonl";
  std::ofstream(data) << R"({"text":"The rep hung up on me.","labels":["unprofessional"]})"
                         "\n"
                      << R"({"text":"The rep was lovely.","labels":[]})"
                         "\n"
                      << R"({"text":"Nobody ever called me back.","labels":["unresponsive"]})"
                         "\n"
                      << R"({"text":"We walked the dog.","labels":[]})"
                         "\n";
  const auto trained =
      run_conduct({"train", "--data", data.string(), "--out",
                   (home / "models" / "conduct.model").string(), "--features", "words,lexicon",
                   "--lexicons", (home / "lexicons").string(), "--validation", "0"});
  ASSERT_EQ(trained.exit_status, 0) << trained.err;
  const std::string prefix = "CONDUCT_HOME=" + shell_quote(home.string()) + " " +
                             shell_quote(CONDUCT_BINARY) + " analyze ";
  EXPECT_EQ(run_shell(prefix + "-", "The rep hung up on me.\n").exit_status, 0);

  std::ofstream(home / "lexicons" / "zz_extra.toml")
      << "[lexicon]\ntheme = \"extra\"\n\n[[rule]]\nid = \"extra.rule\"\ncategory = \"scripted\"\n"
         "phrases = [\"a phrase nobody says\"]\nconfidence = 0.9\n"
         "match = [\"a phrase nobody says\"]\nno_match = [\"hello\"]\n";
  const auto refused = run_shell(prefix + "-", "The rep hung up on me.\n");
  EXPECT_EQ(refused.exit_status, 2) << refused.out;
  EXPECT_NE(refused.err.find("was trained with lexicons lex-"), std::string::npos) << refused.err;
  const auto chosen =
      run_shell(prefix + "--lexicons " + shell_quote((home / "lexicons").string()) + " -",
                "The rep hung up on me.\n");
  EXPECT_EQ(chosen.exit_status, 0) << chosen.err;

  // The shipped model beside the same edited lexicons.
  fs::copy_file(testing::source_dir() / "models" / "conduct.model",
                home / "models" / "conduct.model", fs::copy_options::overwrite_existing);
  const auto shipped = run_shell(prefix + "-", "The rep hung up on me.\n");
  EXPECT_EQ(shipped.exit_status, 0) << shipped.err;
  fs::remove_all(home);
}

// The models are read while the lexicon loads: errors still come in the
// order of loading one by one, the lexicon's first, then each model's.
TEST(ModelCli, ErrorsOfLexiconAndModelsComeInLoadingOrder) {
  const fs::path home = testing::unique_temp_path("order");
  fs::create_directories(home / "lexicons");
  std::ofstream(home / "lexicons" / "broken.toml") << "[lexicon]\ntheme = \"x\"\n[[rule]\n";
  std::ofstream(home / "corrupt.model") << "not a model";
  const std::string lexicons = (home / "lexicons").string();
  const std::string corrupt = (home / "corrupt.model").string();

  const auto both = run_conduct({"analyze", "-", "--lexicons", lexicons, "--model", corrupt},
                                "{\"text\": \"hello\"}\n");
  EXPECT_EQ(both.exit_status, 2);
  EXPECT_NE(both.err.find("broken.toml:3"), std::string::npos) << both.err;
  EXPECT_EQ(both.err.find("corrupt.model"), std::string::npos) << both.err;

  const auto model = run_conduct({"analyze", "-", "--model", corrupt}, "{\"text\": \"hello\"}\n");
  EXPECT_EQ(model.exit_status, 2);
  EXPECT_NE(model.err.find("corrupt.model"), std::string::npos) << model.err;

  const auto sentiment =
      run_conduct({"analyze", "-", "--sentiment-model", corrupt}, "{\"text\": \"hello\"}\n");
  EXPECT_EQ(sentiment.exit_status, 2);
  EXPECT_NE(sentiment.err.find("corrupt.model"), std::string::npos) << sentiment.err;
  fs::remove_all(home);
}

}  // namespace
}  // namespace conduct
