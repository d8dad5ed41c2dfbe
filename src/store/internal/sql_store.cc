#include "store/internal/sql_store.h"

#include <algorithm>
#include <map>
#include <utility>

#include "store/api_key_token.h"
#include "store/migrations.h"

namespace hegui::store::internal {
namespace {

using Rows = std::vector<SqlRow>;

constexpr size_t kMaxNameBytes = 200;
constexpr size_t kMaxTextBytes = kMaxRecordTextBytes;

int64_t Micros(Time t) { return t.time_since_epoch().count(); }
Time FromMicros(int64_t us) { return Time(std::chrono::microseconds(us)); }

StatusOr<std::optional<Time>> OptionalTime(const SqlRow& row, size_t i) {
  if (row.IsNull(i)) return std::optional<Time>();
  StatusOr<int64_t> us = row.Int(i);
  if (!us.ok()) return us.status();
  return std::optional<Time>(FromMicros(*us));
}

Status CheckName(std::string_view what, std::string_view value) {
  if (value.empty()) return InvalidArgumentError(std::string(what) + " must not be empty");
  if (value.size() > kMaxNameBytes) {
    return InvalidArgumentError(std::string(what) + " is longer than " +
                                std::to_string(kMaxNameBytes) + " bytes");
  }
  return OkStatus();
}

Status CheckText(std::string_view what, std::string_view value) {
  if (value.size() > kMaxTextBytes) {
    return InvalidArgumentError(std::string(what) + " is longer than " +
                                std::to_string(kMaxTextBytes) + " bytes");
  }
  return OkStatus();
}

// --- Row readers: the column lists below and these functions go together. ---

constexpr std::string_view kUserColumns =
    "id, display_name, role, identity_status, identity_method, identity_verified_at, created_at";

// Reads the user columns starting at column `at`.
StatusOr<User> ReadUserAt(const SqlRow& row, size_t at) {
  User u;
  HEGUI_ASSIGN_OR_RETURN(u.id, row.Int(at + 0));
  u.display_name = row.Text(at + 1);
  HEGUI_ASSIGN_OR_RETURN(u.role, ParseRole(row.Text(at + 2)));
  HEGUI_ASSIGN_OR_RETURN(u.identity_status, ParseIdentityStatus(row.Text(at + 3)));
  u.identity_method = row.Text(at + 4);
  HEGUI_ASSIGN_OR_RETURN(u.identity_verified_at, OptionalTime(row, at + 5));
  HEGUI_ASSIGN_OR_RETURN(int64_t created, row.Int(at + 6));
  u.created_at = FromMicros(created);
  return u;
}

StatusOr<User> ReadUser(const SqlRow& row) { return ReadUserAt(row, 0); }

constexpr std::string_view kKeyColumns =
    "key_id, user_id, label, revoked, created_at, revoked_at, last_used_at";

StatusOr<ApiKey> ReadKey(const SqlRow& row) {
  ApiKey k;
  k.key_id = row.Text(0);
  HEGUI_ASSIGN_OR_RETURN(k.user_id, row.Int(1));
  k.label = row.Text(2);
  HEGUI_ASSIGN_OR_RETURN(int64_t revoked, row.Int(3));
  k.revoked = revoked != 0;
  HEGUI_ASSIGN_OR_RETURN(int64_t created, row.Int(4));
  k.created_at = FromMicros(created);
  HEGUI_ASSIGN_OR_RETURN(k.revoked_at, OptionalTime(row, 5));
  HEGUI_ASSIGN_OR_RETURN(k.last_used_at, OptionalTime(row, 6));
  return k;
}

constexpr std::string_view kReviewColumns =
    "id, created_at, status, reason, category, article, request_summary, request_id, user_id, "
    "decision_note, reviewer, decided_at, side, held";

StatusOr<ReviewItem> ReadReviewItem(const SqlRow& row) {
  ReviewItem r;
  HEGUI_ASSIGN_OR_RETURN(r.id, row.Int(0));
  HEGUI_ASSIGN_OR_RETURN(int64_t created, row.Int(1));
  r.created_at = FromMicros(created);
  HEGUI_ASSIGN_OR_RETURN(r.status, ParseReviewStatus(row.Text(2)));
  r.reason = row.Text(3);
  r.category = row.Text(4);
  r.article = row.Text(5);
  r.request_summary = row.Text(6);
  r.request_id = row.Text(7);
  if (!row.IsNull(8)) {
    HEGUI_ASSIGN_OR_RETURN(UserId user, row.Int(8));
    r.user_id = user;
  }
  r.decision_note = row.Text(9);
  r.reviewer = row.Text(10);
  HEGUI_ASSIGN_OR_RETURN(r.decided_at, OptionalTime(row, 11));
  r.side = row.Text(12);
  HEGUI_ASSIGN_OR_RETURN(int64_t held, row.Int(13));
  r.held = held != 0;
  return r;
}

constexpr std::string_view kAssessmentColumns =
    "id, description, upstream, region, valid_until, created_at";

StatusOr<SecurityAssessment> ReadAssessment(const SqlRow& row) {
  SecurityAssessment a;
  HEGUI_ASSIGN_OR_RETURN(a.id, row.Int(0));
  a.description = row.Text(1);
  a.upstream = row.Text(2);
  a.region = row.Text(3);
  HEGUI_ASSIGN_OR_RETURN(int64_t valid_until, row.Int(4));
  a.valid_until = FromMicros(valid_until);
  HEGUI_ASSIGN_OR_RETURN(int64_t created, row.Int(5));
  a.created_at = FromMicros(created);
  return a;
}

constexpr std::string_view kComplaintColumns =
    "id, created_at, channel, text, contact, status, response, updated_at";

StatusOr<Complaint> ReadComplaint(const SqlRow& row) {
  Complaint c;
  HEGUI_ASSIGN_OR_RETURN(c.id, row.Int(0));
  HEGUI_ASSIGN_OR_RETURN(int64_t created, row.Int(1));
  c.created_at = FromMicros(created);
  c.channel = row.Text(2);
  c.text = row.Text(3);
  c.contact = row.Text(4);
  HEGUI_ASSIGN_OR_RETURN(c.status, ParseComplaintStatus(row.Text(5)));
  c.response = row.Text(6);
  HEGUI_ASSIGN_OR_RETURN(int64_t updated, row.Int(7));
  c.updated_at = FromMicros(updated);
  return c;
}

template <typename T, typename Reader>
StatusOr<std::vector<T>> ReadAll(const Rows& rows, Reader read) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (const SqlRow& row : rows) {
    StatusOr<T> value = read(row);
    if (!value.ok()) return value.status();
    out.push_back(std::move(value).value());
  }
  return out;
}

// Builds "SELECT <columns> FROM <rest>" once per call site (static storage).
std::string Sql(std::string_view head, std::string_view columns, std::string_view tail) {
  std::string s(head);
  s += columns;
  s += tail;
  return s;
}

class SqlStore final : public Store {
 public:
  SqlStore(std::string backend_name, std::unique_ptr<ConnectionPool> pool,
           const StoreOptions& options)
      : backend_name_(std::move(backend_name)),
        pool_(std::move(pool)),
        last_used_granularity_(options.last_used_granularity),
        clock_(options.clock) {}

