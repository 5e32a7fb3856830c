#include <gtest/gtest.h>

#include <string>

#include "lexicon/lexicon.h"
#include "lexicon_fixtures.h"
#include "test_support.h"

namespace conduct {
namespace {

using testing::lexicon_fixture;
using testing::lexicon_fixtures;

// The where_message of the first error of Lexicon::load.
std::string load_error(const std::string& dir) {
  auto result = Lexicon::load(lexicon_fixtures() / dir);
  if (result.ok()) return "(loaded)";
  return result.error().where_message();
}

// Every message of check_lexicons, "file:line: error|warning: message".
std::vector<std::string> check(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& message : check_lexicons(lexicon_fixtures() / dir)) {
    std::string text = message.error.file + ":" + std::to_string(message.error.line) +
                       (message.is_warning ? ": warning: " : ": error: ") + message.error.message;
    out.push_back(text);
  }
  return out;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

TEST(LoadTest, LoadsEveryLexiconFileButThePolicy) {
  auto result = Lexicon::load(lexicon_fixtures() / "good");
  ASSERT_TRUE(result.ok()) << result.error().where_message();
  const auto& rules = result.value().rules();
  ASSERT_EQ(rules.size(), 3u);
  EXPECT_EQ(rules[0].id, "test.not_my_problem");
  EXPECT_EQ(rules[0].category, Category::dismissive);
  EXPECT_DOUBLE_EQ(rules[0].confidence, 0.9);
  EXPECT_EQ(rules[0].speakers, static_cast<std::uint8_t>(Speaker::agent));
  EXPECT_EQ(rules[0].registers, kSpeechBit);
  EXPECT_EQ(rules[0].reason, "refuses the problem");
  EXPECT_EQ(rules[0].file, lexicon_fixture("good/agent.toml"));
  EXPECT_EQ(rules[0].line, 5u);
  EXPECT_EQ(rules[0].match_lines, std::vector<std::size_t>{13});
  EXPECT_EQ(rules[1].guards, std::vector<Guard>{Guard::negation});
  EXPECT_EQ(rules[1].pattern, R"(\bcalm\s+down\b)");
  // A report rule without speakers is the author's or the customer's account.
  EXPECT_EQ(rules[2].id, "test.hung_up");
  EXPECT_EQ(rules[2].speakers, static_cast<std::uint8_t>(Speaker::author) |
                                   static_cast<std::uint8_t>(Speaker::customer));
  EXPECT_DOUBLE_EQ(rules[2].confidence, 1.0);
}

TEST(LoadTest, VersionIsStableAndFollowsTheFiles) {
  auto first = Lexicon::load(lexicon_fixtures() / "good");
  auto again = Lexicon::load(lexicon_fixtures() / "good");
  auto other = Lexicon::load(lexicon_fixtures() / "shadowed");
  ASSERT_TRUE(first.ok() && again.ok() && other.ok());
  EXPECT_EQ(first.value().version(), again.value().version());
  EXPECT_NE(first.value().version(), other.value().version());
  EXPECT_EQ(first.value().version().substr(0, 4), "lex-");
  EXPECT_EQ(first.value().version().size(), 12u);
}

TEST(LoadTest, GoodLexiconPassesTheCheck) {
  EXPECT_EQ(check("good"), std::vector<std::string>{});
  LexiconCounts counts;
  check_lexicons(lexicon_fixtures() / "good", &counts);
  EXPECT_EQ(counts.rules, 3u);
  EXPECT_EQ(counts.files, 2u);
}

TEST(LoadTest, BrokenTomlSyntax) {
  const std::string message = load_error("broken_syntax");
  EXPECT_TRUE(starts_with(message,
                          lexicon_fixture("broken_syntax/broken.toml") + ":8: TOML syntax error: "))
      << message;
}

TEST(LoadTest, SharedAndOwnListsAndTheirExamples) {
  auto lexicon = Lexicon::load(lexicon_fixtures() / "lists");
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().where_message();
  EXPECT_EQ(lexicon.value().rules().size(), 2u);
  EXPECT_TRUE(check("lists").empty()) << check("lists").front();
  // The shared lists file is part of the version: editing a list is editing the rules.
  EXPECT_NE(lexicon.value().version(),
            Lexicon::load(lexicon_fixtures() / "good").value().version());
}

TEST(LoadTest, UnknownListIsAnErrorAtItsLine) {
  EXPECT_EQ(load_error("unknown_list"), lexicon_fixture("unknown_list/rules.toml") +
                                            ":7: phrase \"thank you for {waiting}\": "
                                            "unknown list 'waiting'");
}

// near and not_near: context that must, or must not, stand within N words.
TEST(LoadTest, NearAndNotNearConditions) {
  auto lexicon = Lexicon::load(lexicon_fixtures() / "near");
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().where_message();
  EXPECT_TRUE(check("near").empty()) << check("near").front();
  const auto hits = [&](std::string_view sentence) {
    std::vector<RuleHit> out;
    lexicon.value().match(sentence, {Register::speech, Role::agent}, out, true);
    std::string why;
    for (const RuleHit& hit : out) why += hit.suppressed_by.empty() ? "counted" : hit.suppressed_by;
    return why;
  };
  EXPECT_EQ(hits("would you like the extended warranty today?"), "counted");
  EXPECT_EQ(hits("would you like to hear about our lovely new and improved upgrade"), "near");
  EXPECT_EQ(hits("the upgrade is free."), "near");
  EXPECT_EQ(hits("would you like a refund for the upgrade?"), "not_near");
  EXPECT_EQ(hits("would you like the upgrade? it is a great deal, and never needs any refund"),
            "counted");
}

// A named fragment that names a list, in a pattern.
TEST(LoadTest, PatternFragmentsMayNameLists) {
  auto lexicon = Lexicon::load(lexicon_fixtures() / "fragments");
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().where_message();
  EXPECT_EQ(lexicon.value().rules()[0].pattern, R"((?:the (?:agent|rep)) hung up)");
  EXPECT_TRUE(check("fragments").empty()) << check("fragments").front();
}

// The guards' words and the reporting frame come from lists.toml when it
// names them.
TEST(LoadTest, ClauseWordsAndReportingFrameFromTheListsFile) {
  auto lexicon = Lexicon::load(lexicon_fixtures() / "clause_words");
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().where_message();
  EXPECT_TRUE(check("clause_words").empty()) << check("clause_words").front();
  const auto about = [&](std::string_view sentence) {
    std::vector<RuleHit> hits;
    lexicon.value().match(sentence, {Register::report, Role::customer}, hits, true);
    std::string out;
    for (const RuleHit& hit : hits) {
      out += hit.rule->id + ":" + std::string(to_string(hit.about)) + ":" +
             (hit.suppressed_by.empty() ? "counted" : std::string(hit.suppressed_by)) + " ";
    }
    return out;
  };
  EXPECT_EQ(about("he was not rude."), "clause.rude:customer:counted ");
  EXPECT_EQ(about("he was nope rude."), "clause.rude:customer:negation ");
  EXPECT_EQ(about("supposing he was rude."), "clause.rude:customer:not_conditional ");
  // Reported agent speech after the folder's own frame only.
  EXPECT_EQ(about("the clerk muttered calm down."), "clause.calm_down:agent:counted ");
  EXPECT_EQ(about("the rep told me calm down."), "");
}

TEST(LoadTest, MissingId) {
  EXPECT_EQ(load_error("missing_id"),
            lexicon_fixture("missing_id/missing.toml") + ":11: rule without 'id'");
}

TEST(LoadTest, DuplicateIdAcrossFiles) {
  EXPECT_EQ(load_error("duplicate_id"), lexicon_fixture("duplicate_id/b.toml") +
                                            ":5: duplicate rule id 'dup.same' (first defined at " +
                                            lexicon_fixture("duplicate_id/a.toml") + ":4)");
  const auto messages = check("duplicate_id");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_TRUE(
      starts_with(messages[0], lexicon_fixture("duplicate_id/b.toml") + ":5: error: duplicate"));
}

TEST(LoadTest, UnknownCategory) {
  EXPECT_TRUE(starts_with(
      load_error("unknown_category"),
      lexicon_fixture("unknown_category/cat.toml") + ":6: unknown category 'rudeness'"));
}

TEST(LoadTest, BadRegex) {
  EXPECT_EQ(load_error("bad_regex"),
            lexicon_fixture("bad_regex/regex.toml") +
                ":8: bad regular expression: missing ): (?:reading from a script");
}

TEST(LoadTest, UnknownKey) {
  EXPECT_TRUE(starts_with(load_error("unknown_key"), lexicon_fixture("unknown_key/key.toml") +
                                                         ":9: unknown key 'speaker' in [[rule]]"));
}

TEST(LoadTest, ConfidenceOutOfRange) {
  EXPECT_EQ(load_error("confidence_range"), lexicon_fixture("confidence_range/conf.toml") +
                                                ":8: confidence 1.500000 is out of range (0, 1]");
}

TEST(LoadTest, FailingMatchExampleIsACheckError) {
  // Loading does not run examples; the check does, and names the example's line.
  EXPECT_EQ(load_error("failing_match"), "(loaded)");
  EXPECT_EQ(check("failing_match"),
            std::vector<std::string>{lexicon_fixture("failing_match/fail.toml") +
                                     ":12: error: rule 'fail.callback': match example does not "
                                     "fire: \"Nobody returned my call.\""});
}

TEST(LoadTest, FiringNoMatchExampleIsACheckError) {
  EXPECT_EQ(check("firing_no_match"),
            std::vector<std::string>{lexicon_fixture("firing_no_match/fires.toml") +
                                     ":12: error: rule 'fires.policy': no_match example fires: "
                                     "\"I read our policy twice.\""});
}

TEST(LoadTest, ShadowedRuleIsAWarning) {
  EXPECT_EQ(check("shadowed"),
            std::vector<std::string>{lexicon_fixture("shadowed/shadow.toml") +
                                     ":12: warning: rule 'shadow.narrow' is shadowed by "
                                     "'shadow.broad' (" +
                                     lexicon_fixture("shadowed/shadow.toml") +
                                     ":4): every match example also fires it"});
}

TEST(LoadTest, MissingDirIsOneError) {
  const auto messages = check_lexicons(lexicon_fixtures() / "no_such_dir");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_FALSE(messages[0].is_warning);
  EXPECT_TRUE(starts_with(messages[0].error.message, "cannot read lexicon dir"));
}

}  // namespace
}  // namespace conduct
