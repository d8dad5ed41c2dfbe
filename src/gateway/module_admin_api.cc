#include "gateway/module_admin_api.h"

#include <nlohmann/json.hpp>

#include "gateway/json_depth.h"
#include "gateway/local_reply.h"
#include "store/store.h"

namespace hegui::gateway {

namespace {

using nlohmann::json;

AdminResponse Error(const Status& status) {
  int http = 500;
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      http = 400;
      break;
    case StatusCode::kNotFound:
      http = 404;
      break;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition:
      http = 409;
      break;
    case StatusCode::kUnavailable:
      http = 503;
      break;
    default:
      break;
  }
  LocalReply reply{http, "admin_error", std::string(StatusCodeName(status.code())),
                   status.message(), ""};
  return AdminResponse{http, reply.ToJson()};
}

store::Time Now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

json UserJson(const store::User& u) {
  return {{"id", u.id},
          {"display_name", u.display_name},
          {"role", store::RoleName(u.role)},
          {"identity", store::IdentityStatusName(u.identity_status)},
          {"identity_method", u.identity_method}};
}

json KeyJson(const store::ApiKey& k) {
  return {{"key_id", "hg_" + k.key_id},
          {"user_id", k.user_id},
          {"label", k.label},
          {"revoked", k.revoked},
          {"created_at", store::FormatTime(k.created_at)}};
}

json ReviewJson(const store::ReviewItem& r) {
  return {{"id", r.id},
          {"created_at", store::FormatTime(r.created_at)},
          {"status", store::ReviewStatusName(r.status)},
          {"reason", r.reason},
          {"category", r.category},
          {"article", r.article},
          {"request_summary", r.request_summary},
          {"request_id", r.request_id},
          {"reviewer", r.reviewer},
          {"decision_note", r.decision_note}};
}

std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (pos < path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > pos) parts.emplace_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  return parts;
}

StatusOr<int64_t> ParseId(const std::string& text) {
  try {
    size_t used = 0;
    int64_t id = std::stoll(text, &used);
    if (used == text.size()) return id;
  } catch (const std::exception&) {
  }
  return InvalidArgumentError("'" + text + "' is not a numeric id");
}

}  // namespace

