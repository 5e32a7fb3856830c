#include "classify/features.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "classify/feature_hash.h"
#include "classify/tokenizer.h"

namespace conduct {
namespace {

// Sentence boundary markers for bigrams: "could you" at the start of a
// request reads differently from the same words in the middle.
constexpr std::string_view kStart = "<s>";
constexpr std::string_view kEnd = "</s>";

// Calls visit(gram) for each character n-gram of `token` marked as "<token>"
// (tokens over 62 bytes have none). Shared by visit_text_features and
// tokenize_features, which must give the same grams.
template <typename Visit>
void for_each_char_gram(const FeatureConfig& config, std::string_view token, Visit&& visit) {
  char buffer[64];
  if (token.size() + 2 > sizeof buffer) return;
  const std::size_t length = token.size() + 2;
  buffer[0] = '<';
  std::copy(token.begin(), token.end(), buffer + 1);
  buffer[length - 1] = '>';
  const std::string_view marked(buffer, length);
  for (std::size_t n = config.char_min; n <= config.char_max && n <= length; ++n) {
    for (std::size_t begin = 0; begin + n <= length; ++begin) visit(marked.substr(begin, n));
  }
}

// Calls visit(kind, hash, token, previous_token) for every text feature; the
// single place that defines which features a sentence has, shared by the hot
// path and by feature_names so that explanations name the right buckets.
template <typename Visit>
void visit_text_features(const FeatureConfig& config, std::string_view text, Visit&& visit) {
  const std::uint64_t seed = config.seed;
  std::uint64_t previous = hash_token(kStart, seed, FeatureKind::word);
  std::string_view previous_token = kStart;
  for_each_token(text, [&](std::string_view token) {
    const std::uint64_t h = hash_token(token, seed, FeatureKind::word);
    if (config.words) visit(FeatureKind::word, h, token, std::string_view{});
    if (config.bigrams) visit(FeatureKind::bigram, hash_pair(previous, h), token, previous_token);
    if (config.chars) {
      for_each_char_gram(config, token, [&](std::string_view gram) {
        visit(FeatureKind::chars, hash_token(gram, seed, FeatureKind::chars), gram,
              std::string_view{});
      });
    }
    previous = h;
    previous_token = token;
  });
  if (config.bigrams) {
    const std::uint64_t end = hash_token(kEnd, seed, FeatureKind::word);
    visit(FeatureKind::bigram, hash_pair(previous, end), kEnd, previous_token);
  }
}

// Sorts bucket ids below 2^bits. A sentence gives hundreds of them with
// character n-grams on, and the comparison sort of them was the largest single
// cost of `analyze`: an LSD radix sort does it in a few linear passes. Digits
// split the bits evenly between the fewest passes of at most 11 bits (two of
// 9 for 18 bits): clearing and summing 2^11 counts per pass cost more than the
// sort itself for a sentence's few hundred ids. Below a few dozen ids
// std::sort is as fast.
void sort_buckets(std::uint32_t bits, std::vector<std::uint32_t>& buckets,
                  std::vector<std::uint32_t>& buffer) {
  constexpr std::uint32_t kMaxDigitBits = 11;
  constexpr std::size_t kRadixFrom = 32;
  if (buckets.size() < kRadixFrom) {
    std::sort(buckets.begin(), buckets.end());
    return;
  }
  const std::uint32_t passes =
      std::max<std::uint32_t>(1, (bits + kMaxDigitBits - 1) / kMaxDigitBits);
  const std::uint32_t digit_bits = (bits + passes - 1) / passes;
  const std::uint32_t mask = (1u << digit_bits) - 1;
  buffer.resize(buckets.size());
  std::array<std::uint32_t, 1u << kMaxDigitBits> counts;
  for (std::uint32_t shift = 0; shift < bits; shift += digit_bits) {
    std::fill_n(counts.begin(), mask + 1, 0u);
    for (const std::uint32_t b : buckets) ++counts[(b >> shift) & mask];
    std::uint32_t total = 0;
    for (std::uint32_t d = 0; d <= mask; ++d) {
      const std::uint32_t n = counts[d];
      counts[d] = total;
      total += n;
    }
    for (const std::uint32_t b : buckets) buffer[counts[(b >> shift) & mask]++] = b;
    buckets.swap(buffer);
  }
}

// From raw bucket ids in out.scratch to the sparse vector: sublinear counts,
// unit L2 norm, then the extras.
void finish_features(const FeatureConfig& config, std::span<const std::string_view> extras,
                     FeatureVector& out) {
  const std::uint32_t bits = config.bucket_bits;
  out.index.clear();
  out.value.clear();
  sort_buckets(bits, out.scratch, out.sorted);
  double norm2 = 0.0;
  for (std::size_t i = 0; i < out.scratch.size();) {
    std::size_t j = i + 1;
    while (j < out.scratch.size() && out.scratch[j] == out.scratch[i]) ++j;
    const float v = 1.0f + std::log(static_cast<float>(j - i));
    out.index.push_back(out.scratch[i]);
    out.value.push_back(v);
    norm2 += static_cast<double>(v) * v;
    i = j;
  }
  if (norm2 > 0.0) {
    const float scale = static_cast<float>(1.0 / std::sqrt(norm2));
    for (float& v : out.value) v *= scale;
  }
  // Extras are few (a handful per sentence): merge them in one at a time.
  for (std::string_view extra : extras) {
    const std::uint32_t b = bucket_of(hash_token(extra, config.seed, FeatureKind::extra), bits);
    auto at = std::lower_bound(out.index.begin(), out.index.end(), b);
    const auto offset = at - out.index.begin();
    if (at != out.index.end() && *at == b) {
      out.value[offset] += 1.0f;
    } else {
      out.index.insert(at, b);
      out.value.insert(out.value.begin() + offset, 1.0f);
    }
  }
}

}  // namespace

void extract_features(const FeatureConfig& config, std::string_view normalized_text,
                      std::span<const std::string_view> extras, FeatureVector& out) {
  const std::uint32_t bits = config.bucket_bits;
  out.scratch.clear();
  visit_text_features(config, normalized_text,
                      [&](FeatureKind, std::uint64_t h, std::string_view, std::string_view) {
                        out.scratch.push_back(bucket_of(h, bits));
                      });
  finish_features(config, extras, out);
}

void tokenize_features(const FeatureConfig& config, std::string_view text, TokenizedText& out) {
  // Mirrors visit_text_features token by token; the test
  // Features.SpanFeaturesMatchExtractOnTheSpanText holds the two to the same
  // features.
  const std::uint32_t bits = config.bucket_bits;
  const std::uint64_t seed = config.seed;
  out.tokens.clear();
  out.buckets.clear();
  std::uint64_t previous = hash_token(kStart, seed, FeatureKind::word);
  for_each_token(text, [&](std::string_view token) {
    TokenizedText::Token t;
    t.begin = static_cast<std::uint32_t>(token.data() - text.data());
    t.end = t.begin + static_cast<std::uint32_t>(token.size());
    t.hash = hash_token(token, seed, FeatureKind::word);
    t.bigram = bucket_of(hash_pair(previous, t.hash), bits);
    t.first = static_cast<std::uint32_t>(out.buckets.size());
    if (config.words) out.buckets.push_back(bucket_of(t.hash, bits));
    if (config.chars) {
      for_each_char_gram(config, token, [&](std::string_view gram) {
        out.buckets.push_back(bucket_of(hash_token(gram, seed, FeatureKind::chars), bits));
      });
    }
    t.last = static_cast<std::uint32_t>(out.buckets.size());
    out.tokens.push_back(t);
    previous = t.hash;
  });
}

namespace {

// Appends to `out` the buckets of `tokens` (a run of `text`'s tokens), each
// with its bigram; the first token's bigram is taken after `previous` (the
// hash of the token before the run, or of <s>), not after the token it
// followed when tokenized. Returns the hash of the run's last token, or
// `previous` for an empty run.
std::uint64_t append_tokens(const FeatureConfig& config, const TokenizedText& text,
                            std::span<const TokenizedText::Token> tokens, std::uint64_t previous,
                            std::vector<std::uint32_t>& out) {
  bool first = true;
  for (const TokenizedText::Token& t : tokens) {
    out.insert(out.end(), text.buckets.begin() + t.first, text.buckets.begin() + t.last);
    if (config.bigrams) {
      out.push_back(first ? bucket_of(hash_pair(previous, t.hash), config.bucket_bits) : t.bigram);
    }
    previous = t.hash;
    first = false;
  }
  return previous;
}

// Closes the features of a run whose last token hashed to `last`: the bigram
// with </s>, then the sparse vector.
void finish_run(const FeatureConfig& config, std::uint64_t last,
                std::span<const std::string_view> extras, FeatureVector& out) {
  if (config.bigrams) {
    const std::uint64_t stop = hash_token(kEnd, config.seed, FeatureKind::word);
    out.scratch.push_back(bucket_of(hash_pair(last, stop), config.bucket_bits));
  }
  finish_features(config, extras, out);
}

}  // namespace

void span_features(const FeatureConfig& config, const TokenizedText& text, std::size_t begin,
                   std::size_t end, std::span<const std::string_view> extras, FeatureVector& out) {
  const auto& tokens = text.tokens;
  const auto first = std::find_if(tokens.begin(), tokens.end(),
                                  [&](const TokenizedText::Token& t) { return t.begin >= begin; });
  const auto last =
      std::find_if(first, tokens.end(), [&](const TokenizedText::Token& t) { return t.end > end; });
  out.scratch.clear();
  const std::uint64_t start = hash_token(kStart, config.seed, FeatureKind::word);
  finish_run(config, append_tokens(config, text, std::span(first, last), start, out.scratch),
             extras, out);
}

void pair_features(const FeatureConfig& config, const TokenizedText& first,
                   const TokenizedText& second, std::span<const std::string_view> extras,
                   FeatureVector& out) {
  out.scratch.clear();
  std::uint64_t previous = hash_token(kStart, config.seed, FeatureKind::word);
  // The second sentence's first bigram follows the first sentence's last token.
  previous = append_tokens(config, first, first.tokens, previous, out.scratch);
  previous = append_tokens(config, second, second.tokens, previous, out.scratch);
  finish_run(config, previous, extras, out);
}

std::vector<std::pair<std::uint32_t, std::string>> feature_names(
    const FeatureConfig& config, std::string_view normalized_text,
    std::span<const std::string_view> extras) {
  std::vector<std::pair<std::uint32_t, std::string>> names;
  auto add = [&names](std::uint32_t bucket, std::string name) {
    for (const auto& [b, _] : names) {
      if (b == bucket) return;
    }
    names.emplace_back(bucket, std::move(name));
  };
  visit_text_features(
      config, normalized_text,
      [&](FeatureKind kind, std::uint64_t h, std::string_view token, std::string_view previous) {
        std::string name;
        switch (kind) {
          case FeatureKind::word:
            name = "w:" + std::string(token);
            break;
          case FeatureKind::bigram:
            name = "b:" + std::string(previous) + " " + std::string(token);
            break;
          case FeatureKind::chars:
            name = "c:" + std::string(token);
            break;
          case FeatureKind::extra:
            break;
        }
        add(bucket_of(h, config.bucket_bits), std::move(name));
      });
  for (std::string_view extra : extras) {
    add(bucket_of(hash_token(extra, config.seed, FeatureKind::extra), config.bucket_bits),
        "x:" + std::string(extra));
  }
  return names;
}

std::string parse_feature_list(std::string_view list, FeatureConfig& config) {
  config.words = config.bigrams = config.chars = config.lexicon = config.sentiment = false;
  while (!list.empty()) {
    const auto comma = list.find(',');
    std::string_view name = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    if (name == "words") {
      config.words = true;
    } else if (name == "bigrams") {
      config.bigrams = true;
    } else if (name == "chars") {
      config.chars = true;
    } else if (name == "lexicon") {
      config.lexicon = true;
    } else if (name == "sentiment") {
      config.sentiment = true;
    } else if (!name.empty()) {
      return std::string(name);
    }
  }
  return "";
}

std::string feature_list(const FeatureConfig& config) {
  std::string out;
  auto add = [&out](bool on, const char* name) {
    if (!on) return;
    if (!out.empty()) out += ',';
    out += name;
  };
  add(config.words, "words");
  add(config.bigrams, "bigrams");
  add(config.chars, "chars");
  add(config.lexicon, "lexicon");
  add(config.sentiment, "sentiment");
  return out;
}

}  // namespace conduct
