// Opening a Store from a URL, and the options every backend honours.
//
// URLs (docs/store.md):
//   sqlite:///abs/path/hegui.db   SQLite file (created if missing), WAL mode
//   sqlite://./rel/path.db        SQLite file relative to the working directory
//   sqlite::memory:               private in-memory SQLite database
//   postgresql://user@host:5432/db?sslmode=disable   (also postgres://)
//   host=... dbname=...           any other libpq conninfo string
// Open() connects, applies pending migrations (store/migrations.h) and
// refuses a database whose schema is newer than this binary.
//
// Thread safety: Open() may be called from any thread; the returned Store is
// thread-safe (store/store.h).
#ifndef HEGUI_STORE_OPEN_H_
#define HEGUI_STORE_OPEN_H_

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/status_or.h"
#include "store/records.h"
#include "store/store.h"

namespace hegui::store {

struct StoreOptions {
  // Connections kept open; calls beyond this many at once wait for one.
  // 0 = backend default (SQLite file: 8, SQLite memory: 1, PostgreSQL: 8).
  int pool_size = 0;
  // How long a call waits for a lock (SQLite busy timeout) or a connection.
  std::chrono::milliseconds busy_timeout{5000};
  // Authenticate() writes last_used_at only when the stored value is older
  // than this, so the hot path is read-only almost always.
  std::chrono::seconds last_used_granularity{60};
  // Migrate only up to this schema version (0 = the newest this binary knows).
  // For tests of upgrades and for staged roll-outs.
  int migrate_up_to = 0;
  // Source of "now" for created_at and similar fields; system clock if empty.
  std::function<Time()> clock;
};

// The scheme of a store URL, decided without connecting.
enum class Backend { kSqlite, kPostgres };
StatusOr<Backend> BackendForUrl(std::string_view url);

// The store URL to use when none is given: $HEGUI_STORE if set and not
// empty, else "sqlite://./hegui.db".
std::string DefaultStoreUrl();

// Opens (and migrates) the store named by `url`. InvalidArgument for a URL no
// backend accepts; Unavailable if the database cannot be opened or reached;
// FailedPrecondition if its schema is newer than this binary.
StatusOr<std::unique_ptr<Store>> Open(std::string_view url, const StoreOptions& options = {});

}  // namespace hegui::store

#endif  // HEGUI_STORE_OPEN_H_