AdminResponse ModuleAdminApi::Handle(std::string_view method, std::string_view raw_path,
                                     std::string_view body) {
  std::string_view path = raw_path.substr(0, raw_path.find('?'));
  std::string_view query =
      raw_path.find('?') == std::string_view::npos ? "" : raw_path.substr(raw_path.find('?') + 1);
  std::vector<std::string> parts = Split(path);
  if (!JsonDepthWithin(body)) {
    return Error(InvalidArgumentError("the request body nests too deeply"));
  }
  json in = body.empty() ? json::object() : json::parse(body, nullptr, false);
  if (in.is_discarded() || !in.is_object()) {
    return Error(InvalidArgumentError("the request body must be a JSON object"));
  }
  store::Store& store = services_->store();
  // Any change to users or keys may change who a key authenticates as.
  struct Invalidate {
    ModuleServices* services;
    bool on;
    ~Invalidate() {
      if (on) services->InvalidateAuthCache();
    }
  } invalidate{services_, method != "GET"};
  auto record = [&](std::string_view kind, json what) -> Status {
    return services_->RecordAdminEvent(kind, "admin", what.dump());
  };
  try {
    if (parts.size() == 1 && parts[0] == "reviews" && method == "GET") {
      std::optional<store::ReviewStatus> status;
      if (query.starts_with("status=")) {
        auto parsed = store::ParseReviewStatus(query.substr(7));
        if (!parsed.ok()) return Error(parsed.status());
        status = *parsed;
      }
      auto items = store.ListReviewItems(status, 1000);
      if (!items.ok()) return Error(items.status());
      json out = json::array();
      for (const auto& r : *items) out.push_back(ReviewJson(r));
      return {200, json{{"data", out}}.dump()};
    }
    if (parts.size() == 3 && parts[0] == "reviews" && parts[2] == "decision" && method == "POST") {
      auto id = ParseId(parts[1]);
      if (!id.ok()) return Error(id.status());
      auto decision = store::ParseReviewStatus(in.value("decision", ""));
      if (!decision.ok() || *decision == store::ReviewStatus::kPending) {
        return Error(InvalidArgumentError("'decision' must be approved or rejected"));
      }
      std::string reviewer = in.value("reviewer", "");
      if (reviewer.empty()) return Error(InvalidArgumentError("'reviewer' is required"));
      auto decided = store.DecideReviewItem(*id, *decision, reviewer, in.value("note", ""), Now());
      if (!decided.ok()) return Error(decided.status());
      Status s = record("human_override", {{"review_id", *id},
                                           {"decision", store::ReviewStatusName(*decision)},
                                           {"reviewer", reviewer},
                                           {"request_id", decided->request_id}});
      if (!s.ok()) return Error(s);
      return {200, ReviewJson(*decided).dump()};
    }
    if (parts.size() == 1 && parts[0] == "users" && method == "GET") {
      auto users = store.ListUsers();
      if (!users.ok()) return Error(users.status());
      json out = json::array();
      for (const auto& u : *users) out.push_back(UserJson(u));
      return {200, json{{"data", out}}.dump()};
    }
    if (parts.size() == 1 && parts[0] == "users" && method == "POST") {
      auto role = store::ParseRole(in.value("role", "user"));
      if (!role.ok()) return Error(role.status());
      auto user = store.CreateUser(in.value("name", ""), *role);
      if (!user.ok()) return Error(user.status());
      Status s = record("permission_change", {{"action", "user_created"}, {"user_id", user->id}});
      if (!s.ok()) return Error(s);
      return {201, UserJson(*user).dump()};
    }
    if (parts.size() == 3 && parts[0] == "users" && parts[2] == "verify" && method == "POST") {
      auto id = ParseId(parts[1]);
      if (!id.ok()) return Error(id.status());
      std::string how = in.value("method", "");
      if (how.empty()) return Error(InvalidArgumentError("'method' is required (e.g. mobile)"));
      auto user = store.VerifyUserIdentity(*id, how, Now());
      if (!user.ok()) return Error(user.status());
      Status s = record("permission_change",
                        {{"action", "identity_verified"}, {"user_id", *id}, {"method", how}});
      if (!s.ok()) return Error(s);
      return {200, UserJson(*user).dump()};
    }
    if (parts.size() == 1 && parts[0] == "keys" && method == "GET") {
      auto keys = store.ListApiKeys(std::nullopt);
      if (!keys.ok()) return Error(keys.status());
      json out = json::array();
      for (const auto& k : *keys) out.push_back(KeyJson(k));
      return {200, json{{"data", out}}.dump()};
    }
    if (parts.size() == 1 && parts[0] == "keys" && method == "POST") {
      if (!in.contains("user_id") || !in["user_id"].is_number_integer()) {
        return Error(InvalidArgumentError("'user_id' must be an integer"));
      }
      auto key = store.CreateApiKey(in["user_id"].get<int64_t>(), in.value("label", ""));
      if (!key.ok()) return Error(key.status());
      Status s = record(
          "permission_change",
          {{"action", "key_created"}, {"key_id", key->key.key_id}, {"user_id", key->key.user_id}});
      if (!s.ok()) return Error(s);
      json out = KeyJson(key->key);
      out["token"] = key->token;
      return {201, out.dump()};
    }
    if (parts.size() == 3 && parts[0] == "keys" && parts[2] == "revoke" && method == "POST") {
      auto key = store.RevokeApiKey(parts[1]);
      if (!key.ok()) return Error(key.status());
      Status s = record("permission_change", {{"action", "key_revoked"}, {"key_id", key->key_id}});
      if (!s.ok()) return Error(s);
      return {200, KeyJson(*key).dump()};
    }
  } catch (const json::exception& e) {
    return Error(InvalidArgumentError(std::string("a field has the wrong type: ") + e.what()));
  }
  return Error(
      NotFoundError("no admin route " + std::string(method) + " /admin" + std::string(path)));
}

}  // namespace hegui::gateway
