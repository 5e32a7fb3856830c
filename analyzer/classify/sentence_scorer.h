// The model's reading of one sentence as the analyze pipeline and `explain`
// both take it: the whole sentence, and each of its clauses (see clauses.h),
// keeping per label the most probable span. One function for both, so that
// `explain` shows the very span and features that made a finding.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "classify/features.h"
#include "classify/model.h"
#include "core/finding.h"
#include "core/span.h"

namespace conduct {

/// A lexicon hit as the model sees it: its category and where it lies in the
/// normalized sentence. A clause sees only the hits inside it.
struct CategoryHit {
  Category category{};
  ByteSpan span;
};

/// Per label, the best probability over the sentence and its clauses and the
/// span (in the normalized sentence) that gave it; plus reusable buffers, so
/// one object serves every sentence of a document without allocating.
struct SentenceScores {
  std::vector<float> best;
  std::vector<ByteSpan> best_span;

  TokenizedText tokens;
  FeatureVector features;
  std::vector<float> probabilities;
  std::vector<ByteSpan> clauses;
  std::vector<Category> categories;
};

/// Scores `normalized_sentence` with `model`. Extra features come from the
/// categories of `hits` inside the span scored and from the sentence's
/// VADER `compound` (nullopt: unscored). With `by_clause`, each clause of a
/// multi-clause sentence is scored as well, and a clause replaces the whole
/// sentence for a label only when strictly more probable. Cost: the sentence
/// is tokenized and hashed once; each clause adds a sort of its buckets and a
/// sparse dot product.
void score_sentence(const Model& model, std::string_view normalized_sentence,
                    std::span<const CategoryHit> hits, std::optional<double> compound,
                    bool by_clause, SentenceScores& scores);

/// How many words (tokens that are not punctuation) of `text`, tokenized in
/// `tokens`, lie inside `span`.
std::size_t words_in(std::string_view text, const TokenizedText& tokens, ByteSpan span);

/// The categories of the hits lying inside `span`, in hit order (appended).
void categories_within(std::span<const CategoryHit> hits, ByteSpan span,
                       std::vector<Category>& categories);

}  // namespace conduct
