// Placeholder until the explain command lands; it refuses to run rather than pretend.
#include <iostream>

#include "cli/commands.h"

namespace conduct::cli {

void add_explain_command(CLI::App& app, int& exit_status) {
  auto* command = app.add_subcommand("explain", "(not built yet)");
  command->callback([&exit_status] {
    std::cerr << "conduct explain: not built yet\n";
    exit_status = kExitUsage;
  });
}

}  // namespace conduct::cli
