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

namespace conduct {
namespace {

// "broken": a promise and its failure; each told alone, or a promise kept, is
// nothing. A linear model sees the pair's evidence add up.
const Model& pair_model() {
  static const Model model = [] {
    const std::vector<std::string> promises = {"she said the manager would ring by five",
                                               "they promised a refund on friday",
                                               "he told me the engineer would come"};
    const std::vector<std::string> failures = {"nobody rang", "friday came and went",
                                               "nobody came"};
    const std::vector<std::string> kept = {"she rang at ten to", "the refund came on thursday",
                                           "he came at nine"};
    const std::vector<std::string> neutral = {"i made a cup of tea", "the bill was for march",
                                              "my account number is ready"};
    TrainingData data;
    data.labels = {"broken"};
    for (int round = 0; round < 4; ++round) {
      const std::string suffix = join(" ", std::to_string(round));
      for (std::size_t i = 0; i < 3; ++i) {
        data.examples.push_back({promises[i] + suffix, {}, {}});
        data.examples.push_back({failures[i] + suffix, {}, {}});
        data.examples.push_back({neutral[i] + suffix, {}, {}});
        for (std::size_t j = 0; j < 3; ++j) {
          data.examples.push_back({join(join(promises[i], ". "), failures[j]) + suffix, {}, {0}});
          data.examples.push_back({join(join(promises[i], ". "), kept[j]) + suffix, {}, {}});
          data.examples.push_back({join(join(neutral[i], ". "), failures[j]) + suffix, {}, {}});
        }
      }
    }
    data.files = {{"pairs.jsonl", std::string(64, '0')}};
    auto trained = train(data, small_options());
    EXPECT_TRUE(trained.ok()) << trained.error().message;
    return std::move(trained).value();
  }();
  return model;
}

TEST(SentenceScorer, APairShowsWhatNeitherSentenceShowsAlone) {
  const Model& model = pair_model();
  SentenceScores first, second, pair;
  // As the pipeline gives them: each sentence with its own punctuation.
  score_sentence(model, "she said the manager would ring by five.", {}, std::nullopt, true, first);
  score_sentence(model, "nobody rang", {}, std::nullopt, true, second);
  ASSERT_EQ(first.best.size(), 1u);
  EXPECT_LT(first.best[0], model.thresholds()[0]);
  EXPECT_LT(second.best[0], model.thresholds()[0]);

  std::vector<std::size_t> gained;
  constexpr std::string_view kPair = "she said the manager would ring by five. nobody rang";
  score_sentence_pair(model, kPair, first.tokens, second.tokens, {}, std::nullopt, first.best,
                      second.best, pair, gained);
  EXPECT_EQ(gained, (std::vector<std::size_t>{0})) << pair.best[0];
  EXPECT_EQ(pair.best_span[0], (ByteSpan{0, kPair.size()}));
  std::vector<float> direct;
  model.predict(kPair, {}, direct);
  EXPECT_FLOAT_EQ(pair.best[0], direct[0]);

  // The promise kept gains nothing.
  SentenceScores kept;
  score_sentence(model, "she rang at ten to", {}, std::nullopt, true, kept);
  gained.clear();
  score_sentence_pair(model, "she said the manager would ring by five. she rang at ten to",
                      first.tokens, kept.tokens, {}, std::nullopt, first.best, kept.best, pair,
                      gained);
  EXPECT_TRUE(gained.empty()) << pair.best[0];
}

TEST(SentenceScorer, PairsAreNotScoredForSettledOrQuietLabels) {
  const std::vector<float> leaning = {0.1f, 0.4f};
  const std::vector<float> quiet = {0.1f, 0.1f};
  EXPECT_TRUE(pair_worth_scoring(leaning, quiet, std::vector<char>{0, 0}));
  EXPECT_TRUE(pair_worth_scoring(quiet, leaning, std::vector<char>{0, 0}));
  // A finding of the leaning label is already there.
  EXPECT_FALSE(pair_worth_scoring(leaning, quiet, std::vector<char>{0, 1}));
  EXPECT_FALSE(pair_worth_scoring(quiet, quiet, std::vector<char>{0, 0}));
}

}  // namespace
}  // namespace conduct
