// SqlConnection: the small driver interface the SQL store is written against,
// implemented once for SQLite and once for PostgreSQL (libpq). Not public API.
//
// Statements are written with `?` placeholders (the PostgreSQL driver turns
// them into $1, $2, ...); they contain no string literals with '?' in them.
// Each connection prepares a statement on first use and caches it by text, so
// a repeated query costs one bind + step. Parameters are always bound, never
// spliced into SQL text.
//
// Error mapping done by drivers: unique-constraint violation -> kAlreadyExists,
// busy/locked/connection lost -> kUnavailable, other SQL errors -> kInternal.
//
// Thread safety: a connection is used by one thread at a time (the pool in
// store/internal/connection_pool.h hands it out).
#ifndef HEGUI_STORE_INTERNAL_SQL_CONNECTION_H_
#define HEGUI_STORE_INTERNAL_SQL_CONNECTION_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"
#include "core/status_or.h"

namespace hegui::store::internal {

enum class Dialect { kSqlite, kPostgres };

// A bound parameter: NULL, an integer or text (borrowed for the call only).
using SqlParam = std::variant<std::monostate, int64_t, std::string_view>;

// A value read back: NULL, an integer, or text. PostgreSQL returns integers as
// text; SqlRow's accessors accept either.
using SqlValue = std::variant<std::monostate, int64_t, std::string>;

class SqlRow {
 public:
  explicit SqlRow(std::vector<SqlValue> values) : values_(std::move(values)) {}
  size_t size() const { return values_.size(); }
  bool IsNull(size_t i) const { return std::holds_alternative<std::monostate>(values_[i]); }
  // DataLoss if the column is NULL or not an integer.
  StatusOr<int64_t> Int(size_t i) const;
  // Text of the column; "" for NULL; an integer column in decimal.
  std::string Text(size_t i) const;

 private:
  std::vector<SqlValue> values_;
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const = 0;

  // Runs one parameterised statement and returns its rows (if any).
  virtual StatusOr<std::vector<SqlRow>> Query(std::string_view sql,
                                              std::initializer_list<SqlParam> params) = 0;
  // Runs a script of statements without parameters (migrations, BEGIN...).
  virtual Status Exec(std::string_view script) = 0;
  // Starts a transaction that will write (SQLite: BEGIN IMMEDIATE, taking the
  // write lock up front so two writers never deadlock on upgrade).
  virtual Status BeginWrite() = 0;
};

}  // namespace hegui::store::internal

#endif  // HEGUI_STORE_INTERNAL_SQL_CONNECTION_H_