  std::string_view backend_name() const override { return backend_name_; }

  StatusOr<int> SchemaVersion() override {
    HEGUI_ASSIGN_OR_RETURN(ConnectionPool::Lease conn, pool_->Acquire());
    return CurrentSchemaVersion(*conn);
  }

  // --- Users ---

  StatusOr<User> CreateUser(std::string_view display_name, Role role) override {
    HEGUI_RETURN_IF_ERROR(CheckName("user display name", display_name));
    static const std::string kSql =
        Sql("INSERT INTO users (display_name, role, created_at) VALUES (?, ?, ?) RETURNING ",
            kUserColumns, "");
    StatusOr<Rows> rows = Run(kSql, {display_name, RoleName(role), Micros(Now())});
    if (!rows.ok() && rows.status().code() == StatusCode::kAlreadyExists) {
      return AlreadyExistsError("a user named '" + std::string(display_name) + "' already exists");
    }
    return One<User>(rows, ReadUser, "created user");
  }

  StatusOr<User> GetUser(UserId id) override {
    static const std::string kSql = Sql("SELECT ", kUserColumns, " FROM users WHERE id = ?");
    return Found<User>(Run(kSql, {id}), ReadUser, "user " + std::to_string(id));
  }

  StatusOr<std::vector<User>> ListUsers() override {
    static const std::string kSql = Sql("SELECT ", kUserColumns, " FROM users ORDER BY id");
    HEGUI_ASSIGN_OR_RETURN(Rows rows, Run(kSql, {}));
    return ReadAll<User>(rows, ReadUser);
  }

