#include "classify/sentence_scorer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "synthetic_model.h"

namespace conduct {
namespace {

const Model& synthetic_model() {
  static const Model model = [] {
    auto trained = train(synthetic_data(), small_options());
    EXPECT_TRUE(trained.ok()) << trained.error().message;
    return std::move(trained).value();
  }();
  return model;
}

constexpr std::size_t kRude = 0;

// The insult sits in the last clause of a long, otherwise neutral sentence.
constexpr std::string_view kLong =
    "the order arrived today and my account number is ready, thanks for the help with the bill, "
    "but then the agent said shut up you idiot";

TEST(SentenceScorer, AClauseCarriesALabelTheWholeSentenceDilutes) {
  const Model& model = synthetic_model();
  SentenceScores whole, by_clause;
  score_sentence(model, kLong, {}, std::nullopt, false, whole);
  score_sentence(model, kLong, {}, std::nullopt, true, by_clause);
  ASSERT_EQ(whole.best.size(), 2u);
  EXPECT_EQ(whole.best_span[kRude], (ByteSpan{0, kLong.size()}));

  const ByteSpan clause = by_clause.best_span[kRude];
  EXPECT_EQ(kLong.substr(clause.begin, clause.size()), "but then the agent said shut up you idiot");
  EXPECT_GT(by_clause.best[kRude], whole.best[kRude]);
  EXPECT_GE(by_clause.best[kRude], model.thresholds()[kRude]);
  // The clause's score is the model's own reading of that clause.
  std::vector<float> direct;
  model.predict(kLong.substr(clause.begin, clause.size()), {}, direct);
  EXPECT_FLOAT_EQ(by_clause.best[kRude], direct[kRude]);
}

TEST(SentenceScorer, OneClauseSentencesScoreAsAWhole) {
  SentenceScores scores;
  score_sentence(synthetic_model(), "shut up you idiot", {}, std::nullopt, true, scores);
  std::vector<float> direct;
  synthetic_model().predict("shut up you idiot", {}, direct);
  EXPECT_EQ(scores.best, direct);
  EXPECT_EQ(scores.best_span[kRude], (ByteSpan{0, 17}));
}

TEST(SentenceScorer, CategoriesWithinKeepOnlyHitsInsideTheSpan) {
  const std::vector<CategoryHit> hits = {{Category::scripted, {0, 10}},
                                         {Category::dismissive, {12, 20}},
                                         {Category::empathy, {18, 30}}};
  std::vector<Category> categories{Category::resolved};
  categories_within(hits, {0, 20}, categories);
  EXPECT_EQ(categories,
            (std::vector<Category>{Category::resolved, Category::scripted, Category::dismissive}));
}

}  // namespace
}  // namespace conduct

namespace conduct {
namespace {

TEST(SentenceScorer, WordsInCountsWordsNotPunctuation) {
  constexpr std::string_view text = "no. rang again, twice - café closed!";
  TokenizedText tokens;
  tokenize_features(FeatureConfig{}, text, tokens);
  EXPECT_EQ(words_in(text, tokens, {0, text.size()}), 6u);
  EXPECT_EQ(words_in(text, tokens, {0, 3}), 1u);    // "no."
  EXPECT_EQ(words_in(text, tokens, {4, 14}), 2u);   // "rang again"
  EXPECT_EQ(words_in(text, tokens, {5, 14}), 1u);   // a token cut by the span does not count
  EXPECT_EQ(words_in(text, tokens, {24, 37}), 2u);  // "café closed!" (non-ASCII letters count)
}

}  // namespace
}  // namespace conduct
