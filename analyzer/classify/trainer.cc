#include "classify/trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "classify/lbfgs.h"
#include "classify/metrics.h"

namespace conduct {
namespace {

// splitmix64: a tiny seeded generator whose output is the same on every
// platform (std::shuffle and the std distributions are not).
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

// The examples' features in compressed sparse rows over compact feature ids
// (only buckets that occur in the data get parameters during training).
struct SparseRows {
  std::vector<std::size_t> row_begin;  // n + 1 entries
  std::vector<std::uint32_t> column;   // compact feature id
  std::vector<double> value;
  std::vector<std::uint32_t> bucket_of_column;
};

SparseRows build_rows(const TrainingData& data, const FeatureConfig& config) {
  SparseRows rows;
  FeatureVector features;
  std::vector<std::vector<std::uint32_t>> buckets(data.examples.size());
  std::vector<std::vector<float>> values(data.examples.size());
  std::vector<std::string_view> extras;
  for (std::size_t i = 0; i < data.examples.size(); ++i) {
    const auto& example = data.examples[i];
    extras.assign(example.extras.begin(), example.extras.end());
    extract_features(config, example.normalized_text, extras, features);
    buckets[i] = features.index;
    values[i] = features.value;
    rows.bucket_of_column.insert(rows.bucket_of_column.end(), features.index.begin(),
                                 features.index.end());
  }
  auto& all = rows.bucket_of_column;
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  rows.row_begin.push_back(0);
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    for (std::size_t k = 0; k < buckets[i].size(); ++k) {
      const auto at = std::lower_bound(all.begin(), all.end(), buckets[i][k]);
      rows.column.push_back(static_cast<std::uint32_t>(at - all.begin()));
      rows.value.push_back(values[i][k]);
    }
    rows.row_begin.push_back(rows.column.size());
  }
  return rows;
}

double softplus(double z) {
  return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
}
double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

// The regularized multi-label logistic loss over a subset of examples.
// Parameters: W (labels x features, column-major) then the biases.
class LogisticLoss {
 public:
  LogisticLoss(const SparseRows& rows, const std::vector<std::uint8_t>& targets, std::size_t labels,
               std::vector<std::size_t> subset, double l2)
      : rows_(rows), targets_(targets), labels_(labels), subset_(std::move(subset)), l2_(l2) {}

  std::size_t size() const { return rows_.bucket_of_column.size() * labels_ + labels_; }

  // Logits of example i into z (labels entries).
  void logits(const Eigen::VectorXd& x, std::size_t i, std::vector<double>& z) const {
    const std::size_t bias = rows_.bucket_of_column.size() * labels_;
    for (std::size_t l = 0; l < labels_; ++l) z[l] = x[static_cast<Eigen::Index>(bias + l)];
    for (std::size_t k = rows_.row_begin[i]; k < rows_.row_begin[i + 1]; ++k) {
      const double* w = x.data() + std::size_t{rows_.column[k]} * labels_;
      for (std::size_t l = 0; l < labels_; ++l) z[l] += w[l] * rows_.value[k];
    }
  }

  double operator()(const Eigen::VectorXd& x, Eigen::VectorXd& g) const {
    const std::size_t weights = rows_.bucket_of_column.size() * labels_;
    g.setZero(x.size());
    std::vector<double> z(labels_);
    double loss = 0.0;
    const double scale = 1.0 / static_cast<double>(subset_.size());
    for (std::size_t i : subset_) {
      logits(x, i, z);
      for (std::size_t l = 0; l < labels_; ++l) {
        const double y = targets_[i * labels_ + l];
        loss += softplus(z[l]) - y * z[l];
        z[l] = (sigmoid(z[l]) - y) * scale;  // now dloss/dz
        g[static_cast<Eigen::Index>(weights + l)] += z[l];
      }
      for (std::size_t k = rows_.row_begin[i]; k < rows_.row_begin[i + 1]; ++k) {
        double* gw = g.data() + std::size_t{rows_.column[k]} * labels_;
        for (std::size_t l = 0; l < labels_; ++l) gw[l] += z[l] * rows_.value[k];
      }
    }
    const auto w = x.head(static_cast<Eigen::Index>(weights));
    g.head(static_cast<Eigen::Index>(weights)) += l2_ * w;
    return loss * scale + 0.5 * l2_ * w.squaredNorm();
  }

