#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "classify/model.h"
#include "core/sha256.h"
#include "test_support.h"

namespace conduct {
namespace {

ModelHeader small_header() {
  ModelHeader header;
  header.labels = {"rude", "kind"};
  header.features.bucket_bits = 8;
  header.thresholds = {0.4f, 0.6f};
  header.files = {{"data.jsonl", std::string(64, 'a')}};
  header.metrics = {{"val.micro_f1", 0.75}};
  return header;
}

// The same weights under any header.
Model small_model(ModelHeader header = small_header()) {
  Eigen::MatrixXf weights = Eigen::MatrixXf::Zero(2, 256);
  weights(0, 3) = 1.5f;
  weights(1, 3) = -0.5f;
  weights(1, 200) = 2.0f;
  Eigen::VectorXf bias(2);
  bias << -1.0f, 0.25f;
  return Model(header, weights, bias);
}

class ModelFile : public ::testing::Test {
 protected:
  std::filesystem::path path_ = std::filesystem::temp_directory_path() /
                                ("conduct_model_test_" + std::to_string(::getpid()) + ".cndm");
  void TearDown() override { std::filesystem::remove(path_); }
  void write(const std::string& bytes) {
    std::ofstream(path_, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
  }
};

TEST_F(ModelFile, RoundTripKeepsEverything) {
  const Model model = small_model();
  ASSERT_TRUE(model.save(path_).ok());
  auto loaded = Model::load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const Model& m = loaded.value();
  EXPECT_EQ(m.labels(), model.labels());
  EXPECT_EQ(m.thresholds(), model.thresholds());
  EXPECT_EQ(m.header().files[0].name, "data.jsonl");
  EXPECT_EQ(m.header().metrics, model.header().metrics);
  EXPECT_EQ(m.features(), model.features());
  EXPECT_EQ(m.serialize(), model.serialize());
  EXPECT_EQ(m.version(), model.version());
  const std::string bytes = testing::read_file(path_);
  EXPECT_EQ(m.version(), "cndm-2:" + sha256_hex(bytes).substr(0, 8));
  EXPECT_EQ(bytes.substr(0, 4), "CNDM");
  EXPECT_EQ(m.bias(0), -1.0f);
  EXPECT_EQ(m.bias(1), 0.25f);
}

// A model checks itself at load: the featurizer version it was trained with,
// and texts it scored then, scored again now.
TEST_F(ModelFile, SelfTestsAndFeaturizerVersionAreChecked) {
  Model plain = small_model();
  std::vector<float> probabilities;
  plain.predict("you are rude", {}, probabilities);
  ModelHeader header = plain.header();
  header.lexicon_version = "lex-01234567";
  header.self_tests = {{"you are rude", probabilities}};

  ASSERT_TRUE(small_model(header).save(path_).ok());
  auto good = Model::load(path_);
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(good.value().header().lexicon_version, "lex-01234567");
  ASSERT_EQ(good.value().header().self_tests.size(), 1u);
  EXPECT_EQ(good.value().header().self_tests[0].probabilities, probabilities);

  ModelHeader drifted = header;
  drifted.self_tests[0].probabilities[1] += 0.01f;  // as if this build scored it otherwise
  ASSERT_TRUE(small_model(drifted).save(path_).ok());
  auto failed = Model::load(path_);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::model_mismatch);
  EXPECT_NE(failed.error().message.find("fails its self-test"), std::string::npos);

  ModelHeader other = header;
  other.featurizer_version = kFeaturizerVersion + 1;
  ASSERT_TRUE(small_model(other).save(path_).ok());
  auto foreign = Model::load(path_);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, ErrorCode::model_mismatch);
  EXPECT_NE(foreign.error().message.find("featurizer version"), std::string::npos);
}

TEST_F(ModelFile, WrongVersionIsRefused) {
  std::string bytes = small_model().serialize();
  bytes[4] = 7;  // format version 7
  write(bytes);
  auto loaded = Model::load(path_);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, ErrorCode::model_version);
  EXPECT_NE(loaded.error().message.find("version 7"), std::string::npos);
  EXPECT_NE(loaded.error().message.find(path_.string()), std::string::npos);
}

TEST_F(ModelFile, TruncatedCorruptAndForeignFilesAreRefused) {
  const std::string bytes = small_model().serialize();
  write(bytes.substr(0, bytes.size() - 10));
  auto truncated = Model::load(path_);
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().code, ErrorCode::bad_model);

  std::string flipped = bytes;
  flipped[40] ^= 0x01;
  write(flipped);
  auto corrupt = Model::load(path_);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_EQ(corrupt.error().code, ErrorCode::bad_model);
  EXPECT_NE(corrupt.error().message.find("checksum"), std::string::npos);

  write("{\"not\": \"a model\"}");
  auto foreign = Model::load(path_);
  ASSERT_FALSE(foreign.ok());
  EXPECT_EQ(foreign.error().code, ErrorCode::bad_model);

  auto missing = Model::load(path_.string() + ".absent");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::bad_model);
}

TEST(Model, PredictAndExplainFromKnownWeights) {
  FeatureConfig config;
  config.bucket_bits = 8;
  config.bigrams = false;
  FeatureVector v;
  extract_features(config, "hello", {}, v);
  ASSERT_EQ(v.index.size(), 1u);
  ModelHeader header;
  header.labels = {"a", "b"};
  header.features = config;
  header.thresholds = {0.5f, 0.9f};
  Eigen::MatrixXf weights = Eigen::MatrixXf::Zero(2, 256);
  weights(0, v.index[0]) = 2.0f;
  weights(1, v.index[0]) = -1.0f;
  Eigen::VectorXf bias = Eigen::VectorXf::Zero(2);
  const Model model(header, weights, bias);
  std::vector<float> p;
  model.predict("hello", {}, p);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NEAR(p[0], 1.0 / (1.0 + std::exp(-2.0)), 1e-6);
  EXPECT_NEAR(p[1], 1.0 / (1.0 + std::exp(1.0)), 1e-6);
  EXPECT_EQ(model.decide(p), (std::vector<std::size_t>{0}));
  const auto top = model.explain("hello", {}, 0, 3);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].feature, "w:hello");
  EXPECT_FLOAT_EQ(top[0].contribution, 2.0f);
  EXPECT_TRUE(model.explain("hello", {}, 5, 3).empty());
}

}  // namespace
}  // namespace conduct