  StatusOr<User> VerifyUserIdentity(UserId id, std::string_view method, Time at) override {
    HEGUI_RETURN_IF_ERROR(CheckName("identity verification method", method));
    static const std::string kSql =
        Sql("UPDATE users SET identity_status = 'verified', identity_method = ?, "
            "identity_verified_at = ? WHERE id = ? RETURNING ",
            kUserColumns, "");
    return Found<User>(Run(kSql, {method, Micros(at), id}), ReadUser, "user " + std::to_string(id));
  }

  StatusOr<User> SetUserRole(UserId id, Role role) override {
    static const std::string kSql =
        Sql("UPDATE users SET role = ? WHERE id = ? RETURNING ", kUserColumns, "");
    return Found<User>(Run(kSql, {RoleName(role), id}), ReadUser, "user " + std::to_string(id));
  }

  // --- API keys ---

  StatusOr<IssuedApiKey> CreateApiKey(UserId user_id, std::string_view label) override {
    HEGUI_RETURN_IF_ERROR(CheckText("key label", label));
    if (label.size() > kMaxNameBytes) {
      return InvalidArgumentError("key label is longer than " + std::to_string(kMaxNameBytes) +
                                  " bytes");
    }
    HEGUI_ASSIGN_OR_RETURN(ApiKeyToken token, GenerateApiKeyToken());
    const std::string hash = HashApiKeySecret(token.secret);
    static const std::string kInsert =
        Sql("INSERT INTO api_keys (key_id, user_id, secret_sha256, label, created_at) "
            "VALUES (?, ?, ?, ?, ?) RETURNING ",
            kKeyColumns, "");
    HEGUI_ASSIGN_OR_RETURN(ConnectionPool::Lease conn, pool_->Acquire());
    HEGUI_RETURN_IF_ERROR(conn->BeginWrite());
    StatusOr<Rows> owner = conn->Query("SELECT id FROM users WHERE id = ?", {user_id});
    if (!owner.ok()) return Rollback(*conn, owner.status());
    if (owner->empty()) {
      return Rollback(*conn, NotFoundError("user " + std::to_string(user_id) +
                                           " does not exist; cannot create an API key for it"));
    }
    StatusOr<Rows> rows = conn->Query(kInsert, {std::string_view(token.key_id), user_id,
                                                std::string_view(hash), label, Micros(Now())});
    if (!rows.ok()) return Rollback(*conn, rows.status().WithContext("creating API key"));
    if (Status s = conn->Exec("COMMIT"); !s.ok()) return Rollback(*conn, s);
    StatusOr<ApiKey> key = One<ApiKey>(rows, ReadKey, "created API key");
    if (!key.ok()) return key.status();
    return IssuedApiKey{std::move(key).value(), token.token()};
  }

  StatusOr<ApiKey> RevokeApiKey(std::string_view key_id) override {
    HEGUI_ASSIGN_OR_RETURN(std::string id, NormalizeKeyId(key_id));
    static const std::string kSql =
        Sql("UPDATE api_keys SET revoked = 1, revoked_at = ? WHERE key_id = ? AND revoked = 0 "
            "RETURNING ",
            kKeyColumns, "");
    HEGUI_ASSIGN_OR_RETURN(Rows rows, Run(kSql, {Micros(Now()), std::string_view(id)}));
    if (!rows.empty()) return ReadKey(rows[0]);
    HEGUI_RETURN_IF_ERROR(GetApiKey(id).status());  // NotFound for an unknown key.
    return FailedPreconditionError("API key hg_" + id + " was already revoked");
  }

