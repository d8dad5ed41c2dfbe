#include "store/internal/connection_pool.h"

#include <string>

namespace hegui::store::internal {

ConnectionPool::ConnectionPool(Factory factory, int max_size, std::chrono::milliseconds wait)
    : factory_(std::move(factory)), max_size_(max_size < 1 ? 1 : max_size), wait_(wait) {}

ConnectionPool::Lease::~Lease() {
  if (conn_ != nullptr) pool_->Release(std::move(conn_));
}

StatusOr<ConnectionPool::Lease> ConnectionPool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  const bool got =
      cv_.wait_for(lock, wait_, [this] { return !idle_.empty() || created_ < max_size_; });
  if (!got) {
    return UnavailableError("no free store connection within " + std::to_string(wait_.count()) +
                            " ms (pool of " + std::to_string(max_size_) + " all busy)");
  }
  if (!idle_.empty()) {
    std::unique_ptr<SqlConnection> conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(conn));
  }
  ++created_;
  lock.unlock();
  StatusOr<std::unique_ptr<SqlConnection>> conn = factory_();
  if (!conn.ok()) {
    lock.lock();
    --created_;
    cv_.notify_one();
    return conn.status();
  }
  return Lease(this, std::move(conn).value());
}

void ConnectionPool::Release(std::unique_ptr<SqlConnection> conn) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(conn));
  }
  cv_.notify_one();
}

}  // namespace hegui::store::internal
