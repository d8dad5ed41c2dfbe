// `hegui scan [FILE...]`: scans files (stdin when none) for prohibited content
// and invalid UTF-8 through the streaming scanner, so any input size is
// scanned in bounded memory. Thin: parse, call hegui::scan, print.
//
// Exit codes: 0 nothing found; 1 findings (lexicon or personal information);
// 2 bad input (unreadable file, bad lexicon, usage) or invalid UTF-8 with no
// other finding.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "scan/scanner.h"

namespace hegui::cli {
namespace {

enum class ScanFormat { kText, kJsonl };

struct ScanOptions {
  std::vector<std::string> files;
  std::vector<std::string> lexicons;
  bool no_default_lexicon = false;
  bool collapse_repeats = false;
  ScanFormat format = ScanFormat::kText;
  bool mask = false;
};

struct Tally {
  size_t content = 0;  // Lexicon and personal-information findings.
  size_t invalid = 0;  // Invalid UTF-8 runs.
};

void PrintFinding(const ScanOptions& options, const std::string& name, const scan::Finding& f) {
  std::ostream& out = options.mask ? std::cerr : std::cout;
  if (options.format == ScanFormat::kJsonl) {
    nlohmann::json j = {{"file", name},           {"begin", f.begin},
                        {"end", f.end},           {"kind", scan::FindingKindName(f.kind)},
                        {"category", f.category}, {"article", f.article},
                        {"rule_id", f.rule_id},   {"confidence", f.confidence},
                        {"text", f.text}};
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return;
  }
  std::string text = f.kind == scan::FindingKind::kInvalidUtf8 ? "" : " \"" + f.text + "\"";
  out << name << ":" << f.begin << "-" << f.end << ": " << scan::FindingKindName(f.kind) << " "
      << f.category << (f.article.empty() ? "" : " (" + f.article + ")") << " [" << f.rule_id << "]"
      << text << "\n";
}

// Scans one input through a stream; returns false if it cannot be read.
Status ScanInput(const scan::Scanner& scanner, const ScanOptions& options, const std::string& path,
                 Tally* tally) {
  FILE* in = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (in == nullptr) {
    return NotFoundError(path + ": cannot open: " + std::strerror(errno));
  }
  const std::string name = path == "-" ? "<stdin>" : path;
  auto stream = scanner.OpenStream({.mask = options.mask});
  scan::StreamUpdate update;
  std::vector<char> buf(64 * 1024);
  auto emit = [&] {
    for (const scan::Finding& f : update.findings) {
      (f.kind == scan::FindingKind::kInvalidUtf8 ? tally->invalid : tally->content) += 1;
      PrintFinding(options, name, f);
    }
    if (options.mask) std::cout << update.released;
  };
  Status status;
  while (true) {
    size_t n = std::fread(buf.data(), 1, buf.size(), in);
    if (n > 0) {
      status = stream->Feed(std::string_view(buf.data(), n), &update);
      if (!status.ok()) break;
      emit();
    }
    if (n < buf.size()) {
      if (std::ferror(in)) status = UnavailableError(name + ": read error");
      break;
    }
  }
  if (in != stdin) std::fclose(in);
  HEGUI_RETURN_IF_ERROR(status);
  HEGUI_RETURN_IF_ERROR(stream->Close(&update));
  emit();
  return OkStatus();
}

ExitCode RunScan(const ScanOptions& options) {
  scan::Lexicon lexicon;
  if (!options.no_default_lexicon) {
    auto def = scan::Lexicon::LoadDefault();
    if (!def.ok()) return ReportError(def.status());
    lexicon.Merge(*def);
  }
  for (const std::string& path : options.lexicons) {
    auto extra = scan::Lexicon::LoadFile(path);
    if (!extra.ok()) return ReportError(extra.status());
    lexicon.Merge(*extra);
  }
  auto scanner =
      scan::Scanner::Create({.lexicon = std::move(lexicon),
                             .normalizer = {.collapse_repeats = options.collapse_repeats}});
  if (!scanner.ok()) return ReportError(scanner.status());

  std::vector<std::string> inputs = options.files;
  if (inputs.empty()) inputs.push_back("-");
  Tally tally;
  bool unreadable = false;
  for (const std::string& path : inputs) {
    Status s = ScanInput(**scanner, options, path, &tally);
    if (!s.ok()) {
      ReportError(s);
      unreadable = true;
    }
  }
  std::cout.flush();
  if (tally.content > 0) return ExitCode::kFindings;
  if (unreadable || tally.invalid > 0) return ExitCode::kInvalidInput;
  return ExitCode::kOk;
}

}  // namespace

void AddScanCommand(CLI::App& app, CommandResult& result) {
  CLI::App* cmd = app.add_subcommand(
      "scan", "Scan text for prohibited content and invalid UTF-8 (stdin when no FILE)");
  auto options = std::make_shared<ScanOptions>();
  cmd->add_option("files", options->files, "Files to scan ('-' for stdin)");
  cmd->add_option("--lexicon", options->lexicons,
                  "Extra lexicon (term<TAB>category[<TAB>options], or .yaml); repeatable")
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-lexicon", options->no_default_lexicon,
                "Do not load the shipped default lexicon");
  cmd->add_flag("--collapse-repeats", options->collapse_repeats,
                "Treat runs of one character as one (赌赌博 matches 赌博)");
  static const std::map<std::string, ScanFormat> kFormats = {{"text", ScanFormat::kText},
                                                             {"jsonl", ScanFormat::kJsonl}};
  cmd->add_option("--format", options->format, "Findings format: text or jsonl")
      ->transform(CLI::CheckedTransformer(kFormats, CLI::ignore_case))
      ->default_str("text");
  cmd->add_flag("--mask", options->mask, "Print the masked text on stdout (findings go to stderr)");
  cmd->callback([options, &result] { result.exit_code = RunScan(*options); });
}

}  // namespace hegui::cli
