// Follow-up rules (Rule::then): a first part that counts only when a later
// sentence of the same turn confirms it, as the pipeline, the checker and the
// rule-file parser treat them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lexicon/lexicon.h"
#include "lexicon_fixtures.h"
#include "pipeline/analyzer.h"
#include "read/reader.h"

namespace conduct {
namespace {

using testing::lexicon_fixture;
using testing::lexicon_fixtures;

struct Seen {
  std::string category;
  std::string evidence;
  std::size_t sentence;
  std::vector<std::string> sources;
};

// The findings of call notes `text` under the follow_up fixture, rules only.
std::vector<Seen> findings_of(const std::string& text) {
  ResourcePaths paths;
  paths.lexicons = lexicon_fixtures() / "follow_up";
  paths.use_model = false;
  auto resources = Analyzer::load(paths);
  EXPECT_TRUE(resources.ok()) << resources.error().where_message();
  auto document = read_document("notes.txt", text, Format::notes, ReadOptions{});
  EXPECT_TRUE(document.ok());
  std::vector<Seen> seen;
  for (const Finding& f : resources.value().analyze(std::move(document).value()).findings) {
    EXPECT_EQ(text.substr(f.evidence.start, f.evidence.end - f.evidence.start), f.evidence.text);
    seen.push_back({std::string(to_string(f.category)), f.evidence.text, f.sentence, f.sources});
  }
  return seen;
}

TEST(FollowUpRules, APromiseConfirmedWithinReachQuotesThePromise) {
  const auto seen = findings_of("She said she'd ring by five. I waited in. Nobody rang.\n");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].category, "broken_promise");
  EXPECT_EQ(seen[0].evidence, "said she'd ring");
  EXPECT_EQ(seen[0].sentence, 0u);
  EXPECT_EQ(seen[0].sources, std::vector<std::string>{"rule:promise.then_silence"});
}

TEST(FollowUpRules, NothingWithoutTheFollowUpOrPastReach) {
  EXPECT_TRUE(findings_of("She said she'd ring by five. I waited in.\n").empty());
  // within = 2: the third sentence after is out of reach.
  EXPECT_TRUE(
      findings_of("She said she'd ring by five. I waited. And waited. Nobody rang.\n").empty());
  // The follow-up told before the promise confirms nothing.
  EXPECT_TRUE(findings_of("Nobody rang. She said she'd ring by five.\n").empty());
}

TEST(FollowUpRules, AConditionalFollowUpConfirmsNothing) {
  EXPECT_TRUE(findings_of("She said she'd ring by five. If nobody rang, I'd cancel.\n").empty());
}

TEST(FollowUpRules, GoodConductBetweenTurnsItTheOtherWay) {
  const auto seen =
      findings_of("She said she'd ring by five. She rang back as promised. Nobody rang twice.\n");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].category, "ownership");
}

TEST(FollowUpRules, AFollowUpThatIsAlreadyAFindingIsOneIncident) {
  const auto seen = findings_of("She said she'd ring by five. Five came and went, nobody rang.\n");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].evidence, "came and went");
  EXPECT_EQ(seen[0].sentence, 1u);
}

TEST(FollowUpRules, FoldsIntoAFindingOfItsCategoryOnThePromise) {
  const auto seen =
      findings_of("She said she'd ring, and Friday came and went. Then nobody rang at all.\n");
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].sentence, 0u);
  EXPECT_EQ(seen[0].sources,
            (std::vector<std::string>{"rule:promise.came_and_went", "rule:promise.then_silence"}));
}

TEST(FollowUpRules, CheckRunsExamplesAcrossSentences) {
  EXPECT_TRUE(check_lexicons(lexicon_fixtures() / "follow_up").empty());
}

TEST(FollowUpRules, BadThenAndWithinAreFileLineErrors) {
  std::vector<std::string> messages;
  for (const auto& message : check_lexicons(lexicon_fixtures() / "bad_follow_up")) {
    if (!message.is_warning) messages.push_back(message.error.where_message());
  }
  const std::string file = lexicon_fixture("bad_follow_up/bad.toml");
  ASSERT_EQ(messages.size(), 3u) << ::testing::PrintToString(messages);
  EXPECT_EQ(messages[0], file + ":9: 'within' must be a whole number of sentences from 1 to 5");
  EXPECT_EQ(messages[1], file + ":17: 'within' needs 'then' (it counts sentences after a match)");
  EXPECT_EQ(messages[2].rfind(file + ":25: bad regular expression in 'then': missing )", 0), 0u)
      << messages[2];
}

}  // namespace
}  // namespace conduct
