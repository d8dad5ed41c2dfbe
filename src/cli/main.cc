// hegui: a single binary with one subcommand per job (docs/cli.md).
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"hegui (合规): PRC Cybersecurity Law compliance for AI services"};
  app.set_version_flag("--version", "hegui " HEGUI_VERSION);
  app.require_subcommand(1);
  hegui::cli::CommandResult result;
  // Subcommands register here, in alphabetical order.
  hegui::cli::AddAssessCommand(app, result);
  hegui::cli::AddAssessmentsCommand(app, result);
  hegui::cli::AddAuditCommand(app, result);
  hegui::cli::AddKeysCommand(app, result);
  hegui::cli::AddLawCommand(app, result);
  hegui::cli::AddMockUpstreamCommand(app, result);
  hegui::cli::AddScanCommand(app, result);
  hegui::cli::AddServeCommand(app, result);
  hegui::cli::AddUsersCommand(app, result);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    // CLI11 returns 0 for --help/--version; any parse error is a usage error.
    return code == 0 ? 0 : hegui::ToInt(hegui::ExitCode::kInvalidInput);
  }
  return hegui::ToInt(result.exit_code);
}
