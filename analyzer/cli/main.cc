// `conduct`: a thin layer of subcommands over the analyzer library.
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "conduct: find scripted, rude, dismissive and unresponsive conduct in call notes "
      "and transcripts, with evidence, and suggest point adjustments."};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("conduct ") + CONDUCT_VERSION);
  int exit_status = conduct::cli::kExitOk;
  conduct::cli::add_analyze_command(app, exit_status);
  conduct::cli::add_ledger_command(app, exit_status);
  conduct::cli::add_lexicon_command(app, exit_status);
  conduct::cli::add_explain_command(app, exit_status);
  conduct::cli::add_eval_command(app, exit_status);
  conduct::cli::add_train_command(app, exit_status);
  conduct::cli::add_classify_command(app, exit_status);
  conduct::cli::add_sentiment_command(app, exit_status);
  conduct::cli::add_model_command(app, exit_status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);  // prints the message and usage hint
    return conduct::cli::kExitUsage;
  } catch (const std::exception& e) {
    // The last line of defence: every command catches what one document can
    // throw; whatever still gets here is reported, never an abort.
    std::cerr << "conduct: internal error: " << e.what() << "\n";
    return conduct::cli::kExitInternal;
  } catch (...) {
    std::cerr << "conduct: internal error: an exception of unknown type\n";
    return conduct::cli::kExitInternal;
  }
  return exit_status;
}
