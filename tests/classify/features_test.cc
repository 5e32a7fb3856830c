#include "classify/features.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "classify/clauses.h"
#include "classify/extras.h"
#include "classify/feature_hash.h"
#include "classify/tokenizer.h"

namespace conduct {
namespace {

std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> out;
  for_each_token(text, [&out](std::string_view t) { out.emplace_back(t); });
  return out;
}

TEST(Tokenizer, WordsContractionsAndPunctuation) {
  EXPECT_EQ(tokens_of("you need to relax, sir!"),
            (std::vector<std::string>{"you", "need", "to", "relax", ",", "sir", "!"}));
  EXPECT_EQ(tokens_of("i don't 'know' <url> café"),
            (std::vector<std::string>{"i", "don't", "know", "<", "url", ">", "café"}));
  EXPECT_TRUE(tokens_of("   ").empty());
}

TEST(FeatureHash, KnownValuesAreStable) {
  // Pinned: the model file depends on these; a change needs a new format.
  EXPECT_EQ(hash_token("relax", 0, FeatureKind::word), hash_token("relax", 0, FeatureKind::word));
  EXPECT_NE(hash_token("relax", 0, FeatureKind::word), hash_token("relax", 1, FeatureKind::word));
  EXPECT_NE(hash_token("ab", 0, FeatureKind::word), hash_token("ab", 0, FeatureKind::chars));
  EXPECT_EQ(mix64(0), 0u);
  EXPECT_EQ(mix64(1), 0xb456bcfc34c2cb2cULL);
  EXPECT_EQ(bucket_of(0xffffffffffffffffULL, 20), (1u << 20) - 1);
  EXPECT_EQ(bucket_of(0x0000ffffffffffffULL, 16), 0u);
}

TEST(Features, DeterministicSortedAndUnitNorm) {
  FeatureConfig config;
  config.bucket_bits = 18;
  FeatureVector a, b;
  extract_features(config, "you need to relax , sir", {}, a);
  extract_features(config, "you need to relax , sir", {}, b);
  EXPECT_EQ(a.index, b.index);
  EXPECT_EQ(a.value, b.value);
  // 6 words + 7 bigrams (with start and end), barring collisions.
  EXPECT_EQ(a.index.size(), 13u);
  double norm = 0;
  for (std::size_t i = 0; i < a.index.size(); ++i) {
    if (i > 0) {
      EXPECT_LT(a.index[i - 1], a.index[i]);
    }
    EXPECT_LT(a.index[i], config.buckets());
    norm += double(a.value[i]) * a.value[i];
  }
  EXPECT_NEAR(norm, 1.0, 1e-5);
}

TEST(Features, RepeatsAreSublinearAndExtrasAddOne) {
  FeatureConfig config;
  config.bigrams = false;
  FeatureVector v;
  extract_features(config, "no no", {}, v);
  ASSERT_EQ(v.index.size(), 1u);
  EXPECT_FLOAT_EQ(v.value[0], 1.0f);  // (1 + ln 2) scaled to unit norm
  const std::string_view extras[] = {"lex:dismissive"};
  extract_features(config, "no no", extras, v);
  ASSERT_EQ(v.index.size(), 2u);
  const auto extra_bucket =
      bucket_of(hash_token("lex:dismissive", config.seed, FeatureKind::extra), config.bucket_bits);
  for (std::size_t i = 0; i < 2; ++i) EXPECT_FLOAT_EQ(v.value[i], 1.0f);
  EXPECT_TRUE(v.index[0] == extra_bucket || v.index[1] == extra_bucket);
}

TEST(Features, CharacterNgramsOfMarkedWords) {
  FeatureConfig config;
  config.words = config.bigrams = false;
  config.chars = true;
  config.char_min = 3;
  config.char_max = 3;
  const auto names = feature_names(config, "abc", {});
  std::vector<std::string> got;
  for (const auto& [bucket, name] : names) got.push_back(name);
  EXPECT_EQ(got, (std::vector<std::string>{"c:<ab", "c:abc", "c:bc>"}));
}

TEST(Features, NamesMatchExtractedBuckets) {
  FeatureConfig config;
  const std::string_view extras[] = {"sent:neg"};
  FeatureVector v;
  extract_features(config, "calm down", extras, v);
  const auto names = feature_names(config, "calm down", extras);
  ASSERT_EQ(names.size(), v.index.size());
  std::vector<std::string> got;
  for (const auto& [bucket, name] : names) {
    got.push_back(name);
    EXPECT_TRUE(std::binary_search(v.index.begin(), v.index.end(), bucket)) << name;
  }
  EXPECT_EQ(got, (std::vector<std::string>{"w:calm", "b:<s> calm", "w:down", "b:calm down",
                                           "b:down </s>", "x:sent:neg"}));
}

TEST(Features, FeatureListParsesAndPrints) {
  FeatureConfig config;
  EXPECT_EQ(parse_feature_list("words,chars,sentiment", config), "");
  EXPECT_TRUE(config.words && config.chars && config.sentiment);
  EXPECT_FALSE(config.bigrams || config.lexicon);
  EXPECT_EQ(feature_list(config), "words,chars,sentiment");
  EXPECT_EQ(parse_feature_list("words,trigrams", config), "trigrams");
}

TEST(Extras, LexiconCategoriesOnceInSpecOrderAndSentimentBins) {
  FeatureConfig config;
  config.lexicon = config.sentiment = true;
  const Category hits[] = {Category::dismissive, Category::scripted, Category::dismissive};
  EXPECT_EQ(sentence_extras(config, hits, -0.7),
            (std::vector<std::string>{"lex:scripted", "lex:dismissive", "sent:neg"}));
  EXPECT_EQ(sentence_extras(config, {}, 0.0), (std::vector<std::string>{"sent:neu"}));
  EXPECT_EQ(sentence_extras(config, {}, 0.3), (std::vector<std::string>{"sent:mpos"}));
  EXPECT_EQ(sentence_extras(config, {}, std::nullopt), (std::vector<std::string>{}));
  config.lexicon = config.sentiment = false;
  EXPECT_TRUE(sentence_extras(config, hits, -0.7).empty());
}

}  // namespace
}  // namespace conduct

