// ConnectionPool: a fixed set of SqlConnections lent to one thread at a time.
//
// Acquire() blocks until a connection is free or `wait` elapses (then
// Unavailable). A Lease returns its connection on destruction. Connections
// are created lazily by the factory, up to `max_size`, so a store opened for
// one CLI command makes one connection.
//
// Thread safety: all methods are thread-safe. Lifetime: the pool must outlive
// every Lease taken from it.
#ifndef HEGUI_STORE_INTERNAL_CONNECTION_POOL_H_
#define HEGUI_STORE_INTERNAL_CONNECTION_POOL_H_

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/status_or.h"
#include "store/internal/sql_connection.h"

namespace hegui::store::internal {

class ConnectionPool {
 public:
  using Factory = std::function<StatusOr<std::unique_ptr<SqlConnection>>()>;

  ConnectionPool(Factory factory, int max_size, std::chrono::milliseconds wait);
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<SqlConnection> conn)
        : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    SqlConnection* operator->() const { return conn_.get(); }
    SqlConnection& operator*() const { return *conn_; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<SqlConnection> conn_;
  };

  StatusOr<Lease> Acquire();

 private:
  void Release(std::unique_ptr<SqlConnection> conn);

  Factory factory_;
  const int max_size_;
  const std::chrono::milliseconds wait_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;  // Guarded by mu_.
  int created_ = 0;                                   // Guarded by mu_.
};

}  // namespace hegui::store::internal

#endif  // HEGUI_STORE_INTERNAL_CONNECTION_POOL_H_
