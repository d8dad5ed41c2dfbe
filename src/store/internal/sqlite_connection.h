// SqliteConnection: one sqlite3 handle with a cache of prepared statements.
//
// Opened in WAL mode (file databases) with a busy timeout, foreign keys on and
// synchronous=NORMAL (durable across process crashes; an OS crash may lose the
// last transactions, never corrupt the file). SQLITE_BUSY/LOCKED after the
// timeout become Unavailable. Not thread-safe: one thread at a time (the pool
// guarantees it); the handle is opened with SQLITE_OPEN_NOMUTEX for that reason.
#ifndef HEGUI_STORE_INTERNAL_SQLITE_CONNECTION_H_
#define HEGUI_STORE_INTERNAL_SQLITE_CONNECTION_H_

#include <chrono>
#include <memory>
#include <string>

#include "core/status_or.h"
#include "store/internal/sql_connection.h"

namespace hegui::store::internal {

// `path` is a file path or ":memory:".
StatusOr<std::unique_ptr<SqlConnection>> OpenSqliteConnection(
    const std::string& path, std::chrono::milliseconds busy_timeout);

}  // namespace hegui::store::internal

#endif  // HEGUI_STORE_INTERNAL_SQLITE_CONNECTION_H_
