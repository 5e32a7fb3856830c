#include <gtest/gtest.h>

#include <string>

#include "lexicon/lexicon.h"
#include "lexicon/phrase.h"

namespace conduct {
namespace {

constexpr std::uint8_t kAgent = static_cast<std::uint8_t>(Speaker::agent);
constexpr std::uint8_t kCustomer = static_cast<std::uint8_t>(Speaker::customer);
constexpr std::uint8_t kAuthor = static_cast<std::uint8_t>(Speaker::author);

Rule make_rule(std::string id, std::vector<std::string> phrases, std::uint8_t speakers,
               std::uint8_t registers, std::vector<Guard> guards = {}) {
  Rule rule;
  rule.id = std::move(id);
  rule.category = Category::unprofessional;
  rule.pattern = compile_phrases(phrases, {}, nullptr);
  rule.speakers = speakers;
  rule.registers = registers;
  rule.guards = std::move(guards);
  rule.confidence = 0.5;
  return rule;
}

Lexicon build(std::vector<Rule> rules) {
  auto lexicon = Lexicon::from_rules(std::move(rules));
  EXPECT_TRUE(lexicon.ok()) << (lexicon.ok() ? "" : lexicon.error().where_message());
  return std::move(lexicon).value();
}

constexpr MatchContext kNotes{Register::report, Role::customer};
constexpr MatchContext kAgentTurn{Register::speech, Role::agent};
constexpr MatchContext kCustomerTurn{Register::speech, Role::customer};
constexpr MatchContext kUnknownTurn{Register::speech, Role::unknown};

// "id@begin-end[about]{guard}" per hit: exact, readable expectations.
std::vector<std::string> describe(const Lexicon& lexicon, std::string_view sentence,
                                  MatchContext context, bool include_suppressed = true) {
  std::vector<RuleHit> hits;
  lexicon.match(sentence, context, hits, include_suppressed);
  std::vector<std::string> out;
  for (const auto& hit : hits) {
    // Appends, not operator+: GCC 12 misreports the temporaries under -Wrestrict.
    std::string line = hit.rule->id;
    line.append("@").append(std::to_string(hit.span.begin)).append("-");
    line.append(std::to_string(hit.span.end)).append("[").append(to_string(hit.about)).append("]");
    if (!hit.suppressed_by.empty()) line.append("{").append(hit.suppressed_by).append("}");
    out.push_back(line);
  }
  return out;
}

using Hits = std::vector<std::string>;

TEST(MatcherTest, NegationGuardWithExactSpans) {
  const Lexicon lexicon =
      build({make_rule("rude", {"rude"}, kAuthor, kReportBit, {Guard::negation})});
  EXPECT_EQ(describe(lexicon, "he was rude.", kNotes), Hits{"rude@7-11[customer]"});
  EXPECT_EQ(describe(lexicon, "he was not rude.", kNotes), Hits{"rude@11-15[customer]{negation}"});
  EXPECT_EQ(describe(lexicon, "never rude.", kNotes), Hits{"rude@6-10[customer]{negation}"});
  EXPECT_EQ(describe(lexicon, "he wasn't rude at all.", kNotes),
            Hits{"rude@10-14[customer]{negation}"});
  EXPECT_EQ(describe(lexicon, "no one was rude.", kNotes), Hits{"rude@11-15[customer]"});
  // Suppressed hits are left out unless asked for.
  EXPECT_EQ(describe(lexicon, "he was not rude.", kNotes, false), Hits{});
}

TEST(MatcherTest, EveryOccurrenceIsReported) {
  const Lexicon lexicon = build({make_rule("calm", {"calm down"}, kAgent, kSpeechBit)});
  EXPECT_EQ(describe(lexicon, "calm down, calm  down!", kAgentTurn),
            (Hits{"calm@0-9[agent]", "calm@11-21[agent]"}));
}

TEST(MatcherTest, QuotedAndUnquotedGuards) {
  const Lexicon lexicon = build({
      make_rule("own_words", {"hung up on me"}, kAuthor, kReportBit, {Guard::unquoted}),
      make_rule("quoted_only", {"calm down"}, kAgent, kSpeechBit, {Guard::quoted}),
  });
  EXPECT_EQ(describe(lexicon, "the rep hung up on me.", kNotes), Hits{"own_words@8-21[customer]"});
  EXPECT_EQ(describe(lexicon, "she wrote \"hung up on me\" in the log.", kNotes),
            Hits{"own_words@11-24[customer]{unquoted}"});
  EXPECT_EQ(describe(lexicon, "calm down.", kAgentTurn), Hits{"quoted_only@0-9[agent]{quoted}"});
  EXPECT_EQ(describe(lexicon, "he said \"calm down\".", kNotes), Hits{"quoted_only@9-18[agent]"});
}

TEST(MatcherTest, QuestionAndConditionalGuards) {
  const Lexicon lexicon = build({
      make_rule("policy", {"our policy"}, kAgent, kSpeechBit, {Guard::not_question}),
      make_rule("cancel", {"cancel"}, kCustomer, kSpeechBit, {Guard::not_conditional}),
  });
  EXPECT_EQ(describe(lexicon, "that is our policy.", kAgentTurn), Hits{"policy@8-18[agent]"});
  EXPECT_EQ(describe(lexicon, "is that our policy?", kAgentTurn),
            Hits{"policy@8-18[agent]{not_question}"});
  EXPECT_EQ(describe(lexicon, "i will cancel today.", kCustomerTurn),
            Hits{"cancel@7-13[customer]"});
  EXPECT_EQ(describe(lexicon, "if they don't call back i will cancel.", kCustomerTurn),
            Hits{"cancel@31-37[customer]{not_conditional}"});
}

TEST(MatcherTest, ReportedAgentSpeechInNotesQuotes) {
  const Lexicon lexicon =
      build({make_rule("not_my_problem", {"that's not my problem"}, kAgent, kSpeechBit)});
  // Quoted words in notes are the agent's, reported by the author.
  EXPECT_EQ(describe(lexicon, "he said \"that's not my problem\" and left.", kNotes),
            Hits{"not_my_problem@9-30[agent]"});
  // The author's own words are not agent speech.
  EXPECT_EQ(describe(lexicon, "i thought that's not my problem.", kNotes), Hits{});
}

TEST(MatcherTest, ReportedAgentSpeechAfterAFrameInACustomerTurn) {
  const Lexicon lexicon = build({make_rule("calm", {"calm down"}, kAgent, kSpeechBit)});
  EXPECT_EQ(describe(lexicon, "you told me to calm down!", kCustomerTurn),
            Hits{"calm@15-24[agent]"});
  EXPECT_EQ(describe(lexicon, "the last rep said calm down.", kCustomerTurn),
            Hits{"calm@18-27[agent]"});
  EXPECT_EQ(describe(lexicon, "i'm calm.", kCustomerTurn), Hits{});
  // The customer saying the phrase without a frame is not the agent's speech.
  EXPECT_EQ(describe(lexicon, "i need to calm down.", kCustomerTurn), Hits{});
  // "but" returns to the customer's own words.
  EXPECT_EQ(describe(lexicon, "you said hi but i had to calm down.", kCustomerTurn), Hits{});
}

TEST(MatcherTest, RegisterAndSpeakerRouting) {
  const Lexicon lexicon = build({
      make_rule("agent_speech", {"not my department"}, kAgent, kSpeechBit),
      make_rule("customer_speech", {"cancel my account"}, kCustomer, kSpeechBit),
      make_rule("narration", {"never called back"}, kAuthor | kCustomer, kReportBit),
  });
  const std::string_view agent_words = "that is not my department.";
  EXPECT_EQ(describe(lexicon, agent_words, kAgentTurn), Hits{"agent_speech@8-25[agent]"});
  EXPECT_EQ(describe(lexicon, agent_words, kUnknownTurn), Hits{"agent_speech@8-25[agent]"});
  EXPECT_EQ(describe(lexicon, agent_words, kCustomerTurn), Hits{});
  EXPECT_EQ(describe(lexicon, agent_words, kNotes), Hits{});

  const std::string_view customer_words = "please cancel my account.";
  EXPECT_EQ(describe(lexicon, customer_words, kCustomerTurn),
            Hits{"customer_speech@7-24[customer]"});
  EXPECT_EQ(describe(lexicon, customer_words, kUnknownTurn), Hits{"customer_speech@7-24[unknown]"});
  EXPECT_EQ(describe(lexicon, customer_words, kAgentTurn), Hits{});
  EXPECT_EQ(describe(lexicon, customer_words, kNotes), Hits{});

  const std::string_view narration = "they never called back.";
  EXPECT_EQ(describe(lexicon, narration, kNotes), Hits{"narration@5-22[customer]"});
  EXPECT_EQ(describe(lexicon, narration, kCustomerTurn), Hits{"narration@5-22[customer]"});
  EXPECT_EQ(describe(lexicon, narration, kAgentTurn), Hits{});
}

TEST(MatcherTest, FromRulesRefusesDuplicateIdsAndBadPatterns) {
  Rule bad = make_rule("bad", {"x"}, kAgent, kSpeechBit);
  bad.pattern = "(unclosed";
  bad.file = "in_code.toml";
  bad.line = 7;
  auto result = Lexicon::from_rules({bad});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().where_message(),
            "in_code.toml:7: rule 'bad': bad regular expression: missing ): (unclosed");

