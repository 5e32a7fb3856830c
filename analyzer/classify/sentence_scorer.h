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
#include "lexicon/rule_findings.h"

namespace conduct {

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

/// A label worth reading two adjacent sentences together for: one of them
/// already leans towards it (best probability at least this) without
/// reaching a finding. A promise and its failure told a sentence apart each
/// lean one way ("She said a manager would ring by five." "Five came and
/// went."); two unrelated sentences are not read together, which keeps the
/// pair pass to a fraction of the sentences.
inline constexpr float kPairCandidate = 0.4f;

/// Whether two adjacent sentences, scored alone into `first` and `second`
/// (SentenceScores::best), are worth reading together: some label not yet
/// `settled` (non-zero: a finding of it is already on either sentence) leans
/// towards it (kPairCandidate) in either.
bool pair_worth_scoring(std::span<const float> first, std::span<const float> second,
                        std::span<const char> settled);

/// Reads two adjacent sentences of one turn as one text, `pair_text` (the
/// normalized text from the first sentence's start to the second's end),
/// from their tokens as score_sentence left them (`first_tokens`,
/// `second_tokens`: neither is hashed again), with the rule `hits` of both in
/// pair coordinates and the `compound` of the pair. Fills `scores` for the
/// whole pair (no clauses: they would find the single sentences again; no
/// tokens) and appends to `gained` the labels whose pair probability passes
/// the threshold and exceeds both single readings (`first`, `second`): what
/// only the two sentences together show.
void score_sentence_pair(const Model& model, std::string_view pair_text,
                         const TokenizedText& first_tokens, const TokenizedText& second_tokens,
                         std::span<const CategoryHit> hits, std::optional<double> compound,
                         std::span<const float> first, std::span<const float> second,
                         SentenceScores& scores, std::vector<std::size_t>& gained);

/// How many words (tokens that are not punctuation) of `text`, tokenized in
/// `tokens`, lie inside `span`.
std::size_t words_in(std::string_view text, const TokenizedText& tokens, ByteSpan span);

/// The categories of the hits lying inside `span`, in hit order (appended).
void categories_within(std::span<const CategoryHit> hits, ByteSpan span,
                       std::vector<Category>& categories);

}  // namespace conduct
