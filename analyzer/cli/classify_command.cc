// `conduct classify [--model MODEL] [PATH...]`: JSON Lines records with
// "text" in (files, or stdin for none or "-"), one line out per record:
// {"id": ..., "scores": {"label": probability, ...}, "labels": [...]}.
// "labels" holds the labels past their thresholds, or, for a model trained on
// exclusive labels (every record had exactly one), the most probable label.
// A record that cannot be read gives {"id": ..., "error": {...}} and exit 1.
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "classify/examples.h"
#include "classify/labelled_data.h"
#include "classify/model.h"
#include "cli/commands.h"
#include "cli/resource_options.h"
#include "lexicon/lexicon.h"
#include "pipeline/analyzer.h"
#include "sentiment/vader.h"

namespace conduct::cli {
namespace {

struct ClassifyOptions {
  std::filesystem::path model;
  std::vector<std::string> paths;
  std::filesystem::path lexicons;
  std::filesystem::path sentiment_lexicon;
};

using Json = nlohmann::ordered_json;

// Classifies every line of one stream; returns false when a record failed.
bool classify_stream(std::istream& in, const std::string& name, const Model& model,
                     const Resources& resources, std::ostream& out) {
  bool all_ok = true;
  std::string line;
  std::size_t line_number = 0;
  std::vector<float> probabilities;
  FeatureVector scratch;
  std::vector<std::string_view> extras;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto record = parse_labelled_record(line, name, line_number);
    Json result;
    if (record) {
      auto example = make_example(record.value(), name, model.features(), resources.lexicon.get(),
                                  resources.sentiment.get());
      if (example) {
        extras.assign(example.value().extras.begin(), example.value().extras.end());
        model.predict(example.value().normalized_text, extras, scratch, probabilities);
        result["id"] = record.value().id;
        auto& scores = result["scores"] = Json::object();
        for (std::size_t l = 0; l < probabilities.size(); ++l) {
          scores[model.labels()[l]] = probabilities[l];
        }
        auto& labels = result["labels"] = Json::array();
        for (std::size_t l : model.decide(probabilities)) labels.push_back(model.labels()[l]);
        out << result.dump() << "\n";
        continue;
      }
      record = example.error();
    }
    all_ok = false;
    result["id"] = name + ":" + std::to_string(line_number);
    result["error"] = Json{{"code", to_string(record.error().code)},
                           {"message", record.error().message},
                           {"line", line_number}};
    out << result.dump() << "\n";
  }
  return all_ok;
}

int run_classify(const ClassifyOptions& o) {
  const auto model_path = o.model.empty() ? data_dir() / "models/conduct.model" : o.model;
  auto model = Model::load(model_path);
  if (!model) {
    std::cerr << "conduct classify: " << model.error().message << "\n";
    return kExitUsage;
  }
  auto loaded =
      load_feature_resources(model.value().features(), o.lexicons, o.sentiment_lexicon, "classify");
  if (!loaded) return kExitUsage;
  const Resources resources = std::move(*loaded);
  bool all_ok = true;
  std::vector<std::string> paths = o.paths;
  if (paths.empty()) paths.push_back("-");
  for (const auto& path : paths) {
    if (path == "-") {
      all_ok = classify_stream(std::cin, "stdin", model.value(), resources, std::cout) && all_ok;
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "conduct classify: cannot open " << path << "\n";
      return kExitUsage;
    }
    all_ok = classify_stream(in, path, model.value(), resources, std::cout) && all_ok;
  }
  return all_ok ? kExitOk : kExitSomeFailed;
}

}  // namespace

void add_classify_command(CLI::App& app, int& exit_status) {
  auto options = std::make_shared<ClassifyOptions>();
  auto* command = app.add_subcommand(
      "classify",
      "Classify JSON Lines records with \"text\": one line out per record, {\"id\", \"scores\": "
      "{label: probability}, \"labels\": [labels past their thresholds, or the most probable "
      "one for a model of exclusive labels]}. Uses the shipped model unless --model.");
  command->add_option("--model", options->model, "model file (default models/conduct.model)");
  command->add_option("paths", options->paths, "JSON Lines files; none or - for stdin");
  command->add_option("--lexicons", options->lexicons,
                      "lexicon dir (models with lexicon features)");
  command->add_option("--sentiment-lexicon", options->sentiment_lexicon,
                      "VADER lexicon (models with sentiment features)");
  command->callback([options, &exit_status] { exit_status = run_classify(*options); });
}

}  // namespace conduct::cli
