// Registration functions of every `hegui` subcommand, one per file in cli/.
#ifndef HEGUI_CLI_COMMANDS_H_
#define HEGUI_CLI_COMMANDS_H_

#include "cli/command.h"

namespace hegui::cli {

// Subcommands add their registration function here, in alphabetical order.
void AddAssessCommand(CLI::App& app, CommandResult& result);
void AddAssessmentsCommand(CLI::App& app, CommandResult& result);
void AddAuditCommand(CLI::App& app, CommandResult& result);
void AddKeysCommand(CLI::App& app, CommandResult& result);
void AddLawCommand(CLI::App& app, CommandResult& result);
void AddMockUpstreamCommand(CLI::App& app, CommandResult& result);
void AddScanCommand(CLI::App& app, CommandResult& result);
void AddServeCommand(CLI::App& app, CommandResult& result);
void AddUsersCommand(CLI::App& app, CommandResult& result);

}  // namespace hegui::cli

#endif  // HEGUI_CLI_COMMANDS_H_
