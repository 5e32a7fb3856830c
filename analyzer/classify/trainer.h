// Training the conduct classifier: hashed features, one L2-regularized
// logistic output per label, fitted by full-batch L-BFGS with early stopping
// on a seeded validation fold, the L2 strength and per-label thresholds
// chosen on that fold, then (by default) a refit on all the data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "classify/model.h"
#include "core/error.h"

namespace conduct {

/// One labelled text, ready for feature extraction.
struct TrainingExample {
  std::string normalized_text;
  std::vector<std::string> extras;  // see sentence_extras
  std::vector<std::size_t> labels;  // indices into TrainingData::labels
};

struct TrainingData {
  std::vector<std::string> labels;  // the label set, in model order
  std::vector<TrainingExample> examples;
  std::vector<TrainingFile> files;  // recorded in the model file
  /// Examples from this index on are the validation set, given rather than
  /// drawn (for example the dev split of real text): the L2 strength, the
  /// iterations and the thresholds are chosen on them, and the model is never
  /// fitted on them (no refit). The default: a seeded share of all examples.
  std::size_t fixed_validation_begin = static_cast<std::size_t>(-1);
  /// Lexicon::version() of the lexicons whose hits are features, if any.
  std::string lexicon_version;
};

/// How many training texts the model keeps as its self-test.
inline constexpr std::size_t kSelfTests = 3;

/// Every knob of `conduct train`, with its default.
struct TrainOptions {
  std::uint64_t seed = 1;  // the validation split; the same seed and data
                           // give the same model bytes
  FeatureConfig features;
  /// L2 strengths tried (per-example-mean loss + l2/2 ||w||^2); the one with
  /// the lowest validation loss wins.
  std::vector<double> l2 = {1e-4, 3e-4, 1e-3, 3e-3, 1e-2};
  int max_iterations = 300;
  int patience = 15;  // stop after this many iterations without a better
                      // validation loss
  double validation_fraction = 0.2;
  /// After choosing l2, iterations and thresholds on the validation fold,
  /// fit again on all examples (train + validation).
  bool refit = true;
  /// Floor of the per-label thresholds. Thresholds are chosen for F1 on the
  /// validation fold, whose share of positives is that of the training data;
  /// text where a label is rarer (most sentences of real call notes are plain
  /// narrative) needs a higher bar, as a prior shift says.
  float min_threshold = 0.0f;
  /// When > 0, each label's threshold is instead the lowest one whose
  /// validation precision reaches this target (the best F0.5 when none
  /// does): for a model that adds findings beside precise rules, precision
  /// comes first.
  double target_precision = 0.0;
};

/// Trains a model. Deterministic: the same data and options give a model
/// with the same bytes. Cost: feature extraction once, then per candidate l2
/// up to max_iterations passes over the features (single thread).
/// Failure: Error "no_data" (fewer than 2 examples or no labels), "bad_label"
/// (a label index out of range), "bad_options".
Result<Model> train(const TrainingData& data, const TrainOptions& options);

}  // namespace conduct
