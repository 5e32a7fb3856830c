// `conduct analyze [PATH...]`: the main job, one JSON object per document.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "cli/resource_options.h"
#include "pipeline/batch.h"
#include "read/inputs.h"
#include "report/json_report.h"

namespace conduct::cli {
namespace {

struct AnalyzeOptions {
  std::vector<std::string> paths;
  std::string output;
  std::string format;
  std::vector<std::string> agent_labels;
  std::vector<std::string> customer_labels;
  std::string columns;
  unsigned jobs = 0;
  bool pretty = false;
  bool detail = false;
  int progress = 0;  // > 0 on, < 0 off, 0 when stderr is a terminal
  std::size_t max_bytes = std::size_t{256} << 20;
  ResourcePaths resources;
};

int run_analyze(const AnalyzeOptions& options) {
  ReadOptions read_options;
  read_options.agent_labels = options.agent_labels;
  read_options.customer_labels = options.customer_labels;
  if (!options.format.empty()) read_options.format = parse_format(options.format);
  if (!options.columns.empty()) {
    auto columns = parse_csv_columns(options.columns);
    if (!columns.ok()) {
      std::cerr << "conduct analyze: --columns: " << columns.error().message << "\n";
      return kExitUsage;
    }
    read_options.columns = std::move(columns).value();
  }

  const auto analyzer = load_analyzer_or_report(options.resources, "analyze");
  if (!analyzer) return kExitUsage;

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!options.output.empty() && options.output != "-") {
    file.open(options.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "conduct analyze: cannot write " << options.output << "\n";
      return kExitUsage;
    }
    out = &file;
  }

  const unsigned jobs =
      options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  const bool progress = options.progress != 0 ? options.progress > 0 : isatty(STDERR_FILENO) != 0;
  const ReportOptions report{options.detail};
  const int indent = options.pretty ? 2 : -1;

  RecordReader reader(expand_inputs(options.paths), read_options, {options.max_bytes});
  auto process = [&](const InputRecord& record) -> RecordOutput {
    auto document = read_record(record, read_options);
    if (!document) {
      Error error = document.error();
      return {error_record(record.id, record.source, error).dump(indent), true};
    }
    Analysis analysis = analyzer->analyze(std::move(document).value());
    return {result_record(analysis, record.source, analyzer->resources(), report).dump(indent),
            false};
  };

  bool first = true;
  if (options.pretty) *out << "[\n";
  std::size_t emitted = 0;
  auto emit = [&](const RecordOutput& output) {
    if (options.pretty && !first) *out << ",\n";
    first = false;
    *out << output.text;
    if (!options.pretty) *out << '\n';
    if (progress && ++emitted % 64 == 0) std::cerr << "\rconduct: " << emitted << " documents";
  };
  auto on_failure = [&](const InputRecord& record, const std::string& what) -> RecordOutput {
    Error error{ErrorCode::internal_error, "analysis failed: " + what, record.source.path,
                record.source.record};
    return {error_record(record.id, record.source, error)
                .dump(indent, ' ', false, nlohmann::json::error_handler_t::replace),
            true};
  };
  const BatchCounts counts = run_batch(reader, jobs, process, emit, on_failure);
  if (options.pretty) *out << (first ? "]\n" : "\n]\n");
  out->flush();
  if (progress) {
    std::cerr << "\rconduct: " << counts.records << " documents, " << counts.errors << " errors\n";
  }
  return counts.errors > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void add_analyze_command(CLI::App& app, int& exit_status) {
  auto options = std::make_shared<AnalyzeOptions>();
  auto* command = app.add_subcommand(
      "analyze",
      "Analyse call notes and transcripts: findings with evidence, sentiment and "
      "suggested point adjustments, one JSON object per document (JSON Lines).");
  command->add_option("paths", options->paths,
                      "Files, folders (recursive), globs, or - for stdin (the default)");
  command->add_option("-o,--output", options->output, "Write to FILE instead of stdout");
  command->add_flag("--pretty", options->pretty, "One indented JSON document (an array)");
  command->add_option("--format", options->format, "Force the input format")
      ->check(CLI::IsMember(format_choices()));
  command->add_option("-j,--jobs", options->jobs, "Threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  command->add_flag("--detail", options->detail, "Add per-turn and per-sentence results");
  command->add_flag("--progress,!--no-progress", options->progress,
                    "Progress on stderr (default: when stderr is a terminal)");
  add_speaker_label_options(*command, options->agent_labels, options->customer_labels);
  command->add_option("--columns", options->columns,
                      "CSV/TSV header names of the columns, e.g. "
                      "id=call,speaker=who,role=side,text=said,start=t0,end=t1 (default: "
                      "common names such as conversation_id, speaker, role, text, start_time)");
  command->add_option("--max-bytes", options->max_bytes,
                      "Largest file or JSON Lines record analysed (default 256 MiB)");
  add_resource_options(*command, options->resources);
  command->callback([options, &exit_status] { exit_status = run_analyze(*options); });
}

}  // namespace conduct::cli