  StatusOr<ApiKey> GetApiKey(std::string_view key_id) override {
    HEGUI_ASSIGN_OR_RETURN(std::string id, NormalizeKeyId(key_id));
    static const std::string kSql = Sql("SELECT ", kKeyColumns, " FROM api_keys WHERE key_id = ?");
    return Found<ApiKey>(Run(kSql, {std::string_view(id)}), ReadKey, "API key hg_" + id);
  }

  StatusOr<std::vector<ApiKey>> ListApiKeys(std::optional<UserId> user_id) override {
    static const std::string kAll =
        Sql("SELECT ", kKeyColumns, " FROM api_keys ORDER BY created_at, key_id");
    static const std::string kOfUser = Sql("SELECT ", kKeyColumns,
                                           " FROM api_keys WHERE user_id = ? "
                                           "ORDER BY created_at, key_id");
    StatusOr<Rows> rows = user_id.has_value() ? Run(kOfUser, {*user_id}) : Run(kAll, {});
    if (!rows.ok()) return rows.status();
    return ReadAll<ApiKey>(*rows, ReadKey);
  }

  StatusOr<Principal> Authenticate(std::string_view token) override {
    HEGUI_ASSIGN_OR_RETURN(ApiKeyToken parsed, ParseApiKeyToken(token));
    // One primary-key lookup on api_keys joined to users by primary key.
    static const std::string kSql =
        "SELECT k.key_id, k.user_id, k.label, k.revoked, k.created_at, k.revoked_at, "
        "k.last_used_at, k.secret_sha256, u.id, u.display_name, u.role, u.identity_status, "
        "u.identity_method, u.identity_verified_at, u.created_at "
        "FROM api_keys k JOIN users u ON u.id = k.user_id WHERE k.key_id = ?";
    HEGUI_ASSIGN_OR_RETURN(ConnectionPool::Lease conn, pool_->Acquire());
    HEGUI_ASSIGN_OR_RETURN(Rows rows, conn->Query(kSql, {std::string_view(parsed.key_id)}));
    if (rows.empty()) return UnauthenticatedError("unknown API key hg_" + parsed.key_id);
    const SqlRow& row = rows[0];
    if (!ConstantTimeEquals(row.Text(7), HashApiKeySecret(parsed.secret))) {
      return UnauthenticatedError("API key hg_" + parsed.key_id + ": wrong secret");
    }
    HEGUI_ASSIGN_OR_RETURN(ApiKey key, ReadKey(row));
    if (key.revoked) return UnauthenticatedError("API key hg_" + parsed.key_id + " was revoked");
    HEGUI_ASSIGN_OR_RETURN(User user, ReadUserAt(row, 8));
    const Time now = Now();
    if (!key.last_used_at.has_value() || now - *key.last_used_at >= last_used_granularity_) {
      // Bookkeeping only: a busy database must not refuse service for it.
      StatusOr<Rows> touched = conn->Query("UPDATE api_keys SET last_used_at = ? WHERE key_id = ?",
                                           {Micros(now), std::string_view(key.key_id)});
      if (touched.ok()) {
        key.last_used_at = now;
      } else if (touched.status().code() != StatusCode::kUnavailable) {
        return touched.status().WithContext("recording last use of API key hg_" + key.key_id);
      }
    }
    return Principal{std::move(key), std::move(user)};
  }

  // --- Review queue ---

  StatusOr<ReviewItem> CreateReviewItem(const NewReviewItem& item) override {
    HEGUI_RETURN_IF_ERROR(CheckName("review reason", item.reason));
    HEGUI_RETURN_IF_ERROR(CheckText("review category", item.category));
    HEGUI_RETURN_IF_ERROR(CheckText("review article", item.article));
    HEGUI_RETURN_IF_ERROR(CheckText("review request summary", item.request_summary));
    HEGUI_RETURN_IF_ERROR(CheckText("review request id", item.request_id));
    static const std::string kSql =
        Sql("INSERT INTO review_items (created_at, reason, category, article, request_summary, "
            "request_id, user_id, side, held) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ",
            kReviewColumns, "");
    HEGUI_RETURN_IF_ERROR(CheckText("review side", item.side));
    SqlParam user = std::monostate{};
    if (item.user_id.has_value()) user = *item.user_id;
    StatusOr<Rows> rows =
        Run(kSql, {Micros(Now()), item.reason, item.category, item.article, item.request_summary,
                   item.request_id, user, item.side, int64_t{item.held ? 1 : 0}});
    return One<ReviewItem>(rows, ReadReviewItem, "created review item");
  }