  // Mean unregularized loss over `examples`.
  double mean_loss(const Eigen::VectorXd& x, const std::vector<std::size_t>& examples) const {
    std::vector<double> z(labels_);
    double loss = 0.0;
    for (std::size_t i : examples) {
      logits(x, i, z);
      for (std::size_t l = 0; l < labels_; ++l) {
        loss += softplus(z[l]) - targets_[i * labels_ + l] * z[l];
      }
    }
    return examples.empty() ? 0.0 : loss / static_cast<double>(examples.size());
  }

 private:
  const SparseRows& rows_;
  const std::vector<std::uint8_t>& targets_;
  std::size_t labels_;
  std::vector<std::size_t> subset_;
  double l2_;
};

struct Fit {
  Eigen::VectorXd x;
  double validation_loss = std::numeric_limits<double>::infinity();
  int best_iteration = 0;
};

Fit fit(const LogisticLoss& loss, const std::vector<std::size_t>& validation,
        const TrainOptions& options, int iterations) {
  Fit best;
  Eigen::VectorXd x = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(loss.size()));
  LbfgsOptions lbfgs;
  lbfgs.max_iterations = iterations;
  best.x = x;
  if (!validation.empty()) best.validation_loss = loss.mean_loss(x, validation);
  minimize_lbfgs([&loss](const Eigen::VectorXd& p, Eigen::VectorXd& g) { return loss(p, g); }, x,
                 lbfgs,
                 [&](int iteration, const Eigen::VectorXd& p) {
                   if (validation.empty()) {
                     best.x = p;
                     best.best_iteration = iteration;
                     return true;
                   }
                   const double v = loss.mean_loss(p, validation);
                   if (v < best.validation_loss - 1e-9) {
                     best.validation_loss = v;
                     best.best_iteration = iteration;
                     best.x = p;
                   }
                   return iteration - best.best_iteration < options.patience;
                 });
  return best;
}

PrfCounts counts_at(const std::vector<double>& p, const std::vector<std::uint8_t>& y, double t) {
  PrfCounts c;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const bool predicted = p[i] >= t;
    c.tp += predicted && y[i];
    c.fp += predicted && !y[i];
    c.fn += !predicted && y[i];
  }
  return c;
}

// The threshold in [0.05, 0.95] (steps of 0.01) on the validation fold: with
// a precision target, the lowest that reaches it, or when none does the one
// with the best F0.5 (precision weighted twice as much as recall: a fixed
// 0.95 made such labels all but silent on whichever fold the seed drew);
// otherwise the one with the best F1. Ties go to the one nearest 0.5; 0.5
// when the fold has no positives.
float choose_threshold(const std::vector<double>& p, const std::vector<std::uint8_t>& y,
                       double target_precision) {
  if (std::find(y.begin(), y.end(), 1) == y.end()) return 0.5f;
  if (target_precision > 0) {
    for (int t = 5; t <= 95; ++t) {
      const PrfCounts c = counts_at(p, y, t / 100.0);
      if (c.tp > 0 && c.precision() >= target_precision) return static_cast<float>(t / 100.0);
    }
  }
  const double beta = target_precision > 0 ? 0.5 : 1.0;
  double best_f1 = -1.0;
  int best = 50;
  for (int t = 5; t <= 95; ++t) {
    const PrfCounts c = counts_at(p, y, t / 100.0);
    const double precision = c.precision(), recall = c.recall();
    const double f = precision + recall == 0.0 ? 0.0
                                               : (1 + beta * beta) * precision * recall /
                                                     (beta * beta * precision + recall);
    if (f > best_f1 + 1e-12 ||
        (std::fabs(f - best_f1) <= 1e-12 && std::abs(t - 50) < std::abs(best - 50))) {
      best_f1 = f;
      best = t;
    }
  }
  return static_cast<float>(best / 100.0);
}

}  // namespace

