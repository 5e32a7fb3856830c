#include "classify/sentence_scorer.h"

#include <algorithm>
#include <cctype>

#include "classify/clauses.h"
#include "classify/extras.h"

namespace conduct {
namespace {

// The extra feature tokens of `span`: the categories of the hits inside it
// and the compound bin (see sentence_extras).
std::vector<std::string> span_extras(const Model& model, std::span<const CategoryHit> hits,
                                     ByteSpan span, std::optional<double> compound,
                                     SentenceScores& scores) {
  scores.categories.clear();
  categories_within(hits, span, scores.categories);
  return sentence_extras(model.features(), scores.categories, compound);
}

// The model's reading of one span of the sentence tokenized in scores.tokens.
void predict_span(const Model& model, std::span<const CategoryHit> hits, ByteSpan span,
                  std::optional<double> compound, SentenceScores& scores) {
  const auto extras = span_extras(model, hits, span, compound, scores);
  const std::vector<std::string_view> views(extras.begin(), extras.end());
  span_features(model.features(), scores.tokens, span.begin, span.end, views, scores.features);
  model.predict_features(scores.features, scores.probabilities);
}

}  // namespace

std::size_t words_in(std::string_view text, const TokenizedText& tokens, ByteSpan span) {
  std::size_t words = 0;
  for (const TokenizedText::Token& t : tokens.tokens) {
    if (t.begin < span.begin) continue;
    if (t.end > span.end) break;
    const auto c = static_cast<unsigned char>(text[t.begin]);
    if (std::isalnum(c) || c >= 0x80) ++words;  // else a punctuation token
  }
  return words;
}

void categories_within(std::span<const CategoryHit> hits, ByteSpan span,
                       std::vector<Category>& categories) {
  for (const CategoryHit& hit : hits) {
    if (hit.span.begin >= span.begin && hit.span.end <= span.end) {
      categories.push_back(hit.category);
    }
  }
}

void score_sentence(const Model& model, std::string_view text, std::span<const CategoryHit> hits,
                    std::optional<double> compound, bool by_clause, SentenceScores& scores) {
  const ByteSpan whole{0, text.size()};
  // Hashed once; every clause reuses its tokens' buckets.
  tokenize_features(model.features(), text, scores.tokens);
  predict_span(model, hits, whole, compound, scores);
  scores.best = scores.probabilities;
  scores.best_span.assign(scores.best.size(), whole);
  if (!by_clause) return;
  scores.clauses.clear();
  split_clauses(text, scores.clauses);
  for (const ByteSpan clause : scores.clauses) {
    predict_span(model, hits, clause, compound, scores);
    for (std::size_t label = 0; label < scores.best.size(); ++label) {
      if (scores.probabilities[label] > scores.best[label]) {
        scores.best[label] = scores.probabilities[label];
        scores.best_span[label] = clause;
      }
    }
  }
}

bool pair_worth_scoring(std::span<const float> first, std::span<const float> second,
                        std::span<const char> settled) {
  for (std::size_t label = 0; label < settled.size(); ++label) {
    if (!settled[label] && std::max(first[label], second[label]) >= kPairCandidate) return true;
  }
  return false;
}

void score_sentence_pair(const Model& model, std::string_view pair_text,
                         const TokenizedText& first_tokens, const TokenizedText& second_tokens,
                         std::span<const CategoryHit> hits, std::optional<double> compound,
                         std::span<const float> first, std::span<const float> second,
                         SentenceScores& scores, std::vector<std::size_t>& gained) {
  const ByteSpan whole{0, pair_text.size()};
  const auto extras = span_extras(model, hits, whole, compound, scores);
  const std::vector<std::string_view> views(extras.begin(), extras.end());
  pair_features(model.features(), first_tokens, second_tokens, views, scores.features);
  model.predict_features(scores.features, scores.probabilities);
  scores.best = scores.probabilities;
  scores.best_span.assign(scores.best.size(), whole);
  const auto& thresholds = model.thresholds();
  for (std::size_t label = 0; label < scores.best.size(); ++label) {
    const float probability = scores.best[label];
    if (probability >= thresholds[label] && probability > first[label] &&
        probability > second[label]) {
      gained.push_back(label);
    }
  }
}

}  // namespace conduct
