// Options shared by every command that loads the configuration.
#pragma once

#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "classify/features.h"
#include "cli/number_options.h"
#include "pipeline/analyzer.h"

namespace conduct::cli {

/// Adds --lexicons, --model, --no-model, --model-alone-floor,
/// --model-clauses, --no-model-pairs, --policy, --sentiment-lexicon,
/// --no-cache; the cache folder starts as default_cache_folder().
inline void add_resource_options(CLI::App& command, ResourcePaths& paths) {
  paths.cache_folder = default_cache_folder();
  command.add_flag_callback(
      "--no-cache", [&paths] { paths.cache_folder.clear(); },
      "Compile and check every rule at start-up, not only those not checked on an earlier run");
  command.add_option("--lexicons", paths.lexicons, "Lexicon folder (default: lexicons/)");
  command.add_option("--model", paths.model, "Classifier model (default: models/conduct.model)");
  command.add_flag("!--no-model", paths.use_model, "Rules only: do not run the classifier");
  command
      .add_option("--model-alone-floor", paths.model_findings.alone_floor,
                  "Least probability of a model finding where no rule of its category fired")
      ->check(finite_range(0.0, 1.0))
      ->capture_default_str();
  command
      .add_option("--model-alone-margin", paths.model_findings.alone_margin,
                  "... and at least this much above the category's own model threshold")
      ->check(finite_range(0.0, 1.0))
      ->capture_default_str();
  command
      .add_option("--model-trusted-precision", paths.model_findings.trusted_precision,
                  "A category whose validation precision in the model stayed below this makes no "
                  "finding alone")
      ->check(finite_range(0.0, 1.0))
      ->capture_default_str();
  command.add_flag("--model-clauses,!--no-model-clauses", paths.model_findings.clauses,
                   "Score long sentences clause by clause too, not only as a whole");
  command.add_flag("!--no-model-pairs", paths.model_findings.pairs,
                   "Do not read adjacent sentences of notes or customer turns together");
  command.add_option("--policy", paths.policy, "Point policy (default: lexicons/policy.toml)");
  command.add_option("--sentiment-lexicon", paths.sentiment_lexicon,
                     "VADER-format lexicon (default: lexicons/vader_lexicon.txt)");
  command.add_option("--sentiment-model", paths.sentiment_model,
                     "Customer-sentiment model (default: models/sentiment.model when present)");
  command.add_flag("!--no-sentiment-model", paths.use_sentiment_model,
                   "Speakers' sentiment by VADER's compound alone");
}

/// Adds --agent-label and --customer-label: one label per use, repeatable
/// ("--agent-label Rep --agent-label Supervisor"), so that a label is never
/// followed by a path the option would swallow.
inline void add_speaker_label_options(CLI::App& command, std::vector<std::string>& agent_labels,
                                      std::vector<std::string>& customer_labels) {
  command
      .add_option("--agent-label", agent_labels,
                  "A speaker label that is the agent (repeat for more); the other labels are "
                  "still inferred")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  command
      .add_option("--customer-label", customer_labels,
                  "A speaker label that is the customer (repeat for more)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

/// Loads the resources or prints the configuration error; nullopt means exit 2.
inline std::optional<Resources> load_resources_or_report(const ResourcePaths& paths,
                                                         std::string_view command) {
  auto resources = Resources::load(paths);
  if (!resources) {
    std::cerr << "conduct " << command << ": " << resources.error().where_message() << "\n";
    return std::nullopt;
  }
  return std::move(resources).value();
}

/// Loads the analyzer or prints the configuration error; nullopt means exit 2.
inline std::optional<Analyzer> load_analyzer_or_report(const ResourcePaths& paths,
                                                       std::string_view command) {
  auto analyzer = Analyzer::load(paths);
  if (!analyzer) {
    std::cerr << "conduct " << command << ": " << analyzer.error().where_message() << "\n";
    return std::nullopt;
  }
  return std::move(analyzer).value();
}

/// The lexicon and sentiment resources that a feature configuration reads
/// (none when it uses neither); nullopt after reporting an error (exit 2).
inline std::optional<Resources> load_feature_resources(const FeatureConfig& features,
                                                       const std::filesystem::path& lexicons,
                                                       const std::filesystem::path& sentiment,
                                                       std::string_view command) {
  if (!features.lexicon && !features.sentiment) return Resources{};
  ResourcePaths paths;
  paths.lexicons = lexicons;
  paths.sentiment_lexicon = sentiment;
  paths.use_model = false;
  return load_resources_or_report(paths, command);
}

}  // namespace conduct::cli
