// `conduct lexicon check [DIR]`: compile every rule, run every example, lint.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli/commands.h"
#include "cli/resource_options.h"
#include "lexicon/lexicon.h"
#include "pipeline/analyzer.h"
#include "read/inputs.h"

namespace conduct::cli {
namespace {

struct LexiconCheckOptions {
  std::string dir;  // default: data_dir()/lexicons
};

// Runs every rule's examples through the analyzer, as `analyze` reads a
// one-turn document of the example's speaker and register (rules only): a
// match example must give a finding naming the rule (quoting its evidence
// where the example gives one), a no_match example none. An absence rule the
// other way round: its words, said, make no finding.
std::vector<LintMessage> run_examples_through_analyzer(const std::filesystem::path& dir) {
  std::vector<LintMessage> messages;
  ResourcePaths paths;
  paths.lexicons = dir;
  paths.use_model = false;
  auto analyzer = Analyzer::load(paths);
  if (!analyzer) {
    messages.push_back({analyzer.error(), false});
    return messages;
  }
  for (const Rule& rule : analyzer.value().resources().lexicon->rules()) {
    const std::string source = "rule:" + rule.id;
    for (const bool match : {true, false}) {
      const auto& texts = match ? rule.match : rule.no_match;
      const auto& lines = match ? rule.match_lines : rule.no_match_lines;
      const auto& contexts = match ? rule.match_contexts : rule.no_match_contexts;
      for (std::size_t i = 0; i < texts.size(); ++i) {
        std::uint8_t speaker = rule.first_speaker;
        Register reg = rule.first_register;
        std::string evidence;
        if (i < contexts.size()) {
          if (contexts[i].speaker) speaker = *contexts[i].speaker;
          if (contexts[i].reg) reg = *contexts[i].reg;
          evidence = contexts[i].evidence;
        }
        Turn turn;
        turn.text = texts[i];
        turn.end = turn.text.size();
        turn.line = 1;
        turn.reg = reg;
        if (speaker == static_cast<std::uint8_t>(Speaker::author) || reg == Register::report) {
          turn.speaker = "author";
          turn.role = Role::customer;
          turn.reg = Register::report;
        } else if (speaker == static_cast<std::uint8_t>(Speaker::customer)) {
          turn.speaker = "customer";
          turn.role = Role::customer;
        } else {
          turn.speaker = "agent";
          turn.role = Role::agent;
        }
        Document document;
        document.id = "example";
        document.format = turn.reg == Register::report ? Format::notes : Format::text;
        document.turns.push_back(std::move(turn));
        const Analysis analysis = analyzer.value().analyze(std::move(document));
        const Finding* found = nullptr;
        for (const Finding& finding : analysis.findings) {
          if (std::find(finding.sources.begin(), finding.sources.end(), source) !=
              finding.sources.end()) {
            found = &finding;
          }
        }
        // A follow-up rule whose later sentence is already a finding of its
        // category is dropped there (one incident, one finding): the
        // incident is found all the same.
        if (found == nullptr && match && !rule.then.empty()) {
          for (const Finding& finding : analysis.findings) {
            if (finding.category == rule.category) found = &finding;
          }
        }
        const bool want = match != rule.absent;
        std::string problem;
        if (want && found == nullptr) {
          problem = rule.absent ? "no_match example of an absence rule gives no finding"
                                : "match example gives no finding when analyzed";
        } else if (!want && found != nullptr) {
          problem = rule.absent ? "match example of an absence rule gives a finding"
                                : "no_match example gives a finding when analyzed";
        } else if (want && !evidence.empty() && found->evidence.text != evidence) {
          problem = "the finding quotes \"" + found->evidence.text + "\", not \"" + evidence + "\"";
        }
        if (!problem.empty()) {
          messages.push_back({Error{ErrorCode::lexicon_example,
                                    "rule '" + rule.id + "': " + problem + ": \"" + texts[i] + "\"",
                                    rule.file, i < lines.size() ? lines[i] : rule.line},
                              false});
        }
      }
    }
  }
  return messages;
}

int run_lexicon_check(const LexiconCheckOptions& options) {
  const std::filesystem::path dir =
      options.dir.empty() ? data_dir() / "lexicons" : std::filesystem::path(options.dir);
  // The categories rules may name: the policy's (the folder may carry one
  // that declares categories of its own).
  ResourcePaths paths;
  paths.lexicons = dir;
  const auto policy = load_policy(paths);
  if (!policy) {
    std::cout << policy.error().where_message() << "\n";
    return kExitUsage;
  }
  LexiconCounts counts;
  auto messages = check_lexicons(dir, &counts, policy.value().names);
  const bool clean = std::none_of(messages.begin(), messages.end(),
                                  [](const LintMessage& m) { return !m.is_warning; });
  if (clean) {
    // The examples again, through the whole analyzer (guards, grouping,
    // follow-ups, windows, absence): what a user of the rule will see.
    auto analyzed = run_examples_through_analyzer(dir);
    messages.insert(messages.end(), analyzed.begin(), analyzed.end());
  }
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const auto& message : messages) {
    const Error& e = message.error;
    std::string where = e.file;
    if (e.line > 0) where.append(":").append(std::to_string(e.line));
    std::cout << where << (message.is_warning ? ": warning: " : ": error: ") << e.message << '\n';
    ++(message.is_warning ? warnings : errors);
  }
  std::cout << counts.rules << " rules in " << counts.files << " files, " << errors << " errors, "
            << warnings << " warnings\n";
  return errors > 0 ? kExitUsage : kExitOk;
}

struct LexiconStatsOptions {
  std::vector<std::string> paths;
  std::string format;
  bool json = false;
  ResourcePaths resources;
};

struct RuleCount {
  std::size_t fired = 0;       // hits that counted (a finding, or part of one)
  std::size_t documents = 0;   // documents with at least one
  std::size_t suppressed = 0;  // hits a guard or condition suppressed
};

// An analyst's first question about a rule set: which rules fire, how often,
// on how many documents, and which never do.
int run_lexicon_stats(const LexiconStatsOptions& options) {
  const auto analyzer = load_analyzer_or_report(options.resources, "lexicon stats");
  if (!analyzer) return kExitUsage;
  ReadOptions read_options;
  if (!options.format.empty()) read_options.format = parse_format(options.format);
  const auto& rules = analyzer->resources().lexicon->rules();
  std::map<std::string, RuleCount, std::less<>> counts;
  for (const Rule& rule : rules) counts[rule.id];
  RecordReader reader(expand_inputs(options.paths), read_options);
  InputRecord record;
  std::size_t documents = 0;
  std::size_t failed = 0;
  while (reader.next(record)) {
    auto document = read_record(record, read_options);
    if (!document) {
      ++failed;
      std::cerr << "conduct lexicon stats: " << document.error().where_message() << "\n";
      continue;
    }
    ++documents;
    Trace trace;
    trace.model_interest = 2.0f;  // no model scores: the model does not change rule hits
    analyzer->analyze(std::move(document).value(), &trace);
    std::set<std::string> fired_here;
    for (const RuleDecision& d : trace.rules) {
      RuleCount& count = counts[d.rule];
      if (d.outcome == RuleOutcome::counted || d.outcome == RuleOutcome::confirmed) {
        ++count.fired;
        fired_here.insert(d.rule);
      } else if (d.outcome == RuleOutcome::suppressed) {
        ++count.suppressed;
      }
    }
    for (const std::string& id : fired_here) ++counts[id].documents;
  }
  const CategoryTable& names = analyzer->resources().policy->names;
  std::size_t never = 0;
  if (!options.json) {
    std::cout << documents << " documents, " << rules.size() << " rules\n";
    std::cout << "fired  documents  suppressed  rule (category)\n";
  }
  for (const Rule& rule : rules) {
    const RuleCount& count = counts[rule.id];
    never += count.fired == 0;
    if (options.json) {
      nlohmann::ordered_json line;
      line["rule"] = rule.id;
      line["category"] = names.name(rule.category);
      line["fired"] = count.fired;
      line["documents"] = count.documents;
      line["suppressed"] = count.suppressed;
      line["rule_at"] = rule.file + ":" + std::to_string(rule.line);
      std::cout << line.dump() << "\n";
      continue;
    }
    if (count.fired == 0) continue;
    std::printf("%5zu  %9zu  %10zu  %s (%s)\n", count.fired, count.documents, count.suppressed,
                rule.id.c_str(), std::string(names.name(rule.category)).c_str());
  }
  if (!options.json) {
    std::cout << "never fired: " << never << " rules\n";
    for (const Rule& rule : rules) {
      if (counts[rule.id].fired == 0) {
        std::cout << "  " << rule.id << "  (" << rule.file << ":" << rule.line << ")\n";
      }
    }
  }
  std::cout.flush();
  return failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace

void add_lexicon_command(CLI::App& app, int& exit_status) {
  auto* lexicon = app.add_subcommand("lexicon", "Work with lexicons (rule files)");
  lexicon->require_subcommand(1);
  auto options = std::make_shared<LexiconCheckOptions>();
  auto* check = lexicon->add_subcommand(
      "check",
      "Compile every rule, run every rule's match/no_match examples and lint (duplicate ids, "
      "unknown keys, shadowed rules, missing examples). Prints file:line: error|warning: "
      "message, then a summary. Exit 2 on any error, 0 otherwise.");
  check->add_option("dir", options->dir, "Lexicon dir (default: the shipped lexicons)");
  check->callback([options, &exit_status] { exit_status = run_lexicon_check(*options); });

  auto stats_options = std::make_shared<LexiconStatsOptions>();
  stats_options->resources.use_model = false;
  auto* stats = lexicon->add_subcommand(
      "stats",
      "Per rule, over a batch (files, folders, globs, - for stdin): how often it fired, on how "
      "many documents, how often a guard or condition suppressed it, and the rules that never "
      "fired. A table, or JSON Lines with --json (one line per rule).");
  stats->add_option("paths", stats_options->paths, "Inputs, as for analyze");
  stats->add_flag("--json", stats_options->json, "One JSON object per rule");
  stats->add_option("--format", stats_options->format, "Force the input format")
      ->check(CLI::IsMember(format_choices()));
  stats->add_option("--lexicons", stats_options->resources.lexicons,
                    "Lexicon folder (default: lexicons/)");
  stats->add_option("--policy", stats_options->resources.policy, "Point policy");
  stats->callback(
      [stats_options, &exit_status] { exit_status = run_lexicon_stats(*stats_options); });
}

}  // namespace conduct::cli