  Rule first = make_rule("same", {"a"}, kAgent, kSpeechBit);
  first.file = "a.toml";
  first.line = 3;
  Rule second = make_rule("same", {"b"}, kAgent, kSpeechBit);
  second.file = "b.toml";
  second.line = 9;
  result = Lexicon::from_rules({first, second});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().where_message(),
            "b.toml:9: duplicate rule id 'same' (first defined at a.toml:3)");
}

TEST(MatcherTest, VersionNamesTheRules) {
  const Lexicon one = build({make_rule("a", {"alpha"}, kAgent, kSpeechBit)});
  const Lexicon same = build({make_rule("a", {"alpha"}, kAgent, kSpeechBit)});
  const Lexicon other = build({make_rule("a", {"beta"}, kAgent, kSpeechBit)});
  ASSERT_EQ(one.version().size(), 12u);
  EXPECT_EQ(one.version().substr(0, 4), "lex-");
  EXPECT_EQ(one.version().find_first_not_of("0123456789abcdef", 4), std::string::npos);
  EXPECT_EQ(one.version(), same.version());
  EXPECT_NE(one.version(), other.version());
}

TEST(MatcherTest, ManyRulesStillFindTheirOwnSpans) {
  std::vector<Rule> rules;
  for (int i = 0; i < 2000; ++i) {
    const std::string number = std::to_string(i);
    std::string id = "r";
    std::string phrase = "word";
    phrase.append(number).append(" tail");
    rules.push_back(make_rule(id.append(number), {phrase}, kAgent, kSpeechBit));
  }
  const Lexicon lexicon = build(std::move(rules));
  EXPECT_EQ(describe(lexicon, "say word1234 tail and word7 tail", kAgentTurn),
            (Hits{"r7@22-32[agent]", "r1234@4-17[agent]"}));
}

}  // namespace
}  // namespace conduct
