#include "classify/model.h"

#include <algorithm>
#include <cmath>

#include "core/sha256.h"

namespace conduct {
namespace {

float sigmoid(float z) {
  // Split by sign so that exp never overflows.
  if (z >= 0) return 1.0f / (1.0f + std::exp(-z));
  const float e = std::exp(z);
  return e / (1.0f + e);
}

}  // namespace

Model::Model(ModelHeader header, Eigen::MatrixXf weights, Eigen::VectorXf bias)
    : header_(std::move(header)), weights_(std::move(weights)), bias_(std::move(bias)) {
  version_ =
      "cndm-" + std::to_string(kModelFormatVersion) + ":" + sha256_hex(serialize()).substr(0, 8);
}

Model::Model(ModelHeader header, Eigen::MatrixXf weights, Eigen::VectorXf bias,
             std::string version)
    : header_(std::move(header)),
      weights_(std::move(weights)),
      bias_(std::move(bias)),
      version_(std::move(version)) {}

void Model::predict(std::string_view normalized_text, std::span<const std::string_view> extras,
                    std::vector<float>& probabilities) const {
  FeatureVector scratch;
  predict(normalized_text, extras, scratch, probabilities);
}

void Model::predict(std::string_view normalized_text, std::span<const std::string_view> extras,
                    FeatureVector& scratch, std::vector<float>& probabilities) const {
  extract_features(header_.features, normalized_text, extras, scratch);
  predict_features(scratch, probabilities);
}

void Model::predict_features(const FeatureVector& features,
                             std::vector<float>& probabilities) const {
  const auto labels = static_cast<Eigen::Index>(header_.labels.size());
  probabilities.assign(bias_.data(), bias_.data() + labels);
  for (std::size_t i = 0; i < features.index.size(); ++i) {
    const float* column = weights_.data() + static_cast<std::size_t>(features.index[i]) * labels;
    const float value = features.value[i];
    for (Eigen::Index l = 0; l < labels; ++l) probabilities[l] += column[l] * value;
  }
  for (float& p : probabilities) p = sigmoid(p);
}

std::vector<std::size_t> Model::decide(std::span<const float> probabilities) const {
  std::vector<std::size_t> chosen;
  if (probabilities.empty()) return chosen;
  if (header_.exclusive) {
    chosen.push_back(static_cast<std::size_t>(
        std::max_element(probabilities.begin(), probabilities.end()) - probabilities.begin()));
    return chosen;
  }
  for (std::size_t l = 0; l < probabilities.size(); ++l) {
    if (probabilities[l] >= header_.thresholds[l]) chosen.push_back(l);
  }
  return chosen;
}

std::vector<FeatureContribution> Model::explain(std::string_view normalized_text,
                                                std::span<const std::string_view> extras,
                                                std::size_t label, std::size_t k) const {
  std::vector<FeatureContribution> out;
  if (label >= header_.labels.size()) return out;
  FeatureVector features;
  extract_features(header_.features, normalized_text, extras, features);
  const auto names = feature_names(header_.features, normalized_text, extras);
  for (std::size_t i = 0; i < features.index.size(); ++i) {
    FeatureContribution c;
    c.bucket = features.index[i];
    c.value = features.value[i];
    c.weight = weights_(static_cast<Eigen::Index>(label), static_cast<Eigen::Index>(c.bucket));
    c.contribution = c.weight * c.value;
    // Several tokens may share a bucket; name them all, in sentence order.
    for (const auto& [bucket, name] : names) {
      if (bucket != c.bucket) continue;
      if (!c.feature.empty()) c.feature += " | ";
      c.feature += name;
    }
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const FeatureContribution& a, const FeatureContribution& b) {
    const float x = std::fabs(a.contribution), y = std::fabs(b.contribution);
    return x != y ? x > y : a.bucket < b.bucket;
  });
  if (out.size() > k) out.resize(k);
  return out;
}

}  // namespace conduct
