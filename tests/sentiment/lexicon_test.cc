// Loading the VADER lexicon and the overlay: the formats, every error, and the
// overlay's effect on scores.
#include "sentiment_test_support.h"

namespace conduct {
namespace {

using ::conduct::testing::compound_of;
using ::conduct::testing::source_dir;
using ::conduct::testing::write_temp_file;

SentimentLexicon load_ok(const std::string& content) {
  Result<SentimentLexicon> lexicon = SentimentLexicon::load(write_temp_file("lex.txt", content));
  EXPECT_TRUE(lexicon.ok()) << lexicon.error().where_message();
  return std::move(lexicon).value();
}

TEST(SentimentLexicon, LoadsVaderFormatLaterDuplicatesWin) {
  const SentimentLexicon lexicon =
      load_ok("good\t1.9\t0.5\t[1, 2]\n\nbad\t-2.5\r\ngood\t2.0\tx\n:)\t2.0\n");
  EXPECT_EQ(lexicon.size(), 3u);
  ASSERT_NE(lexicon.find("good"), nullptr);
  EXPECT_EQ(lexicon.find("good")->valence, 2.0);
  EXPECT_EQ(lexicon.find("bad")->valence, -2.5);
  EXPECT_TRUE(lexicon.find(":)")->in_lexicon);
  EXPECT_EQ(lexicon.find("absent"), nullptr);
  // The fixed lists are folded in without entering the lexicon.
  ASSERT_NE(lexicon.find("very"), nullptr);
  EXPECT_TRUE(lexicon.find("very")->is_booster);
  EXPECT_FALSE(lexicon.find("very")->in_lexicon);
  EXPECT_TRUE(lexicon.find("never")->is_negation);
}

TEST(SentimentLexicon, ThePinnedLexiconLoads) {
  Result<SentimentLexicon> lexicon = SentimentLexicon::load(source_dir() / kVaderLexiconFile);
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().where_message();
  EXPECT_EQ(lexicon.value().size(), 7503u);  // 7517 lines, some words listed twice
}

TEST(SentimentLexicon, BadLinesNameFileAndLine) {
  const auto path = write_temp_file("bad.txt", "good\t1.9\nbad -2.5\n");
  Result<SentimentLexicon> no_tab = SentimentLexicon::load(path);
  ASSERT_FALSE(no_tab.ok());
  EXPECT_EQ(no_tab.error().code, ErrorCode::bad_lexicon_line);
  EXPECT_EQ(no_tab.error().line, 2u);
  EXPECT_EQ(no_tab.error().file, path.string());

  Result<SentimentLexicon> not_a_number =
      SentimentLexicon::load(write_temp_file("nan.txt", "good\t1.9\n\nbad\tvery\n"));
  ASSERT_FALSE(not_a_number.ok());
  EXPECT_EQ(not_a_number.error().line, 3u);
  EXPECT_EQ(not_a_number.error().message, "the valence `very` is not a number");
  Result<SentimentLexicon> nan = SentimentLexicon::load(write_temp_file("nan2.txt", "good\tnan\n"));
  ASSERT_FALSE(nan.ok());
  EXPECT_EQ(nan.error().line, 1u);
}

TEST(SentimentLexicon, MissingFileSaysToRunSetup) {
  Result<SentimentLexicon> missing = SentimentLexicon::load("/nonexistent/vader_lexicon.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::lexicon_not_found);
  EXPECT_NE(missing.error().message.find("/nonexistent/vader_lexicon.txt"), std::string::npos);
  EXPECT_NE(missing.error().message.find("tools/setup"), std::string::npos);
}

struct OverlayCase {
  std::string content;
  std::size_t line;
  std::string message_part;
};

TEST(SentimentOverlay, EveryBrokenLineIsRefusedWithItsLine) {
  const std::vector<OverlayCase> cases = {
      {"# c\nrunaround -1.8\n", 2, "expected"},
      {"runaround\tlots\n", 1, "not a number"},
      {"\nrunaround\t-4.5\n", 2, "outside"},
      {"Runaround\t-1.8\n", 1, "cannot match"},
      {"on  hold\t-1\n", 1, "cannot match"},
      {"hold!\t-1\n", 1, "cannot match"},
      {"on hold\t-1\n# again\non hold\t-2\n", 3, "listed twice"},
      {"on hold\t-1\tbecause\n", 1, "comment"},
  };
  for (const OverlayCase& overlay_case : cases) {
    SentimentLexicon lexicon = load_ok("good\t1.9\n");
    const auto path = write_temp_file("overlay.txt", overlay_case.content);
    const std::optional<Error> error = lexicon.apply_overlay(path);
    ASSERT_TRUE(error.has_value()) << overlay_case.content;
    EXPECT_EQ(error->code, ErrorCode::bad_overlay_line) << overlay_case.content;
    EXPECT_EQ(error->line, overlay_case.line) << overlay_case.content;
    EXPECT_NE(error->message.find(overlay_case.message_part), std::string::npos) << error->message;
    EXPECT_EQ(lexicon.find("runaround"), nullptr) << "a refused overlay changes nothing";
    EXPECT_TRUE(lexicon.phrases().empty());
  }
  SentimentLexicon lexicon = load_ok("good\t1.9\n");
  const std::optional<Error> missing = lexicon.apply_overlay("/nonexistent/overlay.txt");
  ASSERT_TRUE(missing.has_value());
  EXPECT_EQ(missing->code, ErrorCode::overlay_not_found);
}

SentimentScorer scorer_with_overlay(const std::string& overlay) {
  Result<SentimentLexicon> lexicon =
      load_sentiment_lexicon(source_dir() / kVaderLexiconFile, write_temp_file("o.txt", overlay));
  EXPECT_TRUE(lexicon.ok()) << lexicon.error().where_message();
  return SentimentScorer(std::move(lexicon).value());
}

TEST(SentimentOverlay, WordsAndPhrasesChangeScoresOnlyWhenApplied) {
  const SentimentScorer& plain = ::conduct::testing::plain_scorer();
  const SentimentScorer overlaid = scorer_with_overlay(
      "# test\nrunaround\t-1.8\nunacceptable\t-2.5\t# stronger\non hold\t-1.0\n"
      "on hold forever\t-2.0\ncredit\t0\n");
  EXPECT_EQ(plain.score("They gave me the runaround").compound, 0.0);
  EXPECT_DOUBLE_EQ(overlaid.score("They gave me the runaround").compound, compound_of(-1.8));
  EXPECT_DOUBLE_EQ(plain.score("That is unacceptable").compound, compound_of(-2.0));
  EXPECT_DOUBLE_EQ(overlaid.score("That is unacceptable").compound, compound_of(-2.5));
  // A phrase: its last word carries the valence, so negation and boosters
  // before the phrase apply to it; the longest phrase wins.
  EXPECT_EQ(plain.score("I was put on hold").compound, 0.0);
  EXPECT_DOUBLE_EQ(overlaid.score("I was put on hold").compound, compound_of(-1.0));
  EXPECT_DOUBLE_EQ(overlaid.score("I was not on hold").compound, compound_of(-1.0 * -0.74));
  EXPECT_DOUBLE_EQ(overlaid.score("I was on hold forever").compound, compound_of(-2.0));
  EXPECT_EQ(overlaid.score("hold on").compound, 0.0);
  // A word set to 0 is still a lexicon word, now neutral.
  EXPECT_DOUBLE_EQ(plain.score("a credit").compound, compound_of(1.6));
  EXPECT_EQ(overlaid.score("a credit").compound, 0.0);
}

TEST(SentimentOverlay, TheShippedOverlayLoads) {
  Result<SentimentLexicon> lexicon = load_sentiment_lexicon(source_dir() / kVaderLexiconFile,
                                                            source_dir() / kSentimentOverlayFile);
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().where_message();
  const SentimentScorer scorer(std::move(lexicon).value());
  EXPECT_LT(scorer.score("They gave me the runaround and hung up on me.").compound, -0.5);
  EXPECT_GT(scorer.score("The issue was resolved.").compound, 0.3);
}

}  // namespace
}  // namespace conduct