  StatusOr<ReviewItem> GetReviewItem(ReviewItemId id) override {
    static const std::string kSql =
        Sql("SELECT ", kReviewColumns, " FROM review_items WHERE id = ?");
    return Found<ReviewItem>(Run(kSql, {id}), ReadReviewItem, "review item " + std::to_string(id));
  }

  StatusOr<std::vector<ReviewItem>> ListReviewItems(std::optional<ReviewStatus> status,
                                                    int limit) override {
    static const std::string kAll =
        Sql("SELECT ", kReviewColumns, " FROM review_items ORDER BY id LIMIT ?");
    static const std::string kWithStatus =
        Sql("SELECT ", kReviewColumns, " FROM review_items WHERE status = ? ORDER BY id LIMIT ?");
    const int64_t n = limit > 0 ? limit : 0;
    StatusOr<Rows> rows =
        status.has_value() ? Run(kWithStatus, {ReviewStatusName(*status), n}) : Run(kAll, {n});
    if (!rows.ok()) return rows.status();
    return ReadAll<ReviewItem>(*rows, ReadReviewItem);
  }

  StatusOr<ReviewItem> DecideReviewItem(ReviewItemId id, ReviewStatus decision,
                                        std::string_view reviewer, std::string_view note,
                                        Time at) override {
    if (decision == ReviewStatus::kPending) {
      return InvalidArgumentError("a review decision must be approved or rejected, not pending");
    }
    HEGUI_RETURN_IF_ERROR(CheckName("reviewer", reviewer));
    HEGUI_RETURN_IF_ERROR(CheckText("decision note", note));
    static const std::string kSql =
        Sql("UPDATE review_items SET status = ?, reviewer = ?, decision_note = ?, decided_at = ? "
            "WHERE id = ? AND status = 'pending' RETURNING ",
            kReviewColumns, "");
    HEGUI_ASSIGN_OR_RETURN(Rows rows,
                           Run(kSql, {ReviewStatusName(decision), reviewer, note, Micros(at), id}));
    if (!rows.empty()) return ReadReviewItem(rows[0]);
    HEGUI_ASSIGN_OR_RETURN(ReviewItem existing, GetReviewItem(id));
    return FailedPreconditionError("review item " + std::to_string(id) + " was already " +
                                   std::string(ReviewStatusName(existing.status)) + " by '" +
                                   existing.reviewer + "'; the first decision stands");
  }

  // --- Security assessments ---

  StatusOr<SecurityAssessment> CreateSecurityAssessment(
      const NewSecurityAssessment& assessment) override {
    HEGUI_RETURN_IF_ERROR(CheckName("assessment description", assessment.description));
    HEGUI_RETURN_IF_ERROR(CheckName("assessment upstream", assessment.upstream));
    HEGUI_RETURN_IF_ERROR(CheckName("assessment region", assessment.region));
    std::vector<std::string> classes = assessment.data_classes;
    for (const std::string& c : classes) {
      HEGUI_RETURN_IF_ERROR(CheckName("assessment data class", c));
    }
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    if (classes.empty()) {
      return InvalidArgumentError("a security assessment must cover at least one data class");
    }
    static const std::string kInsert =
        Sql("INSERT INTO security_assessments (description, upstream, region, valid_until, "
            "created_at) VALUES (?, ?, ?, ?, ?) RETURNING ",
            kAssessmentColumns, "");
    HEGUI_ASSIGN_OR_RETURN(ConnectionPool::Lease conn, pool_->Acquire());
    HEGUI_RETURN_IF_ERROR(conn->BeginWrite());
    StatusOr<Rows> rows =
        conn->Query(kInsert, {assessment.description, assessment.upstream, assessment.region,
                              Micros(assessment.valid_until), Micros(Now())});
    if (!rows.ok()) return Rollback(*conn, rows.status());
    StatusOr<SecurityAssessment> created = One<SecurityAssessment>(rows, ReadAssessment, "");
    if (!created.ok()) return Rollback(*conn, created.status());
    for (const std::string& c : classes) {
      StatusOr<Rows> r = conn->Query(
          "INSERT INTO security_assessment_data_classes (assessment_id, data_class) VALUES (?, ?)",
          {created->id, std::string_view(c)});
      if (!r.ok()) return Rollback(*conn, r.status());
    }
    if (Status s = conn->Exec("COMMIT"); !s.ok()) return Rollback(*conn, s);
    created->data_classes = std::move(classes);
    return created;
  }

