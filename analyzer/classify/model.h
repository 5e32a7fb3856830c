// The conduct classifier: a multi-label linear model (one logistic output per
// label, sharing hashed sparse features). Immutable after construction;
// predict and explain are const and safe to call from many threads at once.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "classify/features.h"
#include "core/error.h"
#include "core/trace.h"

namespace conduct {

/// The model file format version this build reads and writes.
inline constexpr std::uint32_t kModelFormatVersion = 2;

/// A training file the model was built from.
struct TrainingFile {
  std::string name;    // file name (not the directory, so that the model
                       // bytes do not depend on where the repository lives)
  std::string sha256;  // 64 hex digits
};

/// A text the model scored when it was trained, with its probabilities (no
/// extra features): loading checks that this build scores it the same.
struct ModelSelfTest {
  std::string text;                  // normalized
  std::vector<float> probabilities;  // one per label
};

/// Everything a model file holds besides the weights.
struct ModelHeader {
  std::vector<std::string> labels;
  /// True when every training record had exactly one label (e.g. polite vs
  /// impolite): then the predicted label set is the single most probable one.
  bool exclusive = false;
  FeatureConfig features;
  std::vector<float> thresholds;  // one per label
  std::vector<TrainingFile> files;
  /// Held-out metrics and training facts, in a fixed order ("val.micro_f1",
  /// "l2", "iterations", ...).
  std::vector<std::pair<std::string, double>> metrics;
  /// kFeaturizerVersion of the build that trained it.
  std::uint32_t featurizer_version = kFeaturizerVersion;
  /// Lexicon::version() of the lexicons whose hits were features ("" when
  /// the features use no lexicon).
  std::string lexicon_version;
  std::vector<ModelSelfTest> self_tests;
};

/// How far a self-test probability may drift (float sums in another order).
inline constexpr float kSelfTestTolerance = 1e-4f;

class Model {
 public:
  /// Builds a model from its parts; `weights` is labels x buckets, `bias` has
  /// one entry per label. Used by the trainer and by load.
  Model(ModelHeader header, Eigen::MatrixXf weights, Eigen::VectorXf bias);

  /// Reads a model file. Cost: milliseconds (one pass over the file, a
  /// sha256, a zeroed labels x buckets matrix). Failure: Error with code
  /// "model_version" (another format version), or "bad_model" (unreadable,
  /// not a model, truncated, corrupt); the message names the file and what
  /// to do.
  static Result<Model> load(const std::filesystem::path& path);

  /// The exact bytes of the model file (deterministic: the same model gives
  /// the same bytes). Only columns with a non-zero weight are stored.
  std::string serialize() const;
  /// Writes serialize() to `path`. Failure: Error "io_error" naming the file.
  Result<bool> save(const std::filesystem::path& path) const;

  const std::vector<std::string>& labels() const { return header_.labels; }
  const std::vector<float>& thresholds() const { return header_.thresholds; }
  const ModelHeader& header() const { return header_; }
  const FeatureConfig& features() const { return header_.features; }
  /// "cndm-1:<first 8 hex digits of the sha256 of the model bytes>".
  std::string version() const { return version_; }

  /// Probabilities per label (resized to labels().size()) for one normalized
  /// sentence; extras are extra feature tokens (see sentence_extras).
  /// Allocates a feature buffer per call; use the overload with a reusable
  /// FeatureVector in loops.
  void predict(std::string_view normalized_text, std::span<const std::string_view> extras,
               std::vector<float>& probabilities) const;
  /// The same, reusing `scratch` (no allocation once it has grown).
  void predict(std::string_view normalized_text, std::span<const std::string_view> extras,
               FeatureVector& scratch, std::vector<float>& probabilities) const;
  /// Probabilities for an already extracted feature vector.
  void predict_features(const FeatureVector& features, std::vector<float>& probabilities) const;

  /// Labels the model assigns given probabilities: those past their
  /// thresholds, or for an exclusive model the single most probable one.
  std::vector<std::size_t> decide(std::span<const float> probabilities) const;

  /// The top-k features by absolute contribution to `label` (largest first,
  /// ties by bucket), with the text of the token that produced each. Allocates;
  /// for explanations, not for hot paths.
  std::vector<FeatureContribution> explain(std::string_view normalized_text,
                                           std::span<const std::string_view> extras,
                                           std::size_t label, std::size_t k) const;
  /// The bias (intercept) of a label, in logits.
  float bias(std::size_t label) const { return bias_[static_cast<Eigen::Index>(label)]; }

 private:
  // load's: the version comes from the file's own bytes, not from
  // serializing the model again.
  Model(ModelHeader header, Eigen::MatrixXf weights, Eigen::VectorXf bias, std::string version);

  ModelHeader header_;
  Eigen::MatrixXf weights_;  // labels x buckets, column-major: a feature's
                             // weights for all labels are contiguous
  Eigen::VectorXf bias_;
  std::string version_;
};

}  // namespace conduct
