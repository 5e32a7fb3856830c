// `conduct model info [FILE]`: what a model file says of itself: format and
// featurizer versions, the lexicons it was trained with, labels and
// thresholds, features, training files, held-out metrics and self-tests.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "classify/model.h"
#include "cli/commands.h"
#include "pipeline/resources.h"

namespace conduct::cli {
namespace {

struct ModelInfoOptions {
  std::string model;  // default: the shipped model
  bool json = false;
};

nlohmann::ordered_json header_json(const Model& model) {
  const ModelHeader& h = model.header();
  nlohmann::ordered_json out;
  out["version"] = model.version();
  out["format_version"] = kModelFormatVersion;
  out["featurizer_version"] = h.featurizer_version;
  out["lexicon_version"] = h.lexicon_version;
  out["labels"] = h.labels;
  out["exclusive"] = h.exclusive;
  out["thresholds"] = h.thresholds;
  const FeatureConfig& f = h.features;
  out["features"] = {
      {"bucket_bits", f.bucket_bits}, {"seed", f.seed},       {"words", f.words},
      {"bigrams", f.bigrams},         {"chars", f.chars},     {"char_min", f.char_min},
      {"char_max", f.char_max},       {"lexicon", f.lexicon}, {"sentiment", f.sentiment}};
  auto& files = out["files"] = nlohmann::ordered_json::array();
  for (const TrainingFile& file : h.files) {
    files.push_back({{"name", file.name}, {"sha256", file.sha256}});
  }
  auto& metrics = out["metrics"] = nlohmann::ordered_json::object();
  for (const auto& [name, value] : h.metrics) metrics[name] = value;
  auto& tests = out["self_tests"] = nlohmann::ordered_json::array();
  for (const ModelSelfTest& test : h.self_tests) {
    tests.push_back({{"text", test.text}, {"probabilities", test.probabilities}});
  }
  return out;
}

int run_model_info(const ModelInfoOptions& options) {
  const std::filesystem::path path = options.model.empty() ? data_dir() / "models/conduct.model"
                                                           : std::filesystem::path(options.model);
  auto model = Model::load(path);
  if (!model) {
    std::cerr << "conduct model info: " << model.error().where_message() << "\n";
    return kExitUsage;
  }
  const auto info = header_json(model.value());
  if (options.json) {
    std::cout << info.dump() << "\n";
    return kExitOk;
  }
  std::cout << "model " << path.string() << "\n";
  for (const auto& [key, value] : info.items()) {
    if (key == "self_tests" || key == "metrics" || key == "files") continue;
    std::cout << "  " << key << ": " << value.dump() << "\n";
  }
  std::cout << "  files:\n";
  for (const auto& file : info["files"]) {
    std::cout << "    " << file["name"].get<std::string>() << "  "
              << file["sha256"].get<std::string>() << "\n";
  }
  std::cout << "  metrics:\n";
  for (const auto& [name, value] : info["metrics"].items()) {
    std::cout << "    " << name << " " << value.dump() << "\n";
  }
  std::cout << "  self-tests (checked at every load):\n";
  for (const auto& test : info["self_tests"]) {
    std::cout << "    \"" << test["text"].get<std::string>() << "\"\n";
  }
  return kExitOk;
}

}  // namespace

void add_model_command(CLI::App& app, int& exit_status) {
  auto* model = app.add_subcommand("model", "Inspect a model file.");
  model->require_subcommand(1);
  auto options = std::make_shared<ModelInfoOptions>();
  auto* info = model->add_subcommand(
      "info",
      "Print a model's header: versions (format, featurizer, lexicons it was trained with), "
      "labels, thresholds, features, training files, held-out metrics, self-tests. Exit 2 for "
      "a model that is missing, corrupt, of another version or fails its self-test.");
  info->add_option("model", options->model, "Model file (default: the shipped model)");
  info->add_flag("--json", options->json, "One JSON object");
  info->callback([options, &exit_status] { exit_status = run_model_info(*options); });
}

}  // namespace conduct::cli
