// `conduct explain TEXT|PATH`: the analyzer's trace of each document, as text
// (default) or JSON: per sentence, which rules fired, where, which guard
// suppressed a hit, what became of follow-up rules, the model's scores with
// their top features; then the findings and adjustments, exactly those that
// `conduct analyze` reports (the same Analyzer makes both).
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/number_options.h"
#include "cli/resource_options.h"
#include "pipeline/analyzer.h"
#include "read/inputs.h"
#include "report/json_report.h"
#include "report/trace_json.h"

namespace conduct::cli {
namespace {

struct ExplainOptions {
  std::string input;  // text, or a path to a file or folder
  bool json = false;
  std::string format;  // --format
  std::vector<std::string> agent_labels;
  std::vector<std::string> customer_labels;
  std::size_t features = 5;  // --features K: top contributing features shown
  ResourcePaths resources;
};

void print_rule(const Analysis& analysis, const RuleDecision& d, const CategoryTable& names,
                std::ostream& out) {
  const Evidence evidence = evidence_for(analysis, {d.sentence, d.span});
  static constexpr std::string_view kLabels[] = {"fired      ", "suppressed ",  "unconfirmed ",
                                                 "fired      ", "not counted ", "not counted ",
                                                 "said       ", "outside    ",  "answered   "};
  out << "    " << kLabels[static_cast<int>(d.outcome)] << d.rule << "  " << names.name(d.category)
      << "  confidence " << d.confidence << "  about " << to_string(d.about) << "  \""
      << evidence.text << "\" bytes " << evidence.start << "-" << evidence.end;
  if (!d.guard.empty()) out << "  by guard " << d.guard;
  if (d.confirmed_by) out << "  confirmed by [" << *d.confirmed_by + 1 << "]";
  switch (d.outcome) {
    case RuleOutcome::unconfirmed:
      out << "  (no later sentence of the turn within reach matched its 'then')";
      break;
    case RuleOutcome::opposite:
      out << "  (a finding of the opposite kind came between)";
      break;
    case RuleOutcome::already_told:
      out << "  (the confirming sentence is already a finding of the category)";
      break;
    default:
      break;
  }
  out << "\n               rule at " << d.rule_at;
  if (!d.reason.empty()) out << " (" << d.reason << ")";
  out << "\n";
}

void print_model(const Analysis& analysis, const ModelDecision& d, std::ostream& out) {
  const Evidence evidence = evidence_for(analysis, d.at);
  out << "    model      model:" << d.label << "  probability " << d.probability << " (threshold "
      << d.threshold << ", alone floor " << d.alone_floor << ", bias " << d.bias
      << "): " << to_string(d.outcome) << "\n";
  const Sentence& sentence = analysis.sentences[d.sentence];
  if (d.with_previous) {
    out << "               read with the sentence before: \"" << evidence.text << "\" bytes "
        << evidence.start << "-" << evidence.end << "\n";
  } else if (evidence.text.size() < sentence.text.size()) {
    out << "               on the clause \"" << evidence.text << "\" bytes " << evidence.start
        << "-" << evidence.end << "\n";
  }
  for (const FeatureContribution& f : d.features) {
    out << "               " << (f.contribution >= 0 ? "+" : "") << f.contribution << "  "
        << f.feature << "  (weight " << f.weight << " x value " << f.value << ")\n";
  }
}

void print_text(const Analysis& analysis, const Trace& trace, const CategoryTable& names,
                std::ostream& out) {
  out << "# " << analysis.document.id << " (" << to_string(analysis.document.format) << ", "
      << analysis.sentences.size() << " sentences)\n";
  const auto rules_of = by_sentence(trace.rules, analysis.sentences.size());
  const auto model_of = by_sentence(trace.model, analysis.sentences.size());
  for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
    const Sentence& sentence = analysis.sentences[s];
    const Turn& turn = analysis.document.turns[sentence.turn];
    out << "\n[" << s + 1 << "] line " << sentence.line << ", " << turn.speaker << " ("
        << to_string(turn.role) << ", " << to_string(turn.reg) << ") bytes "
        << sentence.original.begin << "-" << sentence.original.end << "\n    " << sentence.text
        << "\n";
    for (const std::size_t d : rules_of[s]) print_rule(analysis, trace.rules[d], names, out);
    if (rules_of[s].empty()) out << "    no rule fired\n";
    for (const std::size_t d : model_of[s]) print_model(analysis, trace.model[d], out);
  }
  out << "\nfindings (as analyze reports them): " << analysis.findings.size() << "\n";
  for (std::size_t f = 0; f < analysis.findings.size(); ++f) {
    const Finding& finding = analysis.findings[f];
    out << "  [" << f << "] " << names.name(finding.category) << "  " << finding.sources.front()
        << (finding.recap ? "  (recap)" : "") << "  \"" << finding.evidence.text << "\" bytes "
        << finding.evidence.start << "-" << finding.evidence.end << "\n";
  }
  for (const AdjustmentDecision& d : trace.adjustments) {
    const Adjustment& adjustment = analysis.adjustments[d.adjustment];
    out << "adjustment " << names.name(adjustment.category) << " " << adjustment.points
        << " (policy: " << d.points_each << " each, cap " << d.cap
        << (d.count_repeats ? ", repeats count" : ", repeats do not count")
        << "): " << adjustment.reason << "\n";
  }
  out << "points " << analysis.points << "\n";
}

int run_explain(ExplainOptions options) {
  const auto analyzer = load_analyzer_or_report(options.resources, "explain");
  if (!analyzer) return kExitUsage;
  ReadOptions read_options;
  read_options.agent_labels = options.agent_labels;
  read_options.customer_labels = options.customer_labels;
  if (!options.format.empty()) read_options.format = parse_format(options.format);

  const auto explain = [&](Document document) {
    Trace trace;
    trace.top_features = options.features;
    const Analysis analysis = analyzer->analyze(std::move(document), &trace);
    if (options.json) {
      std::cout << trace_json(analysis, trace, analyzer->resources()).dump() << "\n";
    } else {
      print_text(analysis, trace, analyzer->resources().policy->names, std::cout);
    }
  };

  std::error_code ec;
  if (!std::filesystem::exists(options.input, ec)) {
    // Text on the command line is read as call notes are.
    auto document = read_document("text", options.input, Format::notes, read_options);
    if (!document) {
      std::cerr << "conduct explain: " << document.error().where_message() << "\n";
      if (options.json)
        std::cout << error_record("text", SourceInfo{}, document.error()).dump() << "\n";
      return kExitSomeFailed;
    }
    explain(std::move(document).value());
    return kExitOk;
  }
  // A path is read exactly as `analyze` reads it, record by record.
  RecordReader reader(expand_inputs({options.input}), read_options);
  InputRecord record;
  bool failed = false;
  while (reader.next(record)) {
    auto document = read_record(record, read_options);
    if (!document) {
      failed = true;
      std::cerr << "conduct explain: " << record.id << ": " << document.error().where_message()
                << "\n";
      if (options.json) {
        std::cout << error_record(record.id, record.source, document.error()).dump() << "\n";
      }
      continue;
    }
    explain(std::move(document).value());
  }
  return failed ? kExitSomeFailed : kExitOk;
}

}  // namespace

void add_explain_command(CLI::App& app, int& exit_status) {
  auto options = std::make_shared<ExplainOptions>();
  auto* command = app.add_subcommand(
      "explain",
      "Show why: for each sentence of TEXT or of the documents at PATH, which rules fired "
      "(id, category, the matched original text with byte offsets), which a guard suppressed, "
      "what became of follow-up rules, the model's scores with their top features; then the "
      "findings and adjustments that `analyze` reports. Exit 2 for a broken configuration, 1 "
      "for an unreadable input.");
  command->add_option("input", options->input, "Notes text, or a path to a file or folder")
      ->required();
  command->add_flag("--json", options->json, "One JSON object per document");
  command->add_option("--format", options->format, "Force the input format")
      ->check(CLI::IsMember(format_choices()));
  add_speaker_label_options(*command, options->agent_labels, options->customer_labels);
  command
      ->add_option("--features", options->features,
                   "Top contributing features shown per model score")
      ->check(whole_number(0, 1000))
      ->capture_default_str();
  add_resource_options(*command, options->resources);
  command->callback([options, &exit_status] { exit_status = run_explain(*options); });
}

}  // namespace conduct::cli
