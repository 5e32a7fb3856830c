// `conduct ledger [PATH...]`: the rounds of one dispute, each analysed like
// `analyze` does, with the counted adjustments of each round, the running
// balance from --opening, and the balance each document states beside it.
// JSON Lines by default (ledger_round records, then one ledger_total), an
// aligned table with --table.
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.h"
#include "cli/resource_options.h"
#include "read/inputs.h"
#include "report/json_report.h"
#include "report/score_json.h"
#include "score/ledger.h"

namespace conduct::cli {
namespace {

struct LedgerOptions {
  std::vector<std::string> paths;
  std::optional<int> opening;
  bool table = false;
  std::string format;
  std::vector<std::string> agent_labels;
  std::vector<std::string> customer_labels;
  ResourcePaths resources;
};

int run_ledger(const LedgerOptions& options) {
  ReadOptions read_options;
  read_options.agent_labels = options.agent_labels;
  read_options.customer_labels = options.customer_labels;
  if (!options.format.empty()) read_options.format = parse_format(options.format);
  const auto analyzer = load_analyzer_or_report(options.resources, "ledger");
  if (!analyzer) return kExitUsage;

  // Rounds are few (one per document of a dispute): read and analyse them in
  // order on one thread; only the entries are kept, not the documents.
  RecordReader reader(expand_inputs(options.paths), read_options);
  std::vector<LedgerEntry> entries;
  std::size_t failed = 0;
  InputRecord record;
  while (reader.next(record)) {
    auto document = read_record(record, read_options);
    if (!document) {
      ++failed;
      if (options.table) {
        std::cerr << "conduct ledger: " << record.id << ": " << document.error().where_message()
                  << " (left out of the balance)\n";
      } else {
        std::cout << error_record(record.id, record.source, document.error()).dump() << '\n';
      }
      continue;
    }
    Analysis analysis = analyzer->analyze(std::move(document).value());
    auto result = result_record(analysis, record.source, analyzer->resources(), ReportOptions{});
    LedgerEntry entry;
    entry.id = analysis.document.id;
    entry.source = std::move(result["source"]);
    entry.date = analysis.document.date;
    entry.findings = std::move(analysis.findings);
    entry.findings_json = std::move(result["findings"]);
    entry.adjustments = std::move(analysis.adjustments);
    entry.stated = std::move(analysis.stated);
    entries.push_back(std::move(entry));
  }
  Ledger ledger = build_ledger(std::move(entries), options.opening);
  ledger.failed = failed;
  if (options.table) {
    std::cout << ledger_table(ledger, analyzer->resources().policy->names);
  } else {
    for (const auto& round : ledger.rounds)
      std::cout << ledger_round_json(round, analyzer->resources().policy->names).dump() << '\n';
    std::cout << ledger_total_json(ledger).dump() << '\n';
  }
  std::cout.flush();
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void add_ledger_command(CLI::App& app, int& exit_status) {
  auto options = std::make_shared<LedgerOptions>();
  auto* command = app.add_subcommand(
      "ledger",
      "Rounds of one dispute, in the order given (or by date when every document carries one): "
      "each round's counted adjustments and the running balance, beside any balance the "
      "documents state. JSON Lines (ledger_round records, then a ledger_total), or --table.");
  command->add_option("paths", options->paths,
                      "Files (one round each, in order), folders (sorted by name), globs, or - for "
                      "stdin (a JSON Lines file gives one round per record)");
  command->add_option("--opening", options->opening,
                      "Balance before the first round (default: a balance the first document "
                      "states before any adjustment, else 0)");
  command->add_flag("--table", options->table, "An aligned text table instead of JSON Lines");
  command->add_option("--format", options->format, "Force the input format")
      ->check(CLI::IsMember(format_choices()));
  add_speaker_label_options(*command, options->agent_labels, options->customer_labels);
  add_resource_options(*command, options->resources);
  command->callback([options, &exit_status] { exit_status = run_ledger(*options); });
}

}  // namespace conduct::cli
