#include "backends.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "store/internal/postgres_connection.h"
#include "store/internal/sqlite_connection.h"

namespace hegui::store::testing {
namespace {

std::string UniqueSuffix() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(rd() % 1000000);
}

class SqliteFileBackend final : public TestBackend {
 public:
  SqliteFileBackend()
      : dir_(std::filesystem::temp_directory_path() / ("hegui_store_test_" + UniqueSuffix())) {
    std::filesystem::create_directories(dir_);
  }
  ~SqliteFileBackend() override { std::filesystem::remove_all(dir_); }
  std::string Url() const override { return "sqlite://" + (dir_ / "store.db").string(); }
  Status RawExec(const std::string& sql) override {
    StatusOr<std::unique_ptr<internal::SqlConnection>> conn = RawConnection();
    if (!conn.ok()) return conn.status();
    return (*conn)->Exec(sql);
  }

 protected:
  StatusOr<std::unique_ptr<internal::SqlConnection>> RawConnection() override {
    return internal::OpenSqliteConnection((dir_ / "store.db").string(), std::chrono::seconds(5));
  }

 private:
  std::filesystem::path dir_;
};

class SqliteMemoryBackend final : public TestBackend {
 public:
  std::string Url() const override { return "sqlite::memory:"; }
  bool Persistent() const override { return false; }
  Status RawExec(const std::string&) override {
    return FailedPreconditionError("an in-memory database cannot be reached from outside");
  }

 protected:
  StatusOr<std::unique_ptr<internal::SqlConnection>> RawConnection() override {
    return FailedPreconditionError("an in-memory database cannot be reached from outside");
  }
};

class PostgresBackend final : public TestBackend {
 public:
  PostgresBackend() {
    const char* pg = std::getenv("HEGUI_TEST_PG");
    if (pg == nullptr || *pg == '\0') {
      skip_ =
          "HEGUI_TEST_PG is not set (run the suite with `bash scripts/test.sh`, which starts "
          "a throw-away PostgreSQL server)";
      return;
    }
    conninfo_ = pg;
    schema_ = "hegui_test_" + UniqueSuffix();
    StatusOr<std::unique_ptr<internal::SqlConnection>> conn =
        internal::OpenPostgresConnection(conninfo_);
    if (!conn.ok()) {
      setup_error_ = conn.status().ToString();
      return;
    }
    admin_ = std::move(conn).value();
    Status s = admin_->Exec("CREATE SCHEMA " + schema_);
    if (!s.ok()) setup_error_ = s.ToString();
  }
  ~PostgresBackend() override {
    if (admin_ != nullptr) (void)admin_->Exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }
  std::string SkipReason() const override { return skip_; }
  std::string Url() const override {
    if (!setup_error_.empty()) return "setup failed: " + setup_error_;
    return conninfo_ + " options='-csearch_path=" + schema_ + "'";
  }
  Status RawExec(const std::string& sql) override {
    return admin_->Exec("SET search_path TO " + schema_ + "; " + sql);
  }

 protected:
  StatusOr<std::unique_ptr<internal::SqlConnection>> RawConnection() override {
    return internal::OpenPostgresConnection(Url());
  }

 private:
  std::string skip_;
  std::string setup_error_;
  std::string conninfo_;
  std::string schema_;
  std::unique_ptr<internal::SqlConnection> admin_;
};

}  // namespace

StatusOr<int64_t> TestBackend::RawCount(const std::string& sql) {
  HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<internal::SqlConnection> conn, RawConnection());
  HEGUI_ASSIGN_OR_RETURN(std::vector<internal::SqlRow> rows, conn->Query(sql, {}));
  if (rows.size() != 1) return InternalError("expected one row from: " + sql);
  return rows[0].Int(0);
}

std::unique_ptr<TestBackend> MakeSqliteFileBackend() {
  return std::make_unique<SqliteFileBackend>();
}
std::unique_ptr<TestBackend> MakeSqliteMemoryBackend() {
  return std::make_unique<SqliteMemoryBackend>();
}
std::unique_ptr<TestBackend> MakePostgresBackend() { return std::make_unique<PostgresBackend>(); }

}  // namespace hegui::store::testing
