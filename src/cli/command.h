// The contract between `hegui`'s main() and each subcommand.
//
// Each subcommand lives in its own file (cli/<name>_command.cc) and exposes one
// Add<Name>Command() that attaches a CLI11 sub-app to the root. The sub-app's
// callback does the work through the libraries and stores its outcome in the
// shared CommandResult; main() returns that as the process exit code
// (docs/exit-codes.md). Subcommands print data to stdout and diagnostics to
// stderr, and never call exit() themselves.
#ifndef HEGUI_CLI_COMMAND_H_
#define HEGUI_CLI_COMMAND_H_

#include <string>

#include "core/exit_code.h"
#include "core/status.h"

namespace CLI {
class App;
}  // namespace CLI

namespace hegui::cli {

struct CommandResult {
  ExitCode exit_code = ExitCode::kOk;
};

// Output format shared by subcommands whose output is data.
enum class OutputFormat { kText, kJson };

// Adds `--format text|json` to `app`, writing the choice into `*format`.
void AddFormatOption(CLI::App& app, OutputFormat* format);

// Prints "hegui: <status>" on stderr and returns the exit code it maps to.
ExitCode ReportError(const Status& status);

}  // namespace hegui::cli

#endif  // HEGUI_CLI_COMMAND_H_
