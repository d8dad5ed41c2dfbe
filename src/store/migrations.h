// The store's schema as a numbered list of migrations, one SQL script per
// backend dialect, and the runner that brings a database up to date.
//
// Invariants: versions are 1, 2, 3, ... with no gaps; a migration, once
// released, is never edited (a change is a new migration); each one is applied
// in its own transaction together with its row in schema_migrations(version,
// name, applied_at), so a crash leaves the database at the previous version.
// A database whose highest version is above kLatestSchemaVersion was written
// by a newer hegui and is refused (FailedPrecondition), never modified.
// Several processes may migrate at once: SQLite takes the write lock first
// (BEGIN IMMEDIATE), PostgreSQL a transaction-scoped advisory lock.
//
// The schema itself is described in docs/store.md.
#ifndef HEGUI_STORE_MIGRATIONS_H_
#define HEGUI_STORE_MIGRATIONS_H_

#include <span>
#include <string>
#include <string_view>

#include "core/status_or.h"
#include "store/internal/sql_connection.h"

namespace hegui::store {

struct Migration {
  int version;
  std::string_view name;
  // Portable SQL with ${...} placeholders; run DialectSql() on it.
  std::string_view sql;
};

// All migrations this binary knows, in order.
std::span<const Migration> Migrations();
inline constexpr int kLatestSchemaVersion = 5;

namespace internal {

// A migration's portable SQL with its placeholders filled in for `dialect`.
std::string DialectSql(std::string_view portable, Dialect dialect);

// Applies migrations up to `target` (kLatestSchemaVersion if 0) on `conn` and
// returns the resulting version.
StatusOr<int> Migrate(SqlConnection& conn, int target);

// Highest applied version (0 for a fresh database).
StatusOr<int> CurrentSchemaVersion(SqlConnection& conn);

}  // namespace internal
}  // namespace hegui::store

#endif  // HEGUI_STORE_MIGRATIONS_H_