Result<Model> train(const TrainingData& data, const TrainOptions& options) {
  const std::size_t n = data.examples.size();
  const std::size_t labels = data.labels.size();
  if (n < 2 || labels == 0) {
    return Error{ErrorCode::no_data,
                 "training needs at least 2 examples and 1 label (got " + std::to_string(n) +
                     " examples, " + std::to_string(labels) + " labels)",
                 "", 0};
  }
  if (options.l2.empty() || options.validation_fraction < 0 || options.validation_fraction >= 1 ||
      options.features.bucket_bits == 0 || options.features.bucket_bits > 28) {
    return Error{ErrorCode::bad_options,
                 "training options out of range (l2 list empty, validation "
                 "fraction not in [0, 1) or bucket bits not in 1..28)",
                 "", 0};
  }
  std::vector<std::uint8_t> targets(n * labels, 0);
  bool exclusive = labels >= 2;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t l : data.examples[i].labels) {
      if (l >= labels) {
        return Error{ErrorCode::bad_label,
                     "example " + std::to_string(i + 1) + " has label index " + std::to_string(l) +
                         " outside the label set",
                     "", 0};
      }
      targets[i * labels + l] = 1;
    }
    std::size_t count = 0;
    for (std::size_t l = 0; l < labels; ++l) count += targets[i * labels + l];
    exclusive = exclusive && count == 1;
  }

  const SparseRows rows = build_rows(data, options.features);

  std::vector<std::size_t> validation, training;
  const bool fixed_validation = data.fixed_validation_begin < n;
  if (fixed_validation) {
    for (std::size_t i = 0; i < n; ++i) {
      (i < data.fixed_validation_begin ? training : validation).push_back(i);
    }
  } else {
    // Seeded split: Fisher-Yates with splitmix64, the first part validates.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    SplitMix64 rng{options.seed};
    for (std::size_t i = n - 1; i > 0; --i) std::swap(order[i], order[rng.next() % (i + 1)]);
    std::size_t n_validation = static_cast<std::size_t>(options.validation_fraction * double(n));
    if (options.validation_fraction > 0)
      n_validation = std::clamp<std::size_t>(n_validation, 1, n - 1);
    validation.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n_validation));
    training.assign(order.begin() + static_cast<std::ptrdiff_t>(n_validation), order.end());
  }
  if (training.empty()) {
    return Error{ErrorCode::no_data, "no training examples besides the validation set", "", 0};
  }
  std::sort(validation.begin(), validation.end());  // a fixed summation order
  std::sort(training.begin(), training.end());

  Fit best;
  double best_l2 = options.l2.front();
  for (double l2 : options.l2) {
    LogisticLoss loss(rows, targets, labels, training, l2);
    Fit candidate = fit(loss, validation, options, options.max_iterations);
    if (candidate.validation_loss < best.validation_loss || best.x.size() == 0) {
      best = std::move(candidate);
      best_l2 = l2;
    }
  }

  // Thresholds and held-out metrics from the model fitted without the fold.
  ModelHeader header;
  header.labels = data.labels;
  header.exclusive = exclusive;
  header.features = options.features;
  header.thresholds.assign(labels, 0.5f);
  auto& metrics = header.metrics;
  metrics.emplace_back("examples", double(n));
  metrics.emplace_back("validation_examples", double(validation.size()));
  metrics.emplace_back("l2", best_l2);
  metrics.emplace_back("iterations", double(best.best_iteration));
  if (!validation.empty()) {
    LogisticLoss loss(rows, targets, labels, training, best_l2);
    std::vector<std::vector<double>> p(labels, std::vector<double>(validation.size()));
    std::vector<std::vector<std::uint8_t>> y(labels, std::vector<std::uint8_t>(validation.size()));
    std::vector<double> z(labels);
    std::size_t correct = 0;
    for (std::size_t v = 0; v < validation.size(); ++v) {
      loss.logits(best.x, validation[v], z);
      std::size_t argmax = 0;
      for (std::size_t l = 0; l < labels; ++l) {
        p[l][v] = sigmoid(z[l]);
        y[l][v] = targets[validation[v] * labels + l];
        if (z[l] > z[argmax]) argmax = l;
      }
      correct += targets[validation[v] * labels + argmax];
    }
    PrfCounts micro;
    double macro_f1 = 0.0;
    std::vector<std::pair<std::string, double>> per_label;
    for (std::size_t l = 0; l < labels; ++l) {
      header.thresholds[l] = exclusive
                                 ? 0.5f
                                 : std::max(options.min_threshold,
                                            choose_threshold(p[l], y[l], options.target_precision));
      PrfCounts c;
      for (std::size_t v = 0; v < validation.size(); ++v) {
        const bool predicted = p[l][v] >= header.thresholds[l];
        c.tp += predicted && y[l][v];
        c.fp += predicted && !y[l][v];
        c.fn += !predicted && y[l][v];
      }
      micro += c;
      macro_f1 += c.f1();
      const std::string prefix = "val." + data.labels[l] + ".";
      per_label.emplace_back(prefix + "precision", c.precision());
      per_label.emplace_back(prefix + "recall", c.recall());
      per_label.emplace_back(prefix + "f1", c.f1());
      per_label.emplace_back(prefix + "support", double(c.tp + c.fn));
    }
    metrics.emplace_back("val.loss", best.validation_loss);
    if (exclusive)
      metrics.emplace_back("val.accuracy", double(correct) / double(validation.size()));
    metrics.emplace_back("val.micro_precision", micro.precision());
    metrics.emplace_back("val.micro_recall", micro.recall());
    metrics.emplace_back("val.micro_f1", micro.f1());
    metrics.emplace_back("val.macro_f1", macro_f1 / double(labels));
    metrics.insert(metrics.end(), per_label.begin(), per_label.end());
  }

  Eigen::VectorXd x = best.x;
  const bool refit = options.refit && !validation.empty() && !fixed_validation;
  if (refit) {
    std::vector<std::size_t> all(n);
    std::iota(all.begin(), all.end(), std::size_t{0});
    LogisticLoss loss(rows, targets, labels, all, best_l2);
    // As many iterations as early stopping found best, on all the data.
    x = fit(loss, {}, options, std::max(1, best.best_iteration)).x;
  }
  metrics.emplace_back("refit", refit ? 1.0 : 0.0);

  const std::uint32_t buckets = options.features.buckets();
  Eigen::MatrixXf weights = Eigen::MatrixXf::Zero(static_cast<Eigen::Index>(labels), buckets);
  for (std::size_t c = 0; c < rows.bucket_of_column.size(); ++c) {
    for (std::size_t l = 0; l < labels; ++l) {
      weights(static_cast<Eigen::Index>(l), rows.bucket_of_column[c]) =
          static_cast<float>(x[static_cast<Eigen::Index>(c * labels + l)]);
    }
  }
  Eigen::VectorXf bias(static_cast<Eigen::Index>(labels));
  const std::size_t bias_at = rows.bucket_of_column.size() * labels;
  for (std::size_t l = 0; l < labels; ++l) {
    bias[static_cast<Eigen::Index>(l)] =
        static_cast<float>(x[static_cast<Eigen::Index>(bias_at + l)]);
  }
  header.files = data.files;
  header.featurizer_version = kFeaturizerVersion;
  header.lexicon_version = options.features.lexicon ? data.lexicon_version : std::string();
  // Self-tests: a few training texts, spread over the data, with what this
  // model gives them (text features only: no lexicon or sentiment at load).
  const Model scorer(header, weights, bias);
  std::vector<float> probabilities;
  for (std::size_t t = 0; t < std::min(kSelfTests, n); ++t) {
    const std::string& text =
        data.examples[t * (n - 1) / std::max<std::size_t>(1, kSelfTests - 1)].normalized_text;
    scorer.predict(text, {}, probabilities);
    header.self_tests.push_back({text, probabilities});
  }
  return Model(std::move(header), std::move(weights), std::move(bias));
}

}  // namespace conduct
