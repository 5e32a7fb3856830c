// Which model findings the analyze pipeline keeps when no rule of their
// category fired: labels the validation fold found precise, past the floor.
#include <gtest/gtest.h>
#include <unistd.h>

#include <Eigen/Core>
#include <filesystem>
#include <string>
#include <vector>

#include "classify/model.h"
#include "pipeline/analyzer.h"
#include "read/reader.h"

namespace conduct {
namespace {

// A model that is sure of both labels on any text: weights zero, bias +5
// (probability 0.993), thresholds 0.5.
Model sure_model(std::vector<std::pair<std::string, double>> metrics) {
  ModelHeader header;
  header.labels = {"unprofessional", "unresponsive"};
  header.features.bucket_bits = 8;
  header.features.bigrams = false;
  header.features.chars = false;
  header.features.lexicon = false;
  header.features.sentiment = false;
  header.thresholds = {0.5f, 0.5f};
  header.files = {{"synthetic.jsonl", std::string(64, '0')}};
  header.metrics = std::move(metrics);
  Eigen::MatrixXf weights = Eigen::MatrixXf::Zero(2, 1 << 8);
  Eigen::VectorXf bias = Eigen::VectorXf::Constant(2, 5.0f);
  return Model(std::move(header), std::move(weights), std::move(bias));
}

// The categories of the model findings on one plain sentence no rule fires on.
std::vector<std::string> model_findings(
    const Model& model,
    const std::string& text = "We walked the dog around the park on Sunday.\n") {
  const auto path = std::filesystem::temp_directory_path() /
                    ("conduct_model_findings_" + std::to_string(::getpid()) + ".model");
  EXPECT_TRUE(model.save(path).ok());
  ResourcePaths paths;
  paths.model = path;
  auto resources = Analyzer::load(paths);
  std::filesystem::remove(path);
  EXPECT_TRUE(resources.ok()) << resources.error().where_message();
  if (!resources.ok()) return {};
  auto document = read_document("notes.txt", text, Format::notes, ReadOptions{});
  EXPECT_TRUE(document.ok());
  std::vector<std::string> categories;
  for (const Finding& f : resources.value().analyze(std::move(document).value()).findings) {
    EXPECT_EQ(f.sources, std::vector<std::string>{"model:" + std::string(to_string(f.category))});
    categories.emplace_back(to_string(f.category));
  }
  return categories;
}

TEST(ModelFindings, ALabelImpreciseOnItsValidationFoldMakesNoFindingAlone) {
  const auto found = model_findings(
      sure_model({{"val.unprofessional.precision", 0.52}, {"val.unresponsive.precision", 0.71}}));
  EXPECT_EQ(found, std::vector<std::string>{"unresponsive"});
}

TEST(ModelFindings, WithoutValidationMetricsEveryLabelMayStandAlone) {
  const auto found = model_findings(sure_model({}));
  EXPECT_EQ(found, (std::vector<std::string>{"unprofessional", "unresponsive"}));
}

TEST(ModelFindings, MisconductIsNeverFoundAloneInTheCustomersOwnConduct) {
  // The model is sure of both labels everywhere (no rule fires on these
  // sentences); where the customer is the one who was furious, neither is the
  // company's misconduct.
  const auto model = sure_model({});
  EXPECT_TRUE(
      model_findings(model, "I was furious with the agent after an hour of waiting.\n").empty());
  EXPECT_EQ(model_findings(model, "The agent was furious with me after an hour of waiting.\n"),
            (std::vector<std::string>{"unprofessional", "unresponsive"}));
}

}  // namespace
}  // namespace conduct