  StatusOr<std::vector<SecurityAssessment>> ListSecurityAssessments() override {
    static const std::string kSql =
        Sql("SELECT ", kAssessmentColumns, " FROM security_assessments ORDER BY id");
    HEGUI_ASSIGN_OR_RETURN(ConnectionPool::Lease conn, pool_->Acquire());
    HEGUI_ASSIGN_OR_RETURN(Rows rows, conn->Query(kSql, {}));
    HEGUI_ASSIGN_OR_RETURN(std::vector<SecurityAssessment> all,
                           ReadAll<SecurityAssessment>(rows, ReadAssessment));
    HEGUI_ASSIGN_OR_RETURN(Rows classes, conn->Query("SELECT assessment_id, data_class FROM "
                                                     "security_assessment_data_classes "
                                                     "ORDER BY assessment_id, data_class",
                                                     {}));
    std::map<AssessmentId, SecurityAssessment*> by_id;
    for (SecurityAssessment& a : all) by_id[a.id] = &a;
    for (const SqlRow& row : classes) {
      HEGUI_ASSIGN_OR_RETURN(AssessmentId id, row.Int(0));
      auto it = by_id.find(id);
      if (it != by_id.end()) it->second->data_classes.push_back(row.Text(1));
    }
    return all;
  }

  StatusOr<std::optional<SecurityAssessment>> FindSecurityAssessment(std::string_view upstream,
                                                                     std::string_view data_class,
                                                                     Time at) override {
    static const std::string kSql =
        "SELECT a.id, a.description, a.upstream, a.region, a.valid_until, a.created_at "
        "FROM security_assessments a JOIN security_assessment_data_classes c "
        "ON c.assessment_id = a.id WHERE a.upstream = ? AND c.data_class = ? "
        "AND a.valid_until > ? ORDER BY a.valid_until DESC, a.id LIMIT 1";
    HEGUI_ASSIGN_OR_RETURN(ConnectionPool::Lease conn, pool_->Acquire());
    HEGUI_ASSIGN_OR_RETURN(Rows rows, conn->Query(kSql, {upstream, data_class, Micros(at)}));
    if (rows.empty()) return std::optional<SecurityAssessment>();
    HEGUI_ASSIGN_OR_RETURN(SecurityAssessment found, ReadAssessment(rows[0]));
    HEGUI_ASSIGN_OR_RETURN(Rows classes, conn->Query("SELECT data_class FROM "
                                                     "security_assessment_data_classes WHERE "
                                                     "assessment_id = ? ORDER BY data_class",
                                                     {found.id}));
    for (const SqlRow& row : classes) found.data_classes.push_back(row.Text(0));
    return std::optional<SecurityAssessment>(std::move(found));
  }

  // --- Complaints ---

  StatusOr<Complaint> CreateComplaint(const NewComplaint& complaint) override {
    HEGUI_RETURN_IF_ERROR(CheckName("complaint channel", complaint.channel));
    if (complaint.text.empty()) return InvalidArgumentError("complaint text must not be empty");
    HEGUI_RETURN_IF_ERROR(CheckText("complaint text", complaint.text));
    HEGUI_RETURN_IF_ERROR(CheckText("complaint contact", complaint.contact));
    const int64_t now = Micros(Now());
    static const std::string kSql =
        Sql("INSERT INTO complaints (created_at, channel, text, contact, updated_at) "
            "VALUES (?, ?, ?, ?, ?) RETURNING ",
            kComplaintColumns, "");
    return One<Complaint>(
        Run(kSql, {now, complaint.channel, complaint.text, complaint.contact, now}), ReadComplaint,
        "created complaint");
  }

