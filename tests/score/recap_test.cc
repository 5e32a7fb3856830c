#include "score/recap.h"

#include <gtest/gtest.h>

#include "sentence_fixture.h"
#include "test_support.h"

namespace conduct {
namespace {

using testing::NotesFixture;

std::vector<std::size_t> recap_indices(const NotesFixture& notes) {
  const auto recap = RecapMarker().mark(notes.sentences);
  EXPECT_EQ(recap.size(), notes.sentences.size());
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < recap.size(); ++i) {
    if (recap[i]) out.push_back(i);
  }
  return out;
}

TEST(RecapTest, SeedRoundThreeParagraphIsRecap) {
  CONDUCT_REQUIRE_SHARED();
  const NotesFixture notes(
      testing::read_file(testing::shared_dir() / "samples" / "notes" / "round-four.txt"));
  const std::size_t round_three = notes.find("Round three ended");
  const std::size_t prior_article = notes.find("prior article");
  ASSERT_LT(round_three, notes.sentences.size());
  ASSERT_LT(prior_article, notes.sentences.size());
  // The pointer to the prior article, and the round-three paragraph: its
  // opening sentence and the two that continue it (the scripted escalation and
  // the performance that followed).
  EXPECT_EQ(recap_indices(notes), (std::vector<std::size_t>{prior_article, round_three,
                                                            round_three + 1, round_three + 2}));
  EXPECT_NE(notes.sentences[round_three + 1].text.find("script"), std::string_view::npos);
  // This round's voice mail and the unanswered days are not recaps.
  const auto recap = RecapMarker().mark(notes.sentences);
  EXPECT_FALSE(recap[notes.find("voice mail.")]);
  EXPECT_FALSE(recap[notes.find("After three days")]);
  EXPECT_FALSE(recap[notes.find("(see round three)")]);
}

TEST(RecapTest, CarryEndsAtThePresentAndAtTheParagraph) {
  const NotesFixture notes(
      "In my last post the clerk lost my forms. She blamed me for it. Now the manager is "
      "involved. He was helpful.\n\nShe was rude again.");
  EXPECT_EQ(recap_indices(notes), (std::vector<std::size_t>{0, 1}));
}

TEST(RecapTest, ParagraphEndsTheCarry) {
  const NotesFixture notes(
      "As I described last time, nobody called.\nThey hung up.\n\nThey hung up.");
  EXPECT_EQ(recap_indices(notes), (std::vector<std::size_t>{0, 1}));
}

TEST(RecapTest, TriggersAndNonTriggers) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"Previously, they promised a credit.", true},
      {"Last time I called they hung up.", true},
      {"See the prior article for the details.", true},
      {"The agent hung up on me (see round two).", true},
      {"During round two the agent was rude.", true},
      {"To recap: three calls, no refund.", true},
      {"After my call with Bob (see round two) I phoned the store.", false},
      {"Stay tuned for round five.", false},
      {"This is the third article in the series.", false},
      {"They have done well in the past.", false},
  };
  for (const auto& [text, expected] : cases) {
    const NotesFixture notes(text);
    ASSERT_EQ(notes.sentences.size(), 1u) << text;
    EXPECT_EQ(RecapMarker().mark(notes.sentences)[0], expected) << text;
  }
  EXPECT_TRUE(RecapMarker().mark({}).empty());
}

TEST(RecapTest, ListsFromTheFolderReplaceTheBuiltInWords) {
  // A French-speaking team's words for "previously" and "now"; the lists it
  // does not name keep their built-in words.
  PhraseLists lists;
  lists.words["recap_instalments"] = {"episode", "épisode"};
  lists.words["recap_present"] = {"maintenant"};
  const auto marker = RecapMarker::from_lists(lists);
  ASSERT_TRUE(marker.ok()) << marker.error().message;
  const NotesFixture notes(
      "In my last épisode the clerk lost my forms. She blamed me. Maintenant they call daily.");
  const auto recap = marker.value().mark(notes.sentences);
  EXPECT_EQ(recap, (std::vector<bool>{true, true, false}));
  // "post" is no longer an instalment with these words.
  EXPECT_FALSE(marker.value().mark(NotesFixture("In my last post they lied.").sentences)[0]);
  EXPECT_EQ(recap_lists(lists).words.at("recap_earlier"), recap_lists().words.at("recap_earlier"));
}

TEST(RecapTest, AnEmptyListIsAnError) {
  PhraseLists lists;
  lists.words["recap_present"] = {};
  const auto marker = RecapMarker::from_lists(lists);
  ASSERT_FALSE(marker.ok());
  EXPECT_EQ(marker.error().code, ErrorCode::lexicon_bad_pattern);
  EXPECT_NE(marker.error().message.find("recap_present"), std::string::npos)
      << marker.error().message;
}

}  // namespace
}  // namespace conduct
