// Test backends for the store conformance suite: each knows how to make a
// fresh, isolated database URL, how to run raw SQL against it (to build states
// the API cannot, such as a schema from the future), and whether it can run
// here at all.
//
// PostgreSQL runs only when HEGUI_TEST_PG holds a libpq conninfo (set by
// scripts/with-services.sh); each test then gets its own schema, dropped
// afterwards, so tests may run in parallel against one server.
#ifndef HEGUI_TESTS_STORE_BACKENDS_H_
#define HEGUI_TESTS_STORE_BACKENDS_H_

#include <memory>
#include <string>

#include "core/status.h"
#include "core/status_or.h"
#include "store/internal/sql_connection.h"

namespace hegui::store::testing {

class TestBackend {
 public:
  virtual ~TestBackend() = default;
  // Empty if usable; otherwise why the test is skipped.
  virtual std::string SkipReason() const { return ""; }
  virtual std::string Url() const = 0;
  // Whether a second Open(Url()) sees the first one's data.
  virtual bool Persistent() const { return true; }
  virtual Status RawExec(const std::string& sql) = 0;
  // Runs a query whose one row's first column is an integer, e.g. COUNT(*).
  StatusOr<int64_t> RawCount(const std::string& sql);

 protected:
  // A connection to the test database outside any Store.
  virtual StatusOr<std::unique_ptr<internal::SqlConnection>> RawConnection() = 0;
};

std::unique_ptr<TestBackend> MakeSqliteFileBackend();
std::unique_ptr<TestBackend> MakeSqliteMemoryBackend();
std::unique_ptr<TestBackend> MakePostgresBackend();

}  // namespace hegui::store::testing

#endif  // HEGUI_TESTS_STORE_BACKENDS_H_
