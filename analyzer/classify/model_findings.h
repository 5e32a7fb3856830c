// The model's part of the judgement: which of its scores become findings.
// A score past its label's threshold joins a rule finding of its category on
// the sentence; alone, it must also pass the model-alone floor and cover
// enough words, and quotes the span that scored highest. Sentences of
// narrated turns are also read with the one before them, for what only the
// two together show. The analyzer calls it sentence by sentence; nothing
// else decides model findings.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "classify/model.h"
#include "classify/sentence_scorer.h"
#include "core/finding.h"
#include "core/sentence.h"
#include "core/trace.h"
#include "lexicon/attribution.h"
#include "lexicon/rule_findings.h"
#include "sentiment/vader.h"

namespace conduct {

/// The knobs of the model-finding policy (command-line flags).
struct ModelFindingOptions {
  /// A model finding on a sentence where no rule of its category fired needs
  /// at least this probability besides the model's own threshold
  /// (--model-alone-floor). 0 for the shipped model, whose thresholds were
  /// chosen on real held-out text (corpus/real dev) for precision; a model
  /// whose thresholds were chosen on data unlike the text it reads (written
  /// examples) wants a floor such as 0.8.
  double alone_floor = 0.0;
  /// ... and at least this much above the label's own threshold
  /// (--model-alone-margin; 0 for the shipped model, as above).
  double alone_margin = 0.0;
  /// A label whose validation precision at its threshold (recorded in the
  /// model) stayed below this makes no finding alone; it only corroborates
  /// rules (--model-trusted-precision). 0.6 is the bar a rule must pass on
  /// real text to ship.
  double trusted_precision = 0.6;
  /// Score each clause of a long sentence too, keeping the most probable
  /// (--model-clauses; see classify/clauses.h). Off by default: on fresh
  /// blind notes the clauses added one right finding for nine wrong ones.
  bool clauses = false;
  /// Read each sentence of a narrated or customer turn with the one before
  /// it too (off with --no-model-pairs).
  bool pairs = true;
};

/// A model finding with no rule beside it needs a span of at least this many
/// words: on "No." or "Rang again." one or two features carry the whole
/// unit-length vector, and the model is sure of itself on no evidence.
inline constexpr std::size_t kModelAloneMinWords = 5;

/// The model with its policy, fixed at load and shared read-only.
struct ModelFindingPolicy {
  const Model* model = nullptr;
  /// Per label, the least probability of a finding with no rule of its
  /// category beside it: max(alone_floor, threshold + alone_margin); above 1
  /// (never) for a label whose validation precision stayed under
  /// ModelFindingOptions::trusted_precision.
  std::vector<float> alone_floors;
  /// Per label, its category in the configuration's table (nullopt: a label
  /// of no category the policy knows makes no finding).
  std::vector<std::optional<Category>> label_categories;
  /// Per label, whether its category is misconduct (a negative sign): such a
  /// finding of the model alone is never made on a sentence that tells the
  /// customer's own conduct.
  std::vector<std::uint8_t> misconduct;
  bool clauses = false;
  bool pairs = true;

  static ModelFindingPolicy make(const Model& model, const ModelFindingOptions& options,
                                 const CategoryTable& categories = CategoryTable());
};

/// The model findings of one document, sentence by sentence in reading
/// order; keeps the previous sentence's reading for the pair pass and reuses
/// its buffers (no allocation per sentence once grown). One per document.
class ModelFindings {
 public:
  ModelFindings(const ModelFindingPolicy& policy, const SentimentScorer& sentiment,
                const Attributor& attributor)
      : policy_(policy), sentiment_(sentiment), attributor_(attributor) {}

  /// Scores sentence `s` (its VADER `compound` and counted rule `hits` are
  /// features) and adds its model findings to `findings`, after the rule
  /// findings of the same sentence: merged into one of its category, or
  /// alone. When `narrated` (notes, a customer turn: where a story is told)
  /// and the sentence before is of the same turn, also reads the two
  /// together. Misconduct the model would find alone in a sentence whose
  /// actor (lexicon/attribution.h, in `context`) is the customer is the
  /// customer's own and makes no finding; the actor is only asked for then.
  /// Records each label of interest in `trace` when given.
  void add_sentence(std::span<const Sentence> sentences, std::size_t s, const std::string& speaker,
                    double compound, bool narrated, const MatchContext& context,
                    std::span<const CategoryHit> hits, std::vector<Finding>& findings,
                    Trace* trace);

 private:
  void add_single(std::span<const Sentence> sentences, std::size_t s, const std::string& speaker,
                  double compound, std::span<const CategoryHit> hits,
                  std::vector<Finding>& findings, Trace* trace);
  void add_pair(std::span<const Sentence> sentences, std::size_t second, const std::string& speaker,
                std::span<const CategoryHit> second_hits, std::vector<Finding>& findings,
                Trace* trace);
  std::vector<FeatureContribution> explain(std::string_view text, ByteSpan span,
                                           std::span<const CategoryHit> hits, double compound,
                                           std::size_t label, std::size_t k) const;

  const ModelFindingPolicy& policy_;
  const SentimentScorer& sentiment_;
  const Attributor& attributor_;
  MatchContext context_;  // of the turn being read (the pair's sentences share it)
  SentenceScores scores_;
  // What the pair pass keeps between one sentence and the next.
  std::vector<float> previous_best_;        // the previous sentence's best, alone
  TokenizedText previous_tokens_;           // its tokens, hashed once
  std::vector<CategoryHit> previous_hits_;  // its rule hits
  std::vector<CategoryHit> pair_hits_;      // both, in pair coordinates
  std::vector<char> settled_;               // per label: a finding is already there
  std::vector<std::size_t> gained_;
  SentenceScores pair_scores_;
  SentimentScratch sentiment_scratch_;
  std::vector<Category> categories_;
};

}  // namespace conduct
