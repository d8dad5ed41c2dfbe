// `hegui assess PROFILE.yaml|DIR/`: tier, obligations, gaps, exposure and
// actions for AI project profiles (docs/profile.md). Exit 0 no gaps, 1 gaps
// found, 2 invalid input (docs/exit-codes.md).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <map>

#include "assess/assessor.h"
#include "assess/profile_parser.h"
#include "assess/render.h"
#include "cli/commands.h"
#include "core/file.h"

namespace hegui::cli {
namespace {

enum class ReportFormat { kMarkdown, kHtml, kJson };

struct AssessArgs {
  std::string path;
  ReportFormat format = ReportFormat::kMarkdown;
  std::string output;
  std::string generated_at;
};

ExitCode RunAssess(const AssessArgs& args) {
  StatusOr<assess::Assessor> assessor = assess::Assessor::LoadDefault();
  if (!assessor.ok()) return ReportError(assessor.status());
  std::error_code ec;
  const bool is_dir = std::filesystem::is_directory(args.path, ec);
  std::vector<assess::Profile> profiles;
  if (is_dir) {
    StatusOr<std::vector<assess::Profile>> loaded = assessor->LoadDirectory(args.path);
    if (!loaded.ok()) return ReportError(loaded.status());
    profiles = std::move(*loaded);
  } else {
    StatusOr<assess::Profile> profile = assess::LoadProfileFile(args.path);
    if (!profile.ok()) return ReportError(profile.status());
    profiles.push_back(std::move(*profile));
  }
  std::vector<assess::Assessment> results;
  bool gaps = false;
  for (const assess::Profile& p : profiles) {
    results.push_back(assessor->Assess(p));
    gaps |= results.back().has_gaps();
  }
  const assess::RenderOptions options = assessor->Options(args.generated_at);
  std::string out;
  if (is_dir) {
    switch (args.format) {
      case ReportFormat::kMarkdown:
        out = assess::RenderPortfolioMarkdown(results, options);
        break;
      case ReportFormat::kHtml:
        out = assess::RenderPortfolioHtml(results, options);
        break;
      case ReportFormat::kJson:
        out = assess::RenderPortfolioJson(results, options);
        break;
    }
  } else {
    switch (args.format) {
      case ReportFormat::kMarkdown:
        out = assess::RenderMarkdown(results.front(), options);
        break;
      case ReportFormat::kHtml:
        out = assess::RenderHtml(results.front(), options);
        break;
      case ReportFormat::kJson:
        out = assess::RenderJson(results.front(), options);
        break;
    }
  }
  if (args.output.empty() || args.output == "-") {
    std::cout << out;
  } else {
    Status written = WriteFileAtomically(args.output, out);
    if (!written.ok()) return ReportError(UnavailableError(written.message()));
  }
  return gaps ? ExitCode::kFindings : ExitCode::kOk;
}

}  // namespace

void AddAssessCommand(CLI::App& app, CommandResult& result) {
  auto args = std::make_shared<AssessArgs>();
  CLI::App* cmd = app.add_subcommand(
      "assess",
      "Assess an AI project profile (or every profile in a directory) against the CSL: risk "
      "tier, applicable obligations, gaps, penalty exposure, actions. Exit 0: no gaps; 1: gaps "
      "found; 2: invalid input.");
  cmd->add_option("profile", args->path, "Profile YAML file, or a directory of them (portfolio)")
      ->required();
  static const std::map<std::string, ReportFormat> kFormats = {
      {"md", ReportFormat::kMarkdown},
      {"markdown", ReportFormat::kMarkdown},
      {"text", ReportFormat::kMarkdown},
      {"html", ReportFormat::kHtml},
      {"json", ReportFormat::kJson}};
  cmd->add_option("--format", args->format, "Report format: md (default), html or json")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case));
  cmd->add_option("-o,--output", args->output, "Write the report to FILE instead of stdout");
  cmd->add_option("--generated-at", args->generated_at,
                  "Text shown as the report's generation time (reports carry none by default, so "
                  "they are reproducible)");
  cmd->callback([args, &result] { result.exit_code = RunAssess(*args); });
}

}  // namespace hegui::cli
