// Placeholder until the lexicon command lands; it refuses to run rather than pretend.
#include <iostream>

#include "cli/commands.h"

namespace conduct::cli {

void add_lexicon_command(CLI::App& app, int& exit_status) {
  auto* command = app.add_subcommand("lexicon", "(not built yet)");
  command->callback([&exit_status] {
    std::cerr << "conduct lexicon: not built yet\n";
    exit_status = kExitUsage;
  });
}

}  // namespace conduct::cli
