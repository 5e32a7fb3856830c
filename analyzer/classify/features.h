// Hashed sparse features of one normalized sentence: word unigrams and
// bigrams, optional character n-grams, and extra tokens supplied by the
// caller (lexicon hits, sentiment bins), in a fixed space of 2^bits buckets.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace conduct {

/// The version of the way text becomes features (tokenizer, n-grams,
/// hashing, extras). Raise it with any change that gives a sentence other
/// features: a model records the version it was trained with, and loading
/// a model of another version is an error (its weights mean other things).
inline constexpr std::uint32_t kFeaturizerVersion = 1;

/// How text becomes features. Stored in the model file: a model always
/// extracts features the way it was trained.
struct FeatureConfig {
  std::uint32_t bucket_bits = 20;            // 2^bits buckets, 1..28
  std::uint64_t seed = 0x636f6e64756374ULL;  // "conduct"
  bool words = true;
  bool bigrams = true;  // includes sentence-start and sentence-end pairs
  bool chars = false;   // character n-grams of each word, with < > marks
  std::uint32_t char_min = 3;
  std::uint32_t char_max = 5;
  bool lexicon = false;    // extras "lex:<category>" (see sentence_extras)
  bool sentiment = false;  // extras "sent:<bin>"

  std::uint32_t buckets() const { return 1u << bucket_bits; }
  bool operator==(const FeatureConfig&) const = default;
};

/// A sparse feature vector: strictly increasing bucket indices with values.
/// Text features have sublinear counts (1 + ln count) and are scaled to unit
/// L2 norm, as tf-idf vectors are; each extra token adds 1.0 after scaling so
/// that a lexicon hit weighs the same in a long sentence as in a short one.
/// Reused across calls: its buffers grow to the longest sentence and are then
/// never reallocated, so extraction allocates nothing per token.
struct FeatureVector {
  std::vector<std::uint32_t> index;
  std::vector<float> value;
  std::vector<std::uint32_t> scratch;  // raw bucket ids before merging
  std::vector<std::uint32_t> sorted;   // scratch of the bucket sort
};

/// Fills `out` with the features of `normalized_text` plus `extras`.
/// Cost: linear in the text (times the n-gram range with chars on), one sort
/// of the token buckets. Never fails.
void extract_features(const FeatureConfig& config, std::string_view normalized_text,
                      std::span<const std::string_view> extras, FeatureVector& out);

/// The text features of one sentence kept token by token, so that any run of
/// whole tokens (a clause) is featurized without tokenizing or hashing again:
/// `span_features` on it gives exactly what `extract_features` gives on the
/// clause's text. Reused across sentences like FeatureVector.
struct TokenizedText {
  struct Token {
    std::uint32_t begin = 0, end = 0;   // bytes in the text
    std::uint64_t hash = 0;             // the word hash, for bigrams
    std::uint32_t first = 0, last = 0;  // its word and character buckets in `buckets`
    std::uint32_t bigram = 0;           // bucket of (previous token or <s>, this token)
  };
  std::vector<Token> tokens;
  std::vector<std::uint32_t> buckets;
};

/// Tokenizes and hashes `normalized_text` once into `out`. Cost: as
/// extract_features without the sort.
void tokenize_features(const FeatureConfig& config, std::string_view normalized_text,
                       TokenizedText& out);

/// The features of the tokens lying inside bytes [begin, end) of the text
/// given to tokenize_features, as if that stretch were a sentence of its own
/// (so with its own start and end bigrams), plus `extras`.
void span_features(const FeatureConfig& config, const TokenizedText& text, std::size_t begin,
                   std::size_t end, std::span<const std::string_view> extras, FeatureVector& out);

/// The features of two adjacent sentences read as one text, `first` then
/// `second`, each tokenized by tokenize_features: what span_features gives on
/// the tokenized pair (no token crosses the gap between sentences), without
/// hashing either sentence again. The one bigram across the gap is the only
/// feature computed here.
void pair_features(const FeatureConfig& config, const TokenizedText& first,
                   const TokenizedText& second, std::span<const std::string_view> extras,
                   FeatureVector& out);

/// For explanations: each bucket the sentence touches with a readable name of
/// the first token that hashed there ("w:relax", "b:you need", "c:<re",
/// "x:lex:dismissive"), in order of first appearance. Allocates; not for hot
/// paths.
std::vector<std::pair<std::uint32_t, std::string>> feature_names(
    const FeatureConfig& config, std::string_view normalized_text,
    std::span<const std::string_view> extras);

/// Parses a comma-separated feature list ("words,bigrams,chars,lexicon,
/// sentiment") into `config`; returns the unknown name on failure, "" on
/// success.
std::string parse_feature_list(std::string_view list, FeatureConfig& config);

/// The inverse of parse_feature_list, in canonical order.
std::string feature_list(const FeatureConfig& config);

}  // namespace conduct
