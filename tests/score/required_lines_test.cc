// Required lines: the policy's [required.<name>] tables, and the check of a
// document's company-side speech against them.
#include "score/required_lines.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "normalize/normalizer.h"
#include "pipeline/analysis.h"
#include "read/reader.h"
#include "score/policy.h"
#include "test_support.h"

namespace conduct {
namespace {

Policy shipped() {
  auto policy = Policy::load(testing::source_dir() / "lexicons" / "policy.toml");
  EXPECT_TRUE(policy.ok());
  return std::move(policy).value();
}

constexpr const char* kQaPolicy = R"([categories.compliance]
sign = -1
points = -2
description = "a line the QA policy requires was not said"

[required.greeting]
phrases = ["thank you for calling", "thanks for calling"]
category = "compliance"
first_turns = 1

[required.closing]
phrases = ["anything else I can help you with"]
category = "compliance"
last_turns = 1
reason = "no closing"
)";

TEST(RequiredLines, ThePolicyReadsThemOverTheShippedOne) {
  const Policy base = shipped();
  EXPECT_TRUE(base.required.empty());
  auto policy = Policy::parse(kQaPolicy, "qa.toml", &base);
  ASSERT_TRUE(policy.ok()) << policy.error().where_message();
  ASSERT_EQ(policy.value().required.size(), 2u);
  const RequiredLine& closing = policy.value().required[0];  // in the order of their names
  EXPECT_EQ(closing.name, "closing");
  EXPECT_EQ(closing.last_turns, 1);
  EXPECT_EQ(closing.reason, "no closing");
  EXPECT_EQ(policy.value().names.name(closing.category), "compliance");
  EXPECT_EQ(policy.value().required[1].first_turns, 1);
  EXPECT_EQ(policy.value().required[1].phrases.size(), 2u);
  // A second file replaces a line of the same name.
  auto over = Policy::parse("[required.greeting]\nphrases = [\"hello\"]\ncategory = \"scripted\"\n",
                            "more.toml", &policy.value());
  ASSERT_TRUE(over.ok());
  ASSERT_EQ(over.value().required.size(), 2u);
  EXPECT_EQ(over.value().required[1].phrases, std::vector<std::string>{"hello"});
}

TEST(RequiredLines, BrokenTablesNameTheirLine) {
  const Policy base = shipped();
  struct Case {
    std::string text;
    std::size_t line;
    std::string words;
  };
  const std::vector<Case> cases = {
      {"[required.greeting]\ncategory = \"scripted\"\n", 1,
       "phrases of required line 'greeting' are missing"},
      {"[required.greeting]\nphrases = [\"hi\"]\n", 1,
       "category of required line 'greeting' is missing"},
      {"[required.greeting]\nphrases = [\"hi\"]\ncategory = \"rudeness\"\n", 3,
       "must name a category"},
      {"[required.greeting]\nphrases = [\"  \"]\ncategory = \"scripted\"\n", 2,
       "must be strings of words"},
      {"[required.greeting]\nphrases = [\"hi\"]\ncategory = \"scripted\"\nfirst_turns = 0\n", 4,
       "first_turns of required line 'greeting' must be an integer in 1..1000"},
      {"[required.greeting]\nphrases = [\"hi\"]\ncategory = \"scripted\"\nfirst_turns = 1\n"
       "last_turns = 1\n",
       1, "first_turns or last_turns, not both"},
      {"[required.greeting]\nphrases = [\"hi\"]\ncategory = \"scripted\"\nwhen = 1\n", 4,
       "unknown key 'when'"},
  };
  for (const Case& c : cases) {
    auto policy = Policy::parse(c.text, "qa.toml", &base);
    ASSERT_FALSE(policy.ok()) << c.text;
    EXPECT_EQ(policy.error().code, ErrorCode::invalid_policy);
    EXPECT_EQ(policy.error().line, c.line) << c.text;
    EXPECT_NE(policy.error().message.find(c.words), std::string::npos) << policy.error().message;
  }
}

std::vector<RequiredLineCheck> check(const std::string& transcript, Analysis& analysis) {
  const Policy base = shipped();
  auto policy = Policy::parse(kQaPolicy, "qa.toml", &base);
  EXPECT_TRUE(policy.ok());
  auto checker = RequiredLineChecker::compile(policy.value().required);
  EXPECT_TRUE(checker.ok());
  auto document = read_document("call.txt", transcript, Format::text, {});
  EXPECT_TRUE(document.ok());
  analysis = segment_document(std::move(document).value());
  return checker.value().check(analysis.sentences, analysis.document);
}

TEST(RequiredLines, SaidInTheWindowMissingOutsideIt) {
  Analysis analysis;
  const auto checks = check(
      "Agent: Hello. Thanks for calling Acme!\n"
      "Customer: My bill is wrong.\n"
      "Agent: Is there anything else I can help you with?\n"
      "Customer: No.\n"
      "Agent: Bye now.\n",
      analysis);
  ASSERT_EQ(checks.size(), 2u);
  // closing: said in the agent's second-to-last turn, outside last_turns = 1.
  EXPECT_FALSE(checks[0].said);
  EXPECT_EQ(analysis.sentences[checks[0].sentence].text, "Bye now.");
  // greeting: said in the first agent turn, in its second sentence.
  EXPECT_TRUE(checks[1].said);
  EXPECT_EQ(analysis.sentences[checks[1].sentence].text, "Thanks for calling Acme!");
  const std::string_view normalized = analysis.sentences[checks[1].sentence].normalized_text;
  EXPECT_EQ(normalized.substr(checks[1].normalized.begin, checks[1].normalized.size()),
            "thanks for calling");
}

TEST(RequiredLines, NothingToJudgeWithoutTheCompanySpeaking) {
  Analysis analysis;
  EXPECT_TRUE(check("Customer: Hello?\nCustomer: Anyone there?\n", analysis).empty());
}

}  // namespace
}  // namespace conduct
