// `conduct eval --labels FILE.jsonl [--json]`: runs the full analysis on each
// labelled record ({"text": ..., "labels": [...]} or "label"; a record with
// "register": "speech" is read as a transcript turn of its "speaker", any
// other as call notes) and compares the categories found with the labels:
// precision, recall and F1 per category for the rules, the model and both
// combined, per rule, micro and macro averages, and the worst false positives
// and misses quoted.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "classify/evaluation.h"
#include "classify/extras.h"
#include "classify/labelled_data.h"
#include "classify/model.h"
#include "cli/commands.h"
#include "cli/number_options.h"
#include "cli/resource_options.h"
#include "core/finding.h"
#include "normalize/normalizer.h"
#include "pipeline/analyzer.h"
#include "sentiment/vader.h"

namespace conduct::cli {
namespace {

struct EvalOptions {
  std::vector<std::string> labels;
  bool json = false;
  std::size_t top = 5;
  ResourcePaths paths;
};

Document document_for(const LabelledRecord& record) {
  Document document;
  document.id = record.id;
  Turn turn;
  turn.text = record.text;
  turn.end = record.text.size();
  turn.line = 1;
  if (record.register_name == "speech") {
    document.format = Format::text;
    turn.reg = Register::speech;
    turn.speaker = record.speaker.empty() ? "agent" : record.speaker;
    turn.role = turn.speaker == "agent"      ? Role::agent
                : turn.speaker == "customer" ? Role::customer
                                             : Role::unknown;
  } else {
    document.format = Format::notes;
    turn.speaker = "author";
    turn.role = Role::customer;
    turn.reg = Register::report;
  }
  document.turns.push_back(std::move(turn));
  return document;
}

// The model's highest probability per label over the record's sentences,
// with the same extras the pipeline gives it; ranks the misses.
std::map<std::string, double> model_probabilities(const Analysis& analysis, const Model& model) {
  std::map<std::string, double> best;
  std::vector<float> probabilities;
  for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
    std::vector<Category> rule_categories;
    for (std::size_t f = 0; f < analysis.findings.size(); ++f) {
      const auto& sources = analysis.findings[f].sources;
      const bool from_rule = std::any_of(sources.begin(), sources.end(), [](const std::string& x) {
        return x.rfind("rule:", 0) == 0;
      });
      if (analysis.findings[f].sentence == s && from_rule) {
        rule_categories.push_back(analysis.findings[f].category);
      }
    }
    const auto extras =
        sentence_extras(model.features(), rule_categories, analysis.sentence_sentiment[s].compound);
    const std::vector<std::string_view> views(extras.begin(), extras.end());
    model.predict(analysis.sentences[s].normalized_text, views, probabilities);
    for (std::size_t l = 0; l < probabilities.size(); ++l) {
      double& slot = best[model.labels()[l]];
      slot = std::max(slot, static_cast<double>(probabilities[l]));
    }
  }
  return best;
}

int run_eval(const EvalOptions& o) {
  const auto analyzer = Analyzer::load(o.paths);
  if (!analyzer) {
    std::cerr << "conduct eval: " << analyzer.error().where_message() << "\n";
    return kExitUsage;
  }
  const Resources& resources = analyzer.value().resources();
  Evaluation evaluation;
  for (const auto& path : o.labels) {
    auto records = read_labelled_file(path);
    if (!records) {
      std::cerr << "conduct eval: " << records.error().where_message() << "\n";
      return kExitUsage;
    }
    for (const auto& record : records.value()) {
      if (!is_valid_utf8(record.text)) {
        std::cerr << "conduct eval: " << path << ":" << record.line << ": text is not UTF-8\n";
        return kExitUsage;
      }
      const Analysis analysis = analyzer.value().analyze(document_for(record));
      std::vector<FoundCategory> found;
      for (const Finding& finding : analysis.findings) {
        found.push_back({std::string(resources.policy->names.name(finding.category)),
                         finding.sources, finding.confidence, finding.evidence.text});
      }
      std::map<std::string, double> probabilities;
      if (resources.model) {
        probabilities = model_probabilities(analysis, *resources.model);
      }
      evaluation.add(record.id, record.text, record.labels, found, probabilities);
    }
  }
  if (o.json) {
    auto out = evaluation.to_json(o.top);
    out["versions"] = {{"lexicons", resources.lexicon_version}, {"model", resources.model_version}};
    std::cout << out.dump() << "\n";
  } else {
    std::cout << "lexicons " << resources.lexicon_version << ", model " << resources.model_version
              << "\n"
              << evaluation.to_text(o.top);
  }
  return kExitOk;
}

}  // namespace

void add_eval_command(CLI::App& app, int& exit_status) {
  auto options = std::make_shared<EvalOptions>();
  auto* command = app.add_subcommand(
      "eval",
      "Precision, recall and F1 per category (rules, model, combined) and per rule against "
      "labelled JSON Lines records {\"text\": ..., \"labels\": [...]}; micro and macro averages; "
      "the worst false positives and misses quoted.");
  command->add_option("--labels", options->labels, "labelled JSON Lines files")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_flag("--json", options->json, "one JSON object instead of tables");
  command->add_option("--top", options->top, "false positives and misses to quote")
      ->check(whole_number(0, 1'000'000))
      ->capture_default_str();
  // The same configuration options as analyze (--lexicons, --model,
  // --no-model, the model-finding bars, --policy, ...).
  add_resource_options(*command, options->paths);
  command->callback([options, &exit_status] { exit_status = run_eval(*options); });
}

}  // namespace conduct::cli
