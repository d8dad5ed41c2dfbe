#include "store/open.h"

#include <cstdlib>

#include "store/internal/connection_pool.h"
#include "store/internal/postgres_connection.h"
#include "store/internal/sql_store.h"
#include "store/internal/sqlite_connection.h"

namespace hegui::store {
namespace {

constexpr std::string_view kSqliteMemory = "sqlite::memory:";
constexpr std::string_view kSqliteScheme = "sqlite://";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

Status UnknownUrl(std::string_view url) {
  return InvalidArgumentError(
      "store URL '" + std::string(url.substr(0, 64)) +
      "' names no known backend; use sqlite:///path/to/file.db, sqlite::memory:, "
      "postgresql://user@host/db or a libpq conninfo such as 'host=... dbname=...'");
}

}  // namespace

std::string DefaultStoreUrl() {
  const char* env = std::getenv("HEGUI_STORE");
  if (env != nullptr && *env != '\0') return env;
  return "sqlite://./hegui.db";
}

StatusOr<Backend> BackendForUrl(std::string_view url) {
  if (url == kSqliteMemory || StartsWith(url, kSqliteScheme)) return Backend::kSqlite;
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    return Backend::kPostgres;
  }
  if (url.find('=') != std::string_view::npos && url.find("://") == std::string_view::npos) {
    return Backend::kPostgres;
  }
  return UnknownUrl(url);
}

StatusOr<std::unique_ptr<Store>> Open(std::string_view url, const StoreOptions& options) {
  HEGUI_ASSIGN_OR_RETURN(Backend backend, BackendForUrl(url));
  if (backend == Backend::kSqlite) {
    std::string path;
    if (url == kSqliteMemory) {
      path = ":memory:";
    } else {
      path = std::string(url.substr(kSqliteScheme.size()));
      if (path.empty()) return InvalidArgumentError("store URL 'sqlite://' names no file");
    }
    // An in-memory database exists only inside its one connection.
    const int pool_size = path == ":memory:" ? 1 : (options.pool_size > 0 ? options.pool_size : 8);
    const std::chrono::milliseconds busy = options.busy_timeout;
    auto pool = std::make_unique<internal::ConnectionPool>(
        [path, busy] { return internal::OpenSqliteConnection(path, busy); }, pool_size, busy);
    return internal::OpenSqlStore("sqlite", std::move(pool), options);
  }
  const std::string conninfo(url);
  const int pool_size = options.pool_size > 0 ? options.pool_size : 8;
  auto pool = std::make_unique<internal::ConnectionPool>(
      [conninfo] { return internal::OpenPostgresConnection(conninfo); }, pool_size,
      options.busy_timeout);
  return internal::OpenSqlStore("postgresql", std::move(pool), options);
}

}  // namespace hegui::store
