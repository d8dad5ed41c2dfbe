// SqlStore: the Store implementation shared by both backends, written once
// against SqlConnection (store/internal/sql_connection.h). Each backend only
// supplies connections; the SQL here is portable between SQLite 3.35+ and
// PostgreSQL 12+ (RETURNING, LIMIT, bound parameters).
//
// Thread safety: as Store. Lifetime: owns the pool.
#ifndef HEGUI_STORE_INTERNAL_SQL_STORE_H_
#define HEGUI_STORE_INTERNAL_SQL_STORE_H_

#include <memory>
#include <string>

#include "store/internal/connection_pool.h"
#include "store/open.h"
#include "store/store.h"

namespace hegui::store::internal {

// Migrates the database behind `pool` (options.migrate_up_to) and returns the
// store. `backend_name` is what Store::backend_name() reports.
StatusOr<std::unique_ptr<Store>> OpenSqlStore(std::string backend_name,
                                              std::unique_ptr<ConnectionPool> pool,
                                              const StoreOptions& options);

}  // namespace hegui::store::internal

#endif  // HEGUI_STORE_INTERNAL_SQL_STORE_H_
