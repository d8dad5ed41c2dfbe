#include "store/migrations.h"

#include <chrono>
#include <string>
#include <utility>

namespace hegui::store {
namespace {

// Released migrations: never edit one, add the next. Each is written once in a
// portable form; DialectSql() fills its placeholders for the backend:
//   ${id}             the table's generated integer primary key
//   ${ref}            the type of a column that references such a key
//   ${without_rowid}  SQLite's WITHOUT ROWID table option (nothing in PostgreSQL)
constexpr Migration kMigrations[] = {
    {1, "users and api_keys",
     R"sql(
CREATE TABLE users (
  id ${id},
  display_name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'auditor', 'user')),
  identity_status TEXT NOT NULL DEFAULT 'unverified'
    CHECK (identity_status IN ('unverified', 'verified')),
  identity_method TEXT NOT NULL DEFAULT '',
  identity_verified_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE TABLE api_keys (
  key_id TEXT NOT NULL PRIMARY KEY,
  user_id ${ref} NOT NULL REFERENCES users(id),
  secret_sha256 TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  revoked INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT,
  last_used_at BIGINT
)${without_rowid};
CREATE INDEX api_keys_by_user ON api_keys(user_id, created_at);
)sql"},
    {2, "review_items",
     R"sql(
CREATE TABLE review_items (
  id ${id},
  created_at BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  reason TEXT NOT NULL,
  category TEXT NOT NULL,
  article TEXT NOT NULL,
  request_summary TEXT NOT NULL,
  request_id TEXT NOT NULL DEFAULT '',
  user_id ${ref} REFERENCES users(id),
  decision_note TEXT NOT NULL DEFAULT '',
  reviewer TEXT NOT NULL DEFAULT '',
  decided_at BIGINT
);
CREATE INDEX review_items_by_status ON review_items(status, id);
)sql"},
    {3, "security_assessments",
     R"sql(
CREATE TABLE security_assessments (
  id ${id},
  description TEXT NOT NULL,
  upstream TEXT NOT NULL,
  region TEXT NOT NULL,
  valid_until BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX security_assessments_by_upstream ON security_assessments(upstream, valid_until);
CREATE TABLE security_assessment_data_classes (
  assessment_id ${ref} NOT NULL REFERENCES security_assessments(id),
  data_class TEXT NOT NULL,
  PRIMARY KEY (assessment_id, data_class)
)${without_rowid};
)sql"},
    {4, "complaints",
     R"sql(
CREATE TABLE complaints (
  id ${id},
  created_at BIGINT NOT NULL,
  channel TEXT NOT NULL,
  text TEXT NOT NULL,
  contact TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved')),
  response TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL
);
CREATE INDEX complaints_by_status ON complaints(status, id);
)sql"},
    {5, "review_items side and held",
     R"sql(
ALTER TABLE review_items ADD COLUMN side TEXT NOT NULL DEFAULT '';
ALTER TABLE review_items ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
)sql"},
};

static_assert(std::size(kMigrations) == kLatestSchemaVersion,
              "kLatestSchemaVersion must name the last migration");

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

// Arbitrary constant identifying hegui's migration lock among advisory locks.
constexpr std::string_view kPostgresMigrationLock = "SELECT pg_advisory_xact_lock(4845475549)";

StatusOr<int> MaxVersion(internal::SqlConnection& conn) {
  StatusOr<std::vector<internal::SqlRow>> rows =
      conn.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {});
  if (!rows.ok()) return rows.status();
  if (rows->size() != 1) return InternalError("schema_migrations: MAX(version) returned no row");
  StatusOr<int64_t> version = (*rows)[0].Int(0);
  if (!version.ok()) return version.status();
  return static_cast<int>(*version);
}

// One step under the migration lock: returns the version after the step and
// whether anything was applied.
StatusOr<std::pair<int, bool>> Step(internal::SqlConnection& conn, int target) {
  HEGUI_RETURN_IF_ERROR(conn.BeginWrite());
  auto fail = [&conn](Status status) {
    (void)conn.Exec("ROLLBACK");
    return status;
  };
  const bool postgres = conn.dialect() == internal::Dialect::kPostgres;
  if (postgres) {
    if (Status s = conn.Exec(kPostgresMigrationLock); !s.ok()) return fail(s);
  }
  if (Status s = conn.Exec(kCreateMigrationsTable); !s.ok()) return fail(s);
  StatusOr<int> current = MaxVersion(conn);
  if (!current.ok()) return fail(current.status());
  if (*current > kLatestSchemaVersion) {
    return fail(FailedPreconditionError(
        "database schema is at version " + std::to_string(*current) +
        ", newer than this hegui binary supports (" + std::to_string(kLatestSchemaVersion) +
        "); it was written by a newer hegui: upgrade hegui, do not downgrade the database"));
  }
  if (*current >= target) {
    if (Status s = conn.Exec("COMMIT"); !s.ok()) return fail(s);
    return std::make_pair(*current, false);
  }
  const Migration& m = kMigrations[*current];
  if (Status s = conn.Exec(internal::DialectSql(m.sql, conn.dialect())); !s.ok()) {
    return fail(s.WithContext("applying migration " + std::to_string(m.version) + " (" +
                              std::string(m.name) + ")"));
  }
  const int64_t now = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  StatusOr<std::vector<internal::SqlRow>> inserted =
      conn.Query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                 {int64_t{m.version}, m.name, now});
  if (!inserted.ok()) return fail(inserted.status());
  if (Status s = conn.Exec("COMMIT"); !s.ok()) return fail(s);
  return std::make_pair(m.version, true);
}

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

namespace internal {

std::string DialectSql(std::string_view portable, Dialect dialect) {
  const bool postgres = dialect == Dialect::kPostgres;
  const std::pair<std::string_view, std::string_view> fills[] = {
      {"${id}", postgres ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
                         : "INTEGER PRIMARY KEY AUTOINCREMENT"},
      {"${ref}", postgres ? "BIGINT" : "INTEGER"},
      {"${without_rowid}", postgres ? "" : " WITHOUT ROWID"},
  };
  std::string sql;
  sql.reserve(portable.size() + 64);
  while (!portable.empty()) {
    const size_t at = portable.find("${");
    sql.append(portable.substr(0, at));
    if (at == std::string_view::npos) break;
    portable.remove_prefix(at);
    bool filled = false;
    for (const auto& [placeholder, fill] : fills) {
      if (portable.starts_with(placeholder)) {
        sql.append(fill);
        portable.remove_prefix(placeholder.size());
        filled = true;
        break;
      }
    }
    if (!filled) {  // Not a placeholder: keep the text (tests keep migrations free of these).
      sql.append("${");
      portable.remove_prefix(2);
    }
  }
  return sql;
}

StatusOr<int> Migrate(SqlConnection& conn, int target) {
  if (target <= 0 || target > kLatestSchemaVersion) target = kLatestSchemaVersion;
  for (;;) {
    StatusOr<std::pair<int, bool>> step = Step(conn, target);
    if (!step.ok()) return step.status();
    if (!step->second) return step->first;
  }
}

StatusOr<int> CurrentSchemaVersion(SqlConnection& conn) { return MaxVersion(conn); }

}  // namespace internal
}  // namespace hegui::store
