// PostgresConnection: one libpq connection with per-connection prepared
// statements (named s0, s1, ... on first use, PQexecPrepared afterwards).
//
// Parameters are always sent separately from the SQL text (text format, types
// inferred by the server). A connection found broken before a call is reset
// once (PQreset) and its statement cache cleared; if it stays broken the call
// fails with Unavailable. Server notices are discarded (they would otherwise
// go to stderr). Error mapping by SQLSTATE: 23505 -> AlreadyExists, class 08,
// 57P, 40001, 40P01 -> Unavailable, other 23xxx -> InvalidArgument, the rest
// Internal. Messages never include the conninfo (it may hold a password).
//
// Not thread-safe: one thread at a time (the pool guarantees it).
#ifndef HEGUI_STORE_INTERNAL_POSTGRES_CONNECTION_H_
#define HEGUI_STORE_INTERNAL_POSTGRES_CONNECTION_H_

#include <memory>
#include <string>

#include "core/status_or.h"
#include "store/internal/sql_connection.h"

namespace hegui::store::internal {

// `conninfo` is a postgresql:// URI or a libpq key=value string.
StatusOr<std::unique_ptr<SqlConnection>> OpenPostgresConnection(const std::string& conninfo);

}  // namespace hegui::store::internal

#endif  // HEGUI_STORE_INTERNAL_POSTGRES_CONNECTION_H_
