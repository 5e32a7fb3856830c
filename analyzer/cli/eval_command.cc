// Placeholder until the eval command lands; it refuses to run rather than pretend.
#include <iostream>

#include "cli/commands.h"

namespace conduct::cli {

void add_eval_command(CLI::App& app, int& exit_status) {
  auto* command = app.add_subcommand("eval", "(not built yet)");
  command->callback([&exit_status] {
    std::cerr << "conduct eval: not built yet\n";
    exit_status = kExitUsage;
  });
}

}  // namespace conduct::cli
