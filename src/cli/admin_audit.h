// AdminAuditTrail: the evidence-log side of the admin commands (`hegui users`,
// `hegui keys`, `hegui assessments`).
//
// The store does not know the audit log (DESIGN.md dependency rule), so the
// face that makes an admin change writes its record: with `--audit-dir DIR`
// each change becomes one record in the log at DIR — `permission_change` for
// users and keys, `config_change` for security assessments — durable
// (fdatasync) before the command reports success. Without `--audit-dir`
// nothing is written.
//
// Fail-closed order: Open() runs before the change, so a missing, damaged or
// busy log (a running gateway holds its directory locked) refuses the command
// with nothing changed. If Append() fails after the change, the command fails
// with exit code 3 and says the change was made but not recorded.
//
// Not thread-safe (one CLI command at a time). Record bodies are JSON objects
// with an "action" field; personal information (a user's display name) is
// sealed under the user's subject key ("user:<id>"), never in the body.
#ifndef HEGUI_CLI_ADMIN_AUDIT_H_
#define HEGUI_CLI_ADMIN_AUDIT_H_

#include <map>
#include <memory>
#include <string>

#include "audit/log.h"
#include "core/status_or.h"

namespace CLI {
class App;
}  // namespace CLI

namespace hegui::cli {

struct AdminAuditOptions {
  std::string dir;    // --audit-dir; empty: no records.
  std::string actor;  // --actor; default "cli:<login name>".
};

// Adds --audit-dir and --actor to `app`.
void AddAdminAuditOptions(CLI::App& app, AdminAuditOptions* options);

class AdminAuditTrail {
 public:
  // Opens the log named by options.dir (it must exist: `hegui audit init`),
  // or returns a trail that records nothing when no directory was given.
  static StatusOr<std::unique_ptr<AdminAuditTrail>> Open(const AdminAuditOptions& options);

  // Appends one record; `body` is a JSON object as text. OK without a log.
  Status Append(audit::RecordKind kind, const std::string& body, const std::string& subject = "",
                std::map<std::string, std::string> sealed = {});

  // Closes the log (writes a checkpoint) and returns the first failure of
  // `appended` and the close, with context saying that `change` (e.g.
  // "user 3 was created") was made but not recorded. OK without a log.
  Status Finish(const Status& appended, std::string_view change);

 private:
  AdminAuditTrail(std::unique_ptr<audit::Log> log, std::string actor)
      : log_(std::move(log)), actor_(std::move(actor)) {}
  std::unique_ptr<audit::Log> log_;  // Null when recording nothing.
  std::string actor_;
};

}  // namespace hegui::cli

#endif  // HEGUI_CLI_ADMIN_AUDIT_H_