  StatusOr<Complaint> GetComplaint(ComplaintId id) override {
    static const std::string kSql =
        Sql("SELECT ", kComplaintColumns, " FROM complaints WHERE id = ?");
    return Found<Complaint>(Run(kSql, {id}), ReadComplaint, "complaint " + std::to_string(id));
  }

  StatusOr<std::vector<Complaint>> ListComplaints(std::optional<ComplaintStatus> status,
                                                  int limit) override {
    static const std::string kAll =
        Sql("SELECT ", kComplaintColumns, " FROM complaints ORDER BY id LIMIT ?");
    static const std::string kWithStatus =
        Sql("SELECT ", kComplaintColumns, " FROM complaints WHERE status = ? ORDER BY id LIMIT ?");
    const int64_t n = limit > 0 ? limit : 0;
    StatusOr<Rows> rows =
        status.has_value() ? Run(kWithStatus, {ComplaintStatusName(*status), n}) : Run(kAll, {n});
    if (!rows.ok()) return rows.status();
    return ReadAll<Complaint>(*rows, ReadComplaint);
  }

  StatusOr<Complaint> UpdateComplaint(ComplaintId id, ComplaintStatus status,
                                      std::string_view response) override {
    HEGUI_RETURN_IF_ERROR(CheckText("complaint response", response));
    static const std::string kSql = Sql(
        "UPDATE complaints SET status = ?, response = ?, updated_at = ? WHERE id = ? RETURNING ",
        kComplaintColumns, "");
    return Found<Complaint>(Run(kSql, {ComplaintStatusName(status), response, Micros(Now()), id}),
                            ReadComplaint, "complaint " + std::to_string(id));
  }

 private:
  Time Now() const {
    if (clock_) return clock_();
    return std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
  }

  // One statement on a pooled connection, in autocommit mode.
  StatusOr<Rows> Run(const std::string& sql, std::initializer_list<SqlParam> params) {
    HEGUI_ASSIGN_OR_RETURN(ConnectionPool::Lease conn, pool_->Acquire());
    return conn->Query(sql, params);
  }

  static Status Rollback(SqlConnection& conn, Status status) {
    (void)conn.Exec("ROLLBACK");
    return status;
  }

  // The single row of `rows` as a T (a RETURNING clause always yields one).
  template <typename T, typename Reader>
  static StatusOr<T> One(const StatusOr<Rows>& rows, Reader read, std::string_view what) {
    if (!rows.ok()) return rows.status();
    if (rows->size() != 1) {
      return InternalError(std::string(what) + ": expected one row, got " +
                           std::to_string(rows->size()));
    }
    return read((*rows)[0]);
  }

  // The row of a lookup by id, or NotFound naming `what`.
  template <typename T, typename Reader>
  static StatusOr<T> Found(const StatusOr<Rows>& rows, Reader read, const std::string& what) {
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return NotFoundError(what + " does not exist");
    return read((*rows)[0]);
  }

  const std::string backend_name_;
  std::unique_ptr<ConnectionPool> pool_;
  const std::chrono::seconds last_used_granularity_;
  const std::function<Time()> clock_;
};

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenSqlStore(std::string backend_name,
                                              std::unique_ptr<ConnectionPool> pool,
                                              const StoreOptions& options) {
  {
    HEGUI_ASSIGN_OR_RETURN(ConnectionPool::Lease conn, pool->Acquire());
    StatusOr<int> version = Migrate(*conn, options.migrate_up_to);
    if (!version.ok()) return version.status();
  }
  return std::unique_ptr<Store>(
      std::make_unique<SqlStore>(std::move(backend_name), std::move(pool), options));
}

}  // namespace hegui::store::internal
