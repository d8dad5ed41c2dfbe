// `hegui users add|verify|list`: administer the users kept in the store.
// Thin: parse, call hegui::store, print.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/admin_audit.h"
#include "cli/commands.h"
#include "store/open.h"

namespace hegui::cli {
namespace {

using nlohmann::json;

struct UsersOptions {
  std::string store_url;
  OutputFormat format = OutputFormat::kText;
  std::string name;
  std::string role = "user";
  store::UserId id = 0;
  std::string method;
  AdminAuditOptions audit;
};

json UserJson(const store::User& u) {
  json identity = {{"status", store::IdentityStatusName(u.identity_status)}};
  if (u.identity_verified_at.has_value()) {
    identity["method"] = u.identity_method;
    identity["verified_at"] = store::FormatTime(*u.identity_verified_at);
  }
  return {{"id", u.id},
          {"display_name", u.display_name},
          {"role", store::RoleName(u.role)},
          {"identity", identity},
          {"created_at", store::FormatTime(u.created_at)}};
}

std::string IdentityText(const store::User& u) {
  if (u.identity_status != store::IdentityStatus::kVerified) return "unverified";
  return "verified (" + u.identity_method + ", " + store::FormatTime(*u.identity_verified_at) + ")";
}

void PrintUser(const UsersOptions& o, const store::User& u, std::string_view verb) {
  if (o.format == OutputFormat::kJson) {
    std::cout << UserJson(u).dump(2) << "\n";
    return;
  }
  std::cout << verb << " user " << u.id << " '" << u.display_name << "': role "
            << store::RoleName(u.role) << ", identity " << IdentityText(u) << "\n";
}

StatusOr<std::unique_ptr<store::Store>> OpenStore(const UsersOptions& o) {
  return store::Open(o.store_url.empty() ? store::DefaultStoreUrl() : o.store_url);
}

std::string Subject(const store::User& u) { return "user:" + std::to_string(u.id); }

ExitCode RunAdd(const UsersOptions& o) {
  StatusOr<store::Role> role = store::ParseRole(o.role);
  if (!role.ok()) return ReportError(role.status().WithContext("--role"));
  StatusOr<std::unique_ptr<AdminAuditTrail>> trail = AdminAuditTrail::Open(o.audit);
  if (!trail.ok()) return ReportError(trail.status());
  StatusOr<std::unique_ptr<store::Store>> s = OpenStore(o);
  if (!s.ok()) return ReportError(s.status());
  StatusOr<store::User> u = (*s)->CreateUser(o.name, *role);
  if (!u.ok()) return ReportError(u.status());
  PrintUser(o, *u, "created");
  const json body = {{"action", "user_created"},
                     {"user_id", u->id},
                     {"role", store::RoleName(u->role)},
                     {"store", (*s)->backend_name()}};
  Status recorded =
      (*trail)->Finish((*trail)->Append(audit::RecordKind::kPermissionChange, body.dump(),
                                        Subject(*u), {{"display_name", u->display_name}}),
                       "user " + std::to_string(u->id) + " was created");
  return recorded.ok() ? ExitCode::kOk : ReportError(recorded);
}

ExitCode RunVerify(const UsersOptions& o) {
  StatusOr<std::unique_ptr<AdminAuditTrail>> trail = AdminAuditTrail::Open(o.audit);
  if (!trail.ok()) return ReportError(trail.status());
  StatusOr<std::unique_ptr<store::Store>> s = OpenStore(o);
  if (!s.ok()) return ReportError(s.status());
  const store::Time now =
      std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
  StatusOr<store::User> u = (*s)->VerifyUserIdentity(o.id, o.method, now);
  if (!u.ok()) return ReportError(u.status());
  PrintUser(o, *u, "verified");
  const json body = {{"action", "identity_verified"},
                     {"user_id", u->id},
                     {"method", u->identity_method},
                     {"verified_at", store::FormatTime(*u->identity_verified_at)},
                     {"store", (*s)->backend_name()}};
  Status recorded = (*trail)->Finish(
      (*trail)->Append(audit::RecordKind::kPermissionChange, body.dump(), Subject(*u)),
      "user " + std::to_string(u->id) + " was marked verified");
  return recorded.ok() ? ExitCode::kOk : ReportError(recorded);
}

ExitCode RunList(const UsersOptions& o) {
  StatusOr<std::unique_ptr<store::Store>> s = OpenStore(o);
  if (!s.ok()) return ReportError(s.status());
  StatusOr<std::vector<store::User>> users = (*s)->ListUsers();
  if (!users.ok()) return ReportError(users.status());
  if (o.format == OutputFormat::kJson) {
    json out = json::array();
    for (const store::User& u : *users) out.push_back(UserJson(u));
    std::cout << out.dump(2) << "\n";
    return ExitCode::kOk;
  }
  std::cout << "ID\tROLE\tIDENTITY\tNAME\n";
  for (const store::User& u : *users) {
    std::cout << u.id << "\t" << store::RoleName(u.role) << "\t" << IdentityText(u) << "\t"
              << u.display_name << "\n";
  }
  return ExitCode::kOk;
}

void AddCommonOptions(CLI::App& app, UsersOptions* o) {
  app.add_option("--store", o->store_url,
                 "Store URL (default: $HEGUI_STORE, else sqlite://./hegui.db)");
  AddFormatOption(app, &o->format);
}

}  // namespace

void AddUsersCommand(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<UsersOptions>();
  CLI::App* users = app.add_subcommand("users", "Administer users (real identity, roles)");
  users->require_subcommand(1);

  CLI::App* add = users->add_subcommand("add", "Add a user (starts unverified)");
  add->add_option("name", options->name, "Display name, unique")->required();
  add->add_option("--role", options->role, "admin, reviewer, auditor or user")->default_str("user");
  AddCommonOptions(*add, options.get());
  AddAdminAuditOptions(*add, &options->audit);
  add->callback([options, &result] { result.exit_code = RunAdd(*options); });

  CLI::App* verify = users->add_subcommand(
      "verify", "Record that a user's real identity was verified (CSL Art. 26)");
  verify->add_option("id", options->id, "User id")->required();
  verify->add_option("--method", options->method, "How it was verified, e.g. mobile, id_card")
      ->required();
  AddCommonOptions(*verify, options.get());
  AddAdminAuditOptions(*verify, &options->audit);
  verify->callback([options, &result] { result.exit_code = RunVerify(*options); });

  CLI::App* list = users->add_subcommand("list", "List users");
  AddCommonOptions(*list, options.get());
  list->callback([options, &result] { result.exit_code = RunList(*options); });
}

}  // namespace hegui::cli