namespace conduct {
namespace {

// span_features over a tokenized sentence must give, bucket for bucket and
// value for value, what extract_features gives on the span's own text: the
// analyze pipeline scores clauses one way and training saw sentences the other.
TEST(Features, SpanFeaturesMatchExtractOnTheSpanText) {
  const std::vector<std::string_view> sentences = {
      "i told them, very nicely, that we gave you a chance, but the woman i spoke to was very "
      "rude and cocky.",
      "\"no,\" he said, \"that's our policy and it won't change.\"",
      "held 40 mins - then the line went dead; nobody called back (again)",
      "café staff didn't care, and the manager's reply was whatever",
      "",
  };
  const std::vector<std::string_view> extras = {"lex:dismissive", "sent:neg"};
  for (const bool chars : {false, true}) {
    FeatureConfig config;
    config.bucket_bits = 16;
    config.chars = chars;
    TokenizedText tokens;
    FeatureVector from_span, from_text;
    for (const std::string_view sentence : sentences) {
      tokenize_features(config, sentence, tokens);
      std::vector<std::pair<std::size_t, std::size_t>> spans = {{0, sentence.size()}};
      std::vector<ByteSpan> clauses;
      split_clauses(sentence, clauses, 2);
      for (const ByteSpan c : clauses) spans.emplace_back(c.begin, c.end);
      EXPECT_GT(spans.size(), sentence.empty() ? 0u : 2u) << sentence;
      for (const auto& [begin, end] : spans) {
        span_features(config, tokens, begin, end, extras, from_span);
        extract_features(config, sentence.substr(begin, end - begin), extras, from_text);
        EXPECT_EQ(from_span.index, from_text.index) << sentence.substr(begin, end - begin);
        EXPECT_EQ(from_span.value, from_text.value) << sentence.substr(begin, end - begin);
      }
    }
  }
}

// The pair reading hashes no sentence twice: its features from the two
// sentences' tokens equal the features of the pair's text.
TEST(Features, PairFeaturesMatchExtractOnThePairText) {
  const std::vector<std::string_view> sentences = {
      "she said a manager would ring me by five.", "five came and went.",
      "\"we'll call you back,\" he said.",         "",
      "nobody did - not a word (again)",           "café closed!"};
  const std::vector<std::string_view> extras = {"lex:broken_promise", "sent:neg"};
  for (const bool chars : {false, true}) {
    FeatureConfig config;
    config.bucket_bits = 16;
    config.chars = chars;
    TokenizedText first, second;
    FeatureVector from_pair, from_text;
    for (std::size_t i = 0; i + 1 < sentences.size(); ++i) {
      tokenize_features(config, sentences[i], first);
      tokenize_features(config, sentences[i + 1], second);
      pair_features(config, first, second, extras, from_pair);
      const std::string text = std::string(sentences[i]) + " " + std::string(sentences[i + 1]);
      extract_features(config, text, extras, from_text);
      EXPECT_EQ(from_pair.index, from_text.index) << text;
      EXPECT_EQ(from_pair.value, from_text.value) << text;
    }
  }
}

// Long sentences (hundreds of buckets with character n-grams, sorted by
// radix) give strictly increasing indices, one per distinct bucket, at every
// bucket width the model file allows.
TEST(Features, LongSentencesGiveSortedDistinctBuckets) {
  std::string text;
  for (int i = 0; i < 40; ++i)
    text += "held for " + std::to_string(i * 7) + " minutes again and again; ";
  for (const std::uint32_t bits : {8u, 14u, 18u, 22u, 28u}) {
    FeatureConfig config;
    config.bucket_bits = bits;
    config.chars = true;
    FeatureVector features;
    extract_features(config, text, {}, features);
    ASSERT_GT(features.scratch.size(), 1000u);
    std::vector<std::uint32_t> expected = features.scratch;
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    EXPECT_EQ(features.index, expected) << bits;
    for (const std::uint32_t b : features.index) EXPECT_LT(b, 1u << bits);
  }
}

}  // namespace
}  // namespace conduct
