// The work of follow-up rules across turns grows linearly with one long
// turn: the first parts waiting for a later turn are not looked at by each
// sentence of their own turn (a structural bound, not a timing).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "lexicon/rule_findings.h"
#include "lexicon_fixtures.h"
#include "pipeline/analysis.h"

namespace conduct {
namespace {

using testing::lexicon_fixtures;

Turn turn_of(std::string speaker, Role role, std::string text, std::size_t start) {
  Turn turn;
  turn.speaker = std::move(speaker);
  turn.role = role;
  turn.start = start;
  turn.end = start + text.size();
  turn.text = std::move(text);
  return turn;
}

TEST(FollowUpWork, SentencesOfOneLongTurnDoNotEachLookAtEveryWaitingPart) {
  auto lexicon = Lexicon::load(lexicon_fixtures() / "across_turns");
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().where_message();
  constexpr std::size_t kAsks = 400;
  std::string asks;
  for (std::size_t i = 0; i < kAsks; ++i) asks += "I want to speak to a supervisor. ";
  Document document;
  document.format = Format::text;
  document.turns.push_back(turn_of("Customer", Role::customer, asks, 0));
  document.turns.push_back(
      turn_of("Agent", Role::agent, "There is nobody available.", asks.size() + 1));
  const Analysis analysis = segment_document(std::move(document));
  ASSERT_EQ(analysis.sentences.size(), kAsks + 1);

  RuleFindings rule_findings(lexicon.value(), analysis.document);
  std::vector<Finding> findings;
  std::vector<RuleHit> hits;
  std::vector<CategoryHit> category_hits;
  std::size_t most_looked_at = 0;
  for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
    const Turn& turn = analysis.document.turns[analysis.sentences[s].turn];
    hits.clear();
    lexicon.value().match(analysis.sentences[s].normalized_text, {turn.reg, turn.role}, hits, true);
    rule_findings.add_sentence(analysis.sentences, s, turn.speaker, hits, findings, category_hits,
                               nullptr);
    if (s + 1 < kAsks) most_looked_at = std::max(most_looked_at, rule_findings.waiting_looked_at());
  }
  rule_findings.finish(analysis.sentences, findings, nullptr);
  // Within the customer's turn only the part of the sentence just read waits
  // in view; the others are set aside until the agent's turn.
  EXPECT_LE(most_looked_at, 1u);
  // And every ask is still settled: the agent never transferred, so each is
  // a finding, in sentence order.
  ASSERT_EQ(findings.size(), kAsks);
  for (std::size_t i = 0; i < kAsks; ++i) {
    EXPECT_EQ(findings[i].sentence, i);
    EXPECT_EQ(findings[i].sources, std::vector<std::string>{"rule:escalation.not_transferred"});
  }
}

}  // namespace
}  // namespace conduct
