// `conduct lexicon check [DIR]`: compile every rule, run every example, lint.
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "lexicon/lexicon.h"
#include "pipeline/analyzer.h"

namespace conduct::cli {
namespace {

struct LexiconCheckOptions {
  std::string dir;  // default: data_dir()/lexicons
};

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
  const auto messages = check_lexicons(dir, &counts, policy.value().names);
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
}

}  // namespace conduct::cli
