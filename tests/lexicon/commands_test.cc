// `conduct lexicon check` and `conduct explain`, run as the binary.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "lexicon_fixtures.h"
#include "test_support.h"

namespace conduct {
namespace {

struct CommandRun {
  int status = -1;
  std::string out;  // stdout and stderr
};

// Runs the conduct binary with shell-quoted arguments.
CommandRun run(const std::string& arguments) {
  CommandRun result;
  const std::string command = std::string(CONDUCT_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int raw = pclose(pipe);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return result;
}

using testing::lexicon_fixture;

TEST(LexiconCommandTest, CleanDirExitsZeroWithSummary) {
  const CommandRun result = run("lexicon check " + lexicon_fixture("good"));
  EXPECT_EQ(result.status, 0);
  EXPECT_EQ(result.out, "3 rules in 2 files, 0 errors, 0 warnings\n");
}

TEST(LexiconCommandTest, ErrorsExitTwoWithFileLine) {
  const CommandRun result = run("lexicon check " + lexicon_fixture("unknown_category"));
  EXPECT_EQ(result.status, 2);
  const std::string file = lexicon_fixture("unknown_category/cat.toml");
  EXPECT_EQ(result.out, file + ":4: warning: rule 'cat.rude' has no 'no_match' example\n" + file +
                            ":6: error: unknown category 'rudeness' (known: scripted, "
                            "unprofessional, dismissive, unresponsive, broken_promise, runaround, "
                            "empathy, ownership, resolved, churn_risk; declare your own in the "
                            "policy)\n"
                            "1 rules in 1 files, 1 errors, 1 warnings\n");
}

TEST(LexiconCommandTest, WarningsAloneExitZero) {
  const CommandRun result = run("lexicon check " + lexicon_fixture("shadowed"));
  EXPECT_EQ(result.status, 0);
  EXPECT_NE(result.out.find(":12: warning: rule 'shadow.narrow' is shadowed"), std::string::npos)
      << result.out;
  EXPECT_NE(result.out.find("2 rules in 1 files, 0 errors, 1 warnings\n"), std::string::npos);
}

TEST(ExplainCommandTest, JsonNamesRulesSpansAndGuards) {
  const CommandRun result =
      run("explain 'He said \"not my department.\" The rep never hung up on me.' "
          "--json --lexicons " +
          lexicon_fixture("good"));
  ASSERT_EQ(result.status, 0) << result.out;
  const auto doc = nlohmann::json::parse(result.out);
  ASSERT_EQ(doc["sentences"].size(), 2u);
  const auto& first = doc["sentences"][0];
  EXPECT_EQ(first["register"], "report");
  ASSERT_EQ(first["rules"].size(), 1u);
  EXPECT_EQ(first["rules"][0]["id"], "test.not_my_problem");
  EXPECT_EQ(first["rules"][0]["about"], "agent");
  EXPECT_EQ(first["rules"][0]["text"], "not my department");
  EXPECT_EQ(first["rules"][0]["start"], 9);
  EXPECT_EQ(first["rules"][0]["end"], 26);
  EXPECT_TRUE(first["rules"][0]["suppressed_by"].is_null());
  const auto& second = doc["sentences"][1];
  ASSERT_EQ(second["rules"].size(), 1u);
  EXPECT_EQ(second["rules"][0]["id"], "test.hung_up");
  EXPECT_EQ(second["rules"][0]["suppressed_by"], "negation");
  EXPECT_EQ(second["rules"][0]["start"], 43);
  EXPECT_EQ(second["rules"][0]["end"], 56);
}

TEST(ExplainCommandTest, BrokenLexiconExitsTwo) {
  const CommandRun result = run("explain 'anything' --lexicons " + lexicon_fixture("bad_regex"));
  EXPECT_EQ(result.status, 2);
  EXPECT_EQ(result.out, "conduct explain: " + lexicon_fixture("bad_regex/regex.toml") +
                            ":8: bad regular expression: missing ): (?:reading from a script\n");
}

}  // namespace
}  // namespace conduct
