// The model file: magic "CNDM", format version (u32), header, weights, and a
// trailing sha256 of everything before it. All integers little-endian, floats
// IEEE-754 binary32/64, strings u32-length-prefixed; written in one fixed
// order so the same model always gives the same bytes.
//
//   "CNDM" u32 version
//   u32 labels, str label..., u8 exclusive
//   u32 bucket_bits, u64 seed, u8 words, u8 bigrams, u8 chars, u32 char_min,
//   u32 char_max, u8 lexicon, u8 sentiment
//   f32 threshold... (one per label)
//   u32 files, (str name, str sha256)...
//   u32 metrics, (str name, f64 value)...
//   u32 featurizer_version, str lexicon_version,
//   u32 self_tests, (str text, f32 probability per label)...
//   f32 bias... (one per label)
//   u32 columns, (u32 bucket, f32 weight per label)... buckets increasing
//   64 hex digits: sha256 of all the bytes before them
#include <cmath>
#include <fstream>
#include <sstream>

#include "classify/byte_io.h"
#include "classify/model.h"
#include "core/config_file.h"
#include "core/sha256.h"

namespace conduct {
namespace {

constexpr std::string_view kMagic = "CNDM";
constexpr std::size_t kChecksumSize = 64;
constexpr std::uint32_t kMaxLabels = 4096;
constexpr std::uint32_t kMaxBucketBits = 28;

Error bad_model(const std::filesystem::path& path, const std::string& what) {
  return Error{ErrorCode::bad_model,
               "cannot use model " + path.string() + ": " + what +
                   "; retrain it with `conduct train` or pass another file with --model",
               path.string(), 0};
}

}  // namespace

std::string Model::serialize() const {
  ByteWriter w;
  w.raw(kMagic);
  w.u32(kModelFormatVersion);
  w.u32(static_cast<std::uint32_t>(header_.labels.size()));
  for (const auto& label : header_.labels) w.str(label);
  w.u8(header_.exclusive ? 1 : 0);
  const FeatureConfig& f = header_.features;
  w.u32(f.bucket_bits);
  w.u64(f.seed);
  w.u8(f.words);
  w.u8(f.bigrams);
  w.u8(f.chars);
  w.u32(f.char_min);
  w.u32(f.char_max);
  w.u8(f.lexicon);
  w.u8(f.sentiment);
  for (float t : header_.thresholds) w.f32(t);
  w.u32(static_cast<std::uint32_t>(header_.files.size()));
  for (const auto& file : header_.files) {
    w.str(file.name);
    w.str(file.sha256);
  }
  w.u32(static_cast<std::uint32_t>(header_.metrics.size()));
  for (const auto& [name, value] : header_.metrics) {
    w.str(name);
    w.f64(value);
  }
  w.u32(header_.featurizer_version);
  w.str(header_.lexicon_version);
  w.u32(static_cast<std::uint32_t>(header_.self_tests.size()));
  for (const ModelSelfTest& test : header_.self_tests) {
    w.str(test.text);
    for (float p : test.probabilities) w.f32(p);
  }
  const Eigen::Index labels = weights_.rows();
  for (Eigen::Index l = 0; l < labels; ++l) w.f32(bias_[l]);
  std::uint32_t columns = 0;
  for (Eigen::Index c = 0; c < weights_.cols(); ++c) columns += !weights_.col(c).isZero(0.0f);
  w.u32(columns);
  for (Eigen::Index c = 0; c < weights_.cols(); ++c) {
    if (weights_.col(c).isZero(0.0f)) continue;
    w.u32(static_cast<std::uint32_t>(c));
    for (Eigen::Index l = 0; l < labels; ++l) w.f32(weights_(l, c));
  }
  const std::string digest = sha256_hex(w.bytes());
  w.raw(digest);
  return std::move(w.bytes());
}

Result<bool> Model::save(const std::filesystem::path& path) const {
  const std::string bytes = serialize();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    return Error{ErrorCode::io_error, "cannot write model " + path.string(), path.string(), 0};
  }
  return true;
}

