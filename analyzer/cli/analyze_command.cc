// `conduct analyze [PATH...]`: the main job, one JSON object per document.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "cli/number_options.h"
#include "cli/progress.h"
#include "cli/record_sink.h"
#include "cli/resource_options.h"
#include "cli/stop_signal.h"
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
  bool quiet = false;
  int progress = 0;  // > 0 on, < 0 off, 0 when stderr is a terminal
  int summary = 0;   // the same
  std::size_t max_bytes = std::size_t{256} << 20;
  ReadLimits limits;
  ResourcePaths resources;
};

// More threads than this many per core only cost memory: --jobs is capped
// there, which changes no output (it is the same whatever the thread count).
constexpr unsigned kThreadsPerCore = 4;

unsigned thread_count(unsigned asked) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return asked > 0 ? std::min(asked, cores * kThreadsPerCore) : cores;
}

int run_analyze(const AnalyzeOptions& options) {
  ReadOptions read_options;
  read_options.limits = options.limits;
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

  auto sink = RecordSink::open(options.output);
  if (!sink.ok()) {
    std::cerr << "conduct analyze: " << sink.error().message << "\n";
    return kExitUsage;
  }
  RecordSink& out = sink.value();

  // Both lines are for people: on by default only when stderr is a terminal,
  // so that a script's `2>&1` never mixes them into the records.
  const bool terminal = isatty(STDERR_FILENO) != 0;
  const bool progress = !options.quiet && (options.progress != 0 ? options.progress > 0 : terminal);
  const bool summary = !options.quiet && (options.summary != 0 ? options.summary > 0 : terminal);
  const ReportOptions report{options.detail};
  const int indent = options.pretty ? 2 : -1;

  std::vector<InputPath> inputs = expand_inputs(options.paths);
  std::optional<ProgressLine> progress_line;
  if (progress) progress_line.emplace(total_input_bytes(inputs));
  RecordReader reader(std::move(inputs), read_options, {options.max_bytes});
  reader.stop_when(stop_on_signals());
  auto process = [&](InputRecord& record) -> RecordOutput {
    auto document = read_record(record, read_options);
    std::string().swap(record.bytes);  // the document holds its own text
    if (!document) {
      const Error& error = document.error();
      return {error_record(record.id, record.source, error).dump(indent), true};
    }
    Analysis analysis = analyzer->analyze(std::move(document).value());
    const Resources& resources = analyzer->resources();
    if (!report.detail) {
      return {result_record_text(analysis, record.source, resources, report, indent), false,
              analysis.points};
    }
    // A detailed record is several times the size of its input: it is
    // written piece by piece when its turn to be emitted comes, never held
    // whole. Checked first, so that what would fail (a string that is not
    // UTF-8) fails here and makes the error record.
    check_result_record(analysis, record.source, resources, report);
    auto kept = std::make_shared<const Analysis>(std::move(analysis));
    RecordOutput output{{}, false, kept->points};
    output.write_pieces = [kept, source = record.source, &resources, &report,
                           indent](const std::function<void(std::string_view)>& write) {
      write_result_record(*kept, source, resources, report, indent, write);
    };
    return output;
  };

  bool first = true;
  if (options.pretty) out.write("[\n");
  std::size_t emitted = 0;
  long long points = 0;
  auto emit = [&](const RecordOutput& output) {
    if (options.pretty && !first) out.write(",\n");
    first = false;
    if (output.write_pieces) {
      output.write_pieces([&out](std::string_view piece) { out.write(piece); });
    } else {
      out.write(output.text);
    }
    if (!options.pretty) out.write("\n");
    points += output.points;
    ++emitted;
    if (progress_line) progress_line->update(emitted, reader.bytes_read());
  };
  auto on_failure = [&](const InputRecord& record, const std::string& what) -> RecordOutput {
    Error error{ErrorCode::internal_error, "analysis failed: " + what, record.source.path,
                record.source.record};
    return {error_record(record.id, record.source, error)
                .dump(indent, ' ', false, nlohmann::json::error_handler_t::replace),
            true};
  };
  // A pretty array is one document: it is flushed whole at the end.
  auto flush = [&] {
    if (!options.pretty) out.flush();
  };
  const auto started = std::chrono::steady_clock::now();
  const BatchCounts counts =
      run_batch(reader, thread_count(options.jobs), process, emit, on_failure, flush);
  if (options.pretty) out.write(first ? "]\n" : "\n]\n");
  if (progress_line) progress_line->clear();

  const int signal = stop_signal();
  std::optional<Error> failure;
  if (signal != 0 && !options.output.empty() && options.output != "-") {
    out.abandon();  // an interrupted batch is no complete output: the old file stays
  } else {
    failure = out.commit();  // stdout keeps the whole records written
  }
  if (signal != 0 && !options.quiet) {
    std::cerr << "conduct analyze: interrupted by signal " << signal << ": reading stopped after "
              << counts.read << " documents"
              << (options.output.empty() || options.output == "-"
                      ? ""
                      : "; the output file is unchanged")
              << "\n";
  }
  if (summary) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char timing[64];
    std::snprintf(timing, sizeof timing, "%.2f s", seconds);
    std::cerr << "conduct: " << counts.read << " documents in, " << counts.records
              << " records out (" << counts.records - counts.errors << " results, " << counts.errors
              << " errors), points " << points << ", " << megabytes(reader.bytes_read()) << " in "
              << timing << "\n";
  }
  if (failure) {
    std::cerr << "conduct analyze: " << failure->message << "\n";
    return kExitInternal;
  }
  if (signal != 0) return 128 + signal;
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
      ->check(whole_number(1, 1024));
  command->add_flag("--detail", options->detail, "Add per-turn and per-sentence results");
  command->add_flag("--progress,!--no-progress", options->progress,
                    "Progress on stderr (default: when stderr is a terminal)");
  command->add_flag("--summary,!--no-summary", options->summary,
                    "A summary line on stderr at the end: documents in, records out, results, "
                    "errors, points (default: when stderr is a terminal)");
  command->add_flag("-q,--quiet", options->quiet,
                    "Nothing on stderr but errors: no progress, no summary");
  add_speaker_label_options(*command, options->agent_labels, options->customer_labels);
  command->add_option("--columns", options->columns,
                      "CSV/TSV header names of the columns, e.g. "
                      "id=call,speaker=who,role=side,text=said,start=t0,end=t1 (default: "
                      "common names such as conversation_id, speaker, role, text, start_time)");
  command
      ->add_option("--max-bytes", options->max_bytes,
                   "Largest file or JSON Lines record analysed (K, M, G suffixes; default 256M)")
      ->transform(whole_number(1, std::uint64_t{1} << 40, true));
  command
      ->add_option("--max-line-bytes", options->limits.max_line_bytes,
                   "Longest line of a notes, text, subtitle or CSV file (default 1M)")
      ->transform(whole_number(1, std::uint64_t{1} << 40, true));
  command
      ->add_option("--max-turns", options->limits.max_turns,
                   "Most turns in one document (default 100000)")
      ->check(whole_number(1, std::uint64_t{1} << 32));
  command
      ->add_option("--max-depth", options->limits.max_json_depth,
                   "Deepest nesting of JSON arrays and objects (default 200)")
      ->check(whole_number(1, 1000));
  add_resource_options(*command, options->resources);
  command->callback([options, &exit_status] { exit_status = run_analyze(*options); });
}

}  // namespace conduct::cli
