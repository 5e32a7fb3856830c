// Placeholder until the pipeline's stages land; it refuses to run rather than pretend.
#include <iostream>

#include "cli/commands.h"

namespace conduct::cli {

void add_analyze_command(CLI::App& app, int& exit_status) {
  auto* command = app.add_subcommand("analyze", "(not built yet)");
  command->callback([&exit_status] {
    std::cerr << "conduct analyze: not built yet\n";
    exit_status = kExitUsage;
  });
}

}  // namespace conduct::cli