Result<Model> Model::load(const std::filesystem::path& path) {
  auto read = read_config_file(path, kMaxModelFileBytes);
  if (!read.ok()) return bad_model(path, "cannot open the file: " + read.error().message);
  const std::string bytes = std::move(read).value();

  if (bytes.size() < 8 || std::string_view(bytes).substr(0, 4) != kMagic) {
    return bad_model(path, "not a conduct model (no CNDM magic)");
  }
  ByteReader r(bytes);
  r.raw(4);
  const std::uint32_t version = r.u32();
  if (version != kModelFormatVersion) {
    return Error{ErrorCode::model_version,
                 "model " + path.string() + " has format version " + std::to_string(version) +
                     " but this conduct reads version " + std::to_string(kModelFormatVersion) +
                     "; retrain it with this version's `conduct train`",
                 path.string(), 0};
  }
  if (bytes.size() < 8 + kChecksumSize) return bad_model(path, "truncated (no checksum)");
  const std::string_view body = std::string_view(bytes).substr(0, bytes.size() - kChecksumSize);
  if (std::string_view(bytes).substr(bytes.size() - kChecksumSize) != sha256_hex(body)) {
    return bad_model(path, "checksum mismatch (the file is truncated or corrupt)");
  }

  ByteReader h(body);
  h.raw(8);
  ModelHeader header;
  const std::uint32_t labels = h.u32();
  if (labels == 0 || labels > kMaxLabels) return bad_model(path, "bad label count");
  for (std::uint32_t l = 0; l < labels; ++l) header.labels.push_back(h.str(4096));
  header.exclusive = h.u8() != 0;
  FeatureConfig& f = header.features;
  f.bucket_bits = h.u32();
  f.seed = h.u64();
  f.words = h.u8() != 0;
  f.bigrams = h.u8() != 0;
  f.chars = h.u8() != 0;
  f.char_min = h.u32();
  f.char_max = h.u32();
  f.lexicon = h.u8() != 0;
  f.sentiment = h.u8() != 0;
  if (!h.ok() || f.bucket_bits == 0 || f.bucket_bits > kMaxBucketBits || f.char_min == 0 ||
      f.char_max < f.char_min || f.char_max > 32) {
    return bad_model(path, "bad feature configuration");
  }
  for (std::uint32_t l = 0; l < labels; ++l) header.thresholds.push_back(h.f32());
  const std::uint32_t files = h.u32();
  for (std::uint32_t i = 0; i < files && h.ok(); ++i) {
    TrainingFile file;
    file.name = h.str(4096);
    file.sha256 = h.str(64);
    header.files.push_back(std::move(file));
  }
  const std::uint32_t metrics = h.u32();
  for (std::uint32_t i = 0; i < metrics && h.ok(); ++i) {
    std::string name = h.str(4096);
    header.metrics.emplace_back(std::move(name), h.f64());
  }
  header.featurizer_version = h.u32();
  header.lexicon_version = h.str(64);
  const std::uint32_t self_tests = h.u32();
  for (std::uint32_t i = 0; i < self_tests && i < 64 && h.ok(); ++i) {
    ModelSelfTest test;
    test.text = h.str(1 << 16);
    for (std::uint32_t l = 0; l < labels; ++l) test.probabilities.push_back(h.f32());
    header.self_tests.push_back(std::move(test));
  }
  Eigen::VectorXf bias(labels);
  for (std::uint32_t l = 0; l < labels; ++l) bias[l] = h.f32();
  const std::uint32_t columns = h.u32();
  const std::uint32_t buckets = f.buckets();
  if (!h.ok() || columns > buckets || h.remaining() != std::size_t{columns} * (4 + 4 * labels)) {
    return bad_model(path, "inconsistent sizes");
  }
  Eigen::MatrixXf weights = Eigen::MatrixXf::Zero(labels, buckets);
  std::uint32_t previous = 0;
  for (std::uint32_t c = 0; c < columns; ++c) {
    const std::uint32_t bucket = h.u32();
    if (bucket >= buckets || (c > 0 && bucket <= previous)) {
      return bad_model(path, "bad weight column " + std::to_string(bucket));
    }
    previous = bucket;
    for (std::uint32_t l = 0; l < labels; ++l) weights(l, bucket) = h.f32();
  }
  if (!h.ok()) return bad_model(path, "truncated weights");
  if (header.featurizer_version != kFeaturizerVersion) {
    return Error{ErrorCode::model_mismatch,
                 "model " + path.string() + " was trained with featurizer version " +
                     std::to_string(header.featurizer_version) +
                     ", this conduct extracts version " + std::to_string(kFeaturizerVersion) +
                     " features; retrain it with this version's `conduct train`",
                 path.string(), 0};
  }
  Model model(std::move(header), std::move(weights), std::move(bias),
              "cndm-" + std::to_string(kModelFormatVersion) + ":" + sha256_hex(bytes).substr(0, 8));
  // The model checks itself: texts it scored when trained must score the
  // same here, or this build reads its features differently.
  std::vector<float> probabilities;
  for (const ModelSelfTest& test : model.header().self_tests) {
    model.predict(test.text, {}, probabilities);
    for (std::size_t l = 0; l < probabilities.size(); ++l) {
      if (std::abs(probabilities[l] - test.probabilities[l]) > kSelfTestTolerance) {
        return Error{ErrorCode::model_mismatch,
                     "model " + path.string() + " fails its self-test: \"" + test.text +
                         "\" scores " + std::to_string(probabilities[l]) + " for " +
                         model.labels()[l] + ", " + std::to_string(test.probabilities[l]) +
                         " when trained; retrain it with this version's `conduct train`",
                     path.string(), 0};
      }
    }
  }
  return model;
}

}  // namespace conduct
