#include "cli/admin_audit.h"

#include <pwd.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>

namespace hegui::cli {
namespace {

std::string DefaultActor() {
  if (const char* sudo = std::getenv("SUDO_USER"); sudo != nullptr && *sudo != '\0') {
    return std::string("cli:") + sudo;
  }
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) {
    return std::string("cli:") + pw->pw_name;
  }
  return "cli:uid-" + std::to_string(geteuid());
}

}  // namespace

void AddAdminAuditOptions(CLI::App& app, AdminAuditOptions* options) {
  app.add_option("--audit-dir", options->dir,
                 "Record the change in this audit log (created by `hegui audit init`)");
  app.add_option("--actor", options->actor,
                 "Who makes the change, as recorded (default: cli:<login name>)");
}

StatusOr<std::unique_ptr<AdminAuditTrail>> AdminAuditTrail::Open(const AdminAuditOptions& options) {
  const std::string actor = options.actor.empty() ? DefaultActor() : options.actor;
  if (options.dir.empty()) {
    return std::unique_ptr<AdminAuditTrail>(new AdminAuditTrail(nullptr, actor));
  }
  audit::LogOptions log_options;
  log_options.checkpoint_every_records = 0;
  StatusOr<std::unique_ptr<audit::Log>> log = audit::Log::Open(options.dir, log_options);
  if (!log.ok()) {
    return log.status().WithContext("opening audit log '" + options.dir +
                                    "' (nothing was changed)");
  }
  return std::unique_ptr<AdminAuditTrail>(new AdminAuditTrail(std::move(log).value(), actor));
}

Status AdminAuditTrail::Append(audit::RecordKind kind, const std::string& body,
                               const std::string& subject,
                               std::map<std::string, std::string> sealed) {
  if (log_ == nullptr) return OkStatus();
  audit::Record record;
  record.kind = kind;
  record.actor = actor_;
  record.subject = subject;
  record.body = body;
  record.sealed = std::move(sealed);
  StatusOr<uint64_t> index = log_->Append(record);
  if (!index.ok()) return index.status();
  return OkStatus();
}

Status AdminAuditTrail::Finish(const Status& appended, std::string_view change) {
  if (log_ == nullptr) return OkStatus();
  Status closed = log_->Close();
  const Status& failure = appended.ok() ? closed : appended;
  if (failure.ok()) return OkStatus();
  return failure.WithContext(std::string(change) + ", but its audit record was not written");
}

}  // namespace hegui::cli
