// `conduct train --data FILE.jsonl... --out MODEL`: trains the classifier on
// JSON Lines records {"text": ..., "labels": [...]} (or "label": "x"); the
// label set is whatever the data holds. Seeded and reproducible: the same
// files and options give the same model bytes. Prints held-out metrics.
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "classify/examples.h"
#include "classify/labelled_data.h"
#include "classify/trainer.h"
#include "cli/commands.h"
#include "cli/number_options.h"
#include "cli/resource_options.h"
#include "lexicon/lexicon.h"
#include "pipeline/analyzer.h"
#include "sentiment/vader.h"

namespace conduct::cli {
namespace {

struct TrainCommandOptions {
  std::vector<std::string> data;
  std::vector<std::string> validation_data;
  std::string out;
  std::string features = "words,bigrams";
  std::uint32_t bucket_bits = 20;
  std::uint64_t seed = 1;
  std::vector<double> l2 = TrainOptions{}.l2;
  double validation = 0.2;
  int max_iterations = 300;
  bool no_refit = false;
  float min_threshold = 0.0f;
  double target_precision = 0.0;
  bool json = false;
  std::filesystem::path lexicons;
  std::filesystem::path sentiment_lexicon;
};

int run_train(const TrainCommandOptions& o) {
  TrainOptions options;
  options.seed = o.seed;
  options.features.bucket_bits = o.bucket_bits;
  if (std::string unknown = parse_feature_list(o.features, options.features); !unknown.empty()) {
    std::cerr << "conduct train: unknown feature \"" << unknown
              << "\" (use words,bigrams,chars,lexicon,sentiment)\n";
    return kExitUsage;
  }
  if (o.bucket_bits < 10 || o.bucket_bits > 24) {
    std::cerr << "conduct train: --bucket-bits must be in 10..24\n";
    return kExitUsage;
  }
  options.l2 = o.l2;
  options.validation_fraction = o.validation;
  options.max_iterations = o.max_iterations;
  options.refit = !o.no_refit;
  options.min_threshold = o.min_threshold;
  options.target_precision = o.target_precision;

  // Lexicon and sentiment are loaded only when the features use them.
  auto loaded = load_feature_resources(options.features, o.lexicons, o.sentiment_lexicon, "train");
  if (!loaded) return kExitUsage;
  const Resources resources = std::move(*loaded);

  std::vector<std::pair<std::string, std::vector<LabelledRecord>>> files;
  std::vector<LabelledRecord> all;
  TrainingData data;
  // Training files first, then the validation files: the examples from the
  // first validation record on are the validation set.
  std::size_t training_records = 0;
  for (const auto* paths : {&o.data, &o.validation_data}) {
    for (const auto& path : *paths) {
      std::string digest;
      auto records = read_labelled_file(path, &digest);
      if (!records) {
        std::cerr << "conduct train: " << records.error().where_message() << "\n";
        return kExitUsage;
      }
      data.files.push_back({std::filesystem::path(path).filename().string(), digest});
      all.insert(all.end(), records.value().begin(), records.value().end());
      files.emplace_back(path, std::move(records).value());
    }
    if (paths == &o.data) training_records = all.size();
  }
  if (!o.validation_data.empty()) data.fixed_validation_begin = training_records;
  data.labels = label_set(all);
  if (resources.lexicon) data.lexicon_version = resources.lexicon_version;
  if (data.labels.empty()) {
    std::cerr << "conduct train: the data holds no labels\n";
    return kExitUsage;
  }
  for (const auto& [path, records] : files) {
    for (const auto& record : records) {
      auto example = make_example(record, path, options.features, resources.lexicon.get(),
                                  resources.sentiment.get());
      if (!example) {
        std::cerr << "conduct train: " << example.error().where_message() << "\n";
        return kExitUsage;
      }
      for (const auto& label : record.labels) {
        example.value().labels.push_back(static_cast<std::size_t>(
            std::lower_bound(data.labels.begin(), data.labels.end(), label) - data.labels.begin()));
      }
      std::sort(example.value().labels.begin(), example.value().labels.end());
      data.examples.push_back(std::move(example).value());
    }
  }
  auto model = train(data, options);
  if (!model) {
    std::cerr << "conduct train: " << model.error().message << "\n";
    return kExitUsage;
  }
  if (auto saved = model.value().save(o.out); !saved) {
    std::cerr << "conduct train: " << saved.error().message << "\n";
    return kExitUsage;
  }
  const auto& header = model.value().header();
  if (o.json) {
    nlohmann::ordered_json out;
    out["model"] = o.out;
    out["version"] = model.value().version();
    out["labels"] = header.labels;
    out["exclusive"] = header.exclusive;
    out["thresholds"] = header.thresholds;
    out["features"] = feature_list(header.features);
    auto& metrics = out["metrics"] = nlohmann::ordered_json::object();
    for (const auto& [name, value] : header.metrics) metrics[name] = value;
    std::cout << out.dump() << "\n";
    return kExitOk;
  }
  std::ostringstream text;
  text << std::setprecision(4);
  text << "model " << o.out << " (" << model.value().version() << "), " << header.labels.size()
       << " labels" << (header.exclusive ? " (exclusive: argmax decides)" : "") << ", features "
       << feature_list(header.features) << "\n";
  for (const auto& [name, value] : header.metrics) {
    if (name.rfind("val.", 0) == 0 && name.find('.', 4) != std::string::npos) continue;
    text << "  " << name << " " << value << "\n";
  }
  text << "  held-out (validation fold) per label: precision recall f1 support threshold\n";
  for (std::size_t l = 0; l < header.labels.size(); ++l) {
    const std::string prefix = "val." + header.labels[l] + ".";
    auto metric = [&](const std::string& name) {
      for (const auto& [key, value] : header.metrics) {
        if (key == prefix + name) return value;
      }
      return 0.0;
    };
    text << "  " << std::left << std::setw(16) << header.labels[l] << std::right << " "
         << metric("precision") << " " << metric("recall") << " " << metric("f1") << " "
         << static_cast<int>(metric("support")) << " " << header.thresholds[l] << "\n";
  }
  std::cout << text.str();
  return kExitOk;
}

}  // namespace

void add_train_command(CLI::App& app, int& exit_status) {
  auto options = std::make_shared<TrainCommandOptions>();
  auto* command = app.add_subcommand(
      "train",
      "Train the classifier on JSON Lines records {\"text\": ..., \"labels\": [...]} (or "
      "\"label\": \"x\"); the label set is whatever the data holds. Seeded: the same data and "
      "options give the same model bytes. When every record has exactly one label the labels "
      "are exclusive and `classify` picks the most probable one; otherwise each label has its "
      "own threshold, chosen for F1 on the validation fold.");
  command->add_option("--data", options->data, "JSON Lines training files")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--out", options->out, "model file to write")->required();
  command
      ->add_option("--features", options->features,
                   "comma-separated: words,bigrams,chars,lexicon,sentiment")
      ->capture_default_str();
  command->add_option("--bucket-bits", options->bucket_bits, "2^N hashed feature buckets (10..24)")
      ->check(whole_number(10, 24))
      ->capture_default_str();
  command->add_option("--seed", options->seed, "seed of the validation split")
      ->check(whole_number(0, std::numeric_limits<std::int64_t>::max()))
      ->capture_default_str();
  command
      ->add_option("--l2", options->l2, "L2 strengths to try; the best on the validation fold wins")
      ->delimiter(',')
      ->check(finite_range(0.0, 1e6));
  command->add_option("--validation", options->validation, "validation fraction (0 for none)")
      ->check(finite_range(0.0, 0.99))
      ->capture_default_str();
  command
      ->add_option("--validation-data", options->validation_data,
                   "JSON Lines files that are the validation set instead of a share of --data "
                   "(l2, iterations and thresholds are chosen on them; the model is never fitted "
                   "on them)")
      ->check(CLI::ExistingFile);
  command->add_option("--max-iterations", options->max_iterations, "L-BFGS iterations at most")
      ->check(whole_number(1, 1'000'000))
      ->capture_default_str();
  command->add_flag("--no-refit", options->no_refit,
                    "keep the model fitted without the validation fold (default: refit on all)");
  command
      ->add_option("--min-threshold", options->min_threshold,
                   "floor of the per-label thresholds (for text where labels are rarer than "
                   "in the training data)")
      ->check(finite_range(0.0, 1.0))
      ->capture_default_str();
  command
      ->add_option("--target-precision", options->target_precision,
                   "choose each threshold as the lowest reaching this validation precision "
                   "(default 0: best F1)")
      ->check(finite_range(0.0, 1.0))
      ->capture_default_str();
  command->add_flag("--json", options->json, "print the metrics as one JSON object");
  command->add_option("--lexicons", options->lexicons, "lexicon dir (lexicon features)");
  command->add_option("--sentiment-lexicon", options->sentiment_lexicon,
                      "VADER lexicon (sentiment features)");
  command->callback([options, &exit_status] { exit_status = run_train(*options); });
}

}  // namespace conduct::cli
