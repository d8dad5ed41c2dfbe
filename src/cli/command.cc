#include "cli/command.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <map>

namespace hegui::cli {

void AddFormatOption(CLI::App& app, OutputFormat* format) {
  static const std::map<std::string, OutputFormat> kFormats = {{"text", OutputFormat::kText},
                                                               {"json", OutputFormat::kJson}};
  app.add_option("--format", *format, "Output format: text or json")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case))
      ->default_str("text");
}

ExitCode ReportError(const Status& status) {
  std::cerr << "hegui: " << status.ToString() << "\n";
  return ExitCodeFor(status);
}

}  // namespace hegui::cli
