// The subcommands of the `conduct` binary. Each lives in its own
// <name>_command.cc, adds itself to the app with its options, and on run
// stores its exit status in `exit_status`. Nothing in the library knows about
// flags; these files only turn options into library calls.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "core/document.h"

namespace conduct::cli {

/// Exit statuses documented in the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitSomeFailed = 1;  // some documents failed; error records written
inline constexpr int kExitUsage = 2;       // bad flag, broken lexicon/policy/model
inline constexpr int kExitInternal = 3;    // an unexpected failure outside any one document

/// The names --format accepts: every input format.
inline std::vector<std::string> format_choices() {
  std::vector<std::string> names;
  for (std::string_view name : format_names()) names.emplace_back(name);
  return names;
}

void add_analyze_command(CLI::App& app, int& exit_status);
void add_ledger_command(CLI::App& app, int& exit_status);
void add_lexicon_command(CLI::App& app, int& exit_status);
void add_explain_command(CLI::App& app, int& exit_status);
void add_eval_command(CLI::App& app, int& exit_status);
void add_train_command(CLI::App& app, int& exit_status);
void add_classify_command(CLI::App& app, int& exit_status);
void add_sentiment_command(CLI::App& app, int& exit_status);
void add_model_command(CLI::App& app, int& exit_status);

}  // namespace conduct::cli
