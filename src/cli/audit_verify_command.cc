// `hegui audit verify DIR`: the full check an auditor runs (audit/log_verifier.h).
// Exit 0 when the log verifies, 4 when it does not (naming the first bad record).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "audit/log.h"
#include "audit/log_verifier.h"
#include "cli/audit_verbs.h"

namespace hegui::cli {
namespace {

struct VerifyArgs {
  std::string dir;
  std::string key;
  OutputFormat format = OutputFormat::kText;
};

std::string RetentionStatus(const audit::VerifyReport& r) {
  if (!r.earliest) return "no records yet";
  using namespace std::chrono;
  auto now = floor<microseconds>(system_clock::now());
  const int64_t days = duration_cast<hours>(now - *r.earliest).count() / 24;
  std::string s = "oldest present record is " + std::to_string(days) + " days old";
  if (r.first_present > 0) s += "; records before " + std::to_string(r.first_present) + " purged";
  if (days < audit::kMinRetentionDays) {
    s += "; nothing can be purged before " +
         audit::FormatRecordTime(*r.earliest + std::chrono::days(audit::kMinRetentionDays))
             .substr(0, 10) +
         " (CSL Art. 23 item (3): at least six months)";
  } else {
    s += "; six months of logs are covered (CSL Art. 23 item (3))";
  }
  return s;
}

void Run(const VerifyArgs& args, CommandResult& result) {
  audit::VerifyOptions options;
  options.verifier_key = args.key;
  const bool tty = isatty(STDERR_FILENO) == 1;
  int last_percent = -1;
  if (tty) {
    options.progress = [&](uint64_t done, uint64_t total) {
      int percent = total == 0 ? 100 : static_cast<int>(done * 100 / total);
      if (percent == last_percent) return;
      last_percent = percent;
      std::string bar(static_cast<size_t>(percent / 5), '#');
      bar.resize(20, '.');
      std::cerr << "\rverifying [" << bar << "] " << percent << "%" << std::flush;
    };
  }
  StatusOr<audit::VerifyReport> report = audit::VerifyLog(args.dir, options);
  if (tty && last_percent >= 0) std::cerr << "\r" << std::string(40, ' ') << "\r";
  if (!report.ok()) {
    result.exit_code = ReportError(report.status());
    return;
  }
  const audit::VerifyReport& r = *report;
  if (args.format == OutputFormat::kJson) {
    nlohmann::ordered_json j;
    j["ok"] = r.ok;
    if (!r.ok) j["problem"] = r.problem;
    if (r.bad_index) j["bad_index"] = *r.bad_index;
    j["origin"] = r.origin;
    j["records"] = r.records;
    j["purged_records"] = r.first_present;
    j["segments"] = r.segments;
    j["bytes"] = r.bytes;
    j["reserved_bytes"] = r.reserved_bytes;
    if (r.earliest) j["earliest"] = audit::FormatRecordTime(*r.earliest);
    if (r.latest) j["latest"] = audit::FormatRecordTime(*r.latest);
    j["kinds"] = r.kinds;
    j["checkpoints_verified"] = r.checkpoints;
    j["latest_checkpoint_size"] = r.latest_checkpoint_size;
    j["retention"] = RetentionStatus(r);
    j["warnings"] = r.warnings;
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << (r.ok ? "OK" : "FAILED") << ": " << args.dir << " (" << r.origin << ")\n";
    if (!r.ok) std::cout << "  first problem: " << r.problem << "\n";
    std::cout << "  records:     " << r.records << " (" << r.first_present << " purged) in "
              << r.segments << " segments, " << r.bytes << " bytes";
    if (r.reserved_bytes > 0) std::cout << " (" << r.reserved_bytes << " reserved for appends)";
    std::cout << "\n";
    if (r.earliest) {
      std::cout << "  time span:   " << audit::FormatRecordTime(*r.earliest) << " .. "
                << audit::FormatRecordTime(*r.latest) << "\n";
    }
    std::cout << "  retention:   " << RetentionStatus(r) << "\n";
    std::cout << "  checkpoints: " << r.checkpoints << " verified, latest covers "
              << r.latest_checkpoint_size << " records\n";
    for (const std::string& w : r.warnings) std::cout << "  warning:     " << w << "\n";
  }
  if (!r.ok) {
    std::cerr << "hegui: verification failed: " << r.problem << "\n";
    result.exit_code = ExitCode::kVerificationFailed;
  }
}

}  // namespace

void AddAuditVerifyVerb(CLI::App& audit, CommandResult& result) {
  auto args = std::make_shared<VerifyArgs>();
  CLI::App* cmd = audit.add_subcommand(
      "verify", "Check every record, hash and checkpoint; name the first bad record");
  cmd->add_option("DIR", args->dir, "Log directory")->required();
  cmd->add_option("--key", args->key,
                  "Verifier key to trust (name+hash+base64); default: the log's verifier.key");
  AddFormatOption(*cmd, &args->format);
  cmd->callback([args, &result] { Run(*args, result); });
}

}  // namespace hegui::cli
