// `hegui keys create|revoke|list`: administer API keys kept in the store.
// The token of a new key is printed once, on stdout; only its hash is kept.
// Thin: parse, call hegui::store, print.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/admin_audit.h"
#include "cli/commands.h"
#include "store/open.h"

namespace hegui::cli {
namespace {

using nlohmann::json;

struct KeysOptions {
  std::string store_url;
  OutputFormat format = OutputFormat::kText;
  store::UserId user_id = 0;
  std::optional<store::UserId> filter_user;
  std::string label;
  std::string key_id;
  AdminAuditOptions audit;
};

json KeyJson(const store::ApiKey& k) {
  json j = {{"key_id", "hg_" + k.key_id},
            {"user_id", k.user_id},
            {"label", k.label},
            {"revoked", k.revoked},
            {"created_at", store::FormatTime(k.created_at)}};
  if (k.revoked_at.has_value()) j["revoked_at"] = store::FormatTime(*k.revoked_at);
  if (k.last_used_at.has_value()) j["last_used_at"] = store::FormatTime(*k.last_used_at);
  return j;
}

StatusOr<std::unique_ptr<store::Store>> OpenStore(const KeysOptions& o) {
  return store::Open(o.store_url.empty() ? store::DefaultStoreUrl() : o.store_url);
}

ExitCode RunCreate(const KeysOptions& o) {
  StatusOr<std::unique_ptr<AdminAuditTrail>> trail = AdminAuditTrail::Open(o.audit);
  if (!trail.ok()) return ReportError(trail.status());
  StatusOr<std::unique_ptr<store::Store>> s = OpenStore(o);
  if (!s.ok()) return ReportError(s.status());
  StatusOr<store::IssuedApiKey> k = (*s)->CreateApiKey(o.user_id, o.label);
  if (!k.ok()) return ReportError(k.status());
  if (o.format == OutputFormat::kJson) {
    json j = KeyJson(k->key);
    j["token"] = k->token;
    std::cout << j.dump(2) << "\n";
  } else {
    std::cout << k->token << "\n";
  }
  std::cerr << "hegui: created API key hg_" << k->key.key_id << " for user " << k->key.user_id
            << "; its token is shown only this once, store it now\n";
  const json body = {{"action", "api_key_created"},
                     {"key_id", "hg_" + k->key.key_id},
                     {"user_id", k->key.user_id},
                     {"label", k->key.label},
                     {"store", (*s)->backend_name()}};
  Status recorded =
      (*trail)->Finish((*trail)->Append(audit::RecordKind::kPermissionChange, body.dump(),
                                        "user:" + std::to_string(k->key.user_id)),
                       "API key hg_" + k->key.key_id + " was created");
  return recorded.ok() ? ExitCode::kOk : ReportError(recorded);
}

ExitCode RunRevoke(const KeysOptions& o) {
  StatusOr<std::unique_ptr<AdminAuditTrail>> trail = AdminAuditTrail::Open(o.audit);
  if (!trail.ok()) return ReportError(trail.status());
  StatusOr<std::unique_ptr<store::Store>> s = OpenStore(o);
  if (!s.ok()) return ReportError(s.status());
  StatusOr<store::ApiKey> k = (*s)->RevokeApiKey(o.key_id);
  if (!k.ok()) return ReportError(k.status());
  if (o.format == OutputFormat::kJson) {
    std::cout << KeyJson(*k).dump(2) << "\n";
  } else {
    std::cout << "revoked API key hg_" << k->key_id << " of user " << k->user_id << "\n";
  }
  const json body = {{"action", "api_key_revoked"},
                     {"key_id", "hg_" + k->key_id},
                     {"user_id", k->user_id},
                     {"store", (*s)->backend_name()}};
  Status recorded =
      (*trail)->Finish((*trail)->Append(audit::RecordKind::kPermissionChange, body.dump(),
                                        "user:" + std::to_string(k->user_id)),
                       "API key hg_" + k->key_id + " was revoked");
  return recorded.ok() ? ExitCode::kOk : ReportError(recorded);
}

ExitCode RunList(const KeysOptions& o) {
  StatusOr<std::unique_ptr<store::Store>> s = OpenStore(o);
  if (!s.ok()) return ReportError(s.status());
  StatusOr<std::vector<store::ApiKey>> keys = (*s)->ListApiKeys(o.filter_user);
  if (!keys.ok()) return ReportError(keys.status());
  if (o.format == OutputFormat::kJson) {
    json out = json::array();
    for (const store::ApiKey& k : *keys) out.push_back(KeyJson(k));
    std::cout << out.dump(2) << "\n";
    return ExitCode::kOk;
  }
  std::cout << "KEY_ID\tUSER\tSTATUS\tCREATED\tLAST_USED\tLABEL\n";
  for (const store::ApiKey& k : *keys) {
    std::cout << "hg_" << k.key_id << "\t" << k.user_id << "\t"
              << (k.revoked ? "revoked" : "active") << "\t" << store::FormatTime(k.created_at)
              << "\t" << (k.last_used_at ? store::FormatTime(*k.last_used_at) : "never") << "\t"
              << k.label << "\n";
  }
  return ExitCode::kOk;
}

void AddCommonOptions(CLI::App& app, KeysOptions* o) {
  app.add_option("--store", o->store_url,
                 "Store URL (default: $HEGUI_STORE, else sqlite://./hegui.db)");
  AddFormatOption(app, &o->format);
}

}  // namespace

void AddKeysCommand(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<KeysOptions>();
  CLI::App* keys = app.add_subcommand("keys", "Administer API keys (stored hashed)");
  keys->require_subcommand(1);

  CLI::App* create = keys->add_subcommand("create", "Create an API key; prints its token once");
  create->add_option("--user", options->user_id, "Id of the user who owns the key")->required();
  create->add_option("--label", options->label, "Free text to recognise the key by");
  AddCommonOptions(*create, options.get());
  AddAdminAuditOptions(*create, &options->audit);
  create->callback([options, &result] { result.exit_code = RunCreate(*options); });

  CLI::App* revoke = keys->add_subcommand("revoke", "Revoke an API key for good");
  revoke->add_option("key_id", options->key_id, "Key id, hg_<16 hex digits>")->required();
  AddCommonOptions(*revoke, options.get());
  AddAdminAuditOptions(*revoke, &options->audit);
  revoke->callback([options, &result] { result.exit_code = RunRevoke(*options); });

  CLI::App* list = keys->add_subcommand("list", "List API keys (never their secrets)");
  list->add_option("--user", options->filter_user, "Only the keys of this user id");
  AddCommonOptions(*list, options.get());
  list->callback([options, &result] { result.exit_code = RunList(*options); });
}

}  // namespace hegui::cli
