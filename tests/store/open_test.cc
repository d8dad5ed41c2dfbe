#include "store/open.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace hegui::store {
namespace {

using ::testing::HasSubstr;

TEST(OpenTest, BackendIsChosenByUrl) {
  EXPECT_EQ(*BackendForUrl("sqlite::memory:"), Backend::kSqlite);
  EXPECT_EQ(*BackendForUrl("sqlite:///var/lib/hegui/hegui.db"), Backend::kSqlite);
  EXPECT_EQ(*BackendForUrl("sqlite://./hegui.db"), Backend::kSqlite);
  EXPECT_EQ(*BackendForUrl("postgresql://hegui@db/hegui"), Backend::kPostgres);
  EXPECT_EQ(*BackendForUrl("postgres://hegui@db/hegui"), Backend::kPostgres);
  EXPECT_EQ(*BackendForUrl("host=127.0.0.1 dbname=hegui"), Backend::kPostgres);
}

TEST(OpenTest, UnknownSchemeIsInvalidArgumentListingTheAcceptedForms) {
  StatusOr<Backend> b = BackendForUrl("mysql://root@localhost/hegui");
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(b.status().message(), HasSubstr("sqlite:///path/to/file.db"));
  EXPECT_EQ(Open("hegui.db").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Open("sqlite://").status().code(), StatusCode::kInvalidArgument);
}

TEST(OpenTest, MissingDirectoryIsUnavailableNamingThePath) {
  StatusOr<std::unique_ptr<Store>> s = Open("sqlite:///nonexistent-dir-hegui/x/store.db");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(s.status().message(), HasSubstr("/nonexistent-dir-hegui/x/store.db"));
}

TEST(OpenTest, FileThatIsNotADatabaseIsDataLoss) {
  const std::string path = std::string(HEGUI_BINARY_DIR) + "/open_test_not_a_db.txt";
  FILE* f = fopen(path.c_str(), "w");
  ASSERT_NE(f, nullptr);
  fputs("this is not an SQLite database, just some text that is long enough.\n", f);
  fclose(f);
  StatusOr<std::unique_ptr<Store>> s = Open("sqlite://" + path);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kDataLoss) << s.status().ToString();
  EXPECT_THAT(s.status().message(), HasSubstr(path));
  std::remove(path.c_str());
}

TEST(OpenTest, UnreachablePostgresIsUnavailable) {
  StatusOr<std::unique_ptr<Store>> s = Open("host=127.0.0.1 port=1 dbname=none connect_timeout=2");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(s.status().message(), HasSubstr("cannot connect to PostgreSQL"));
}

}  // namespace
}  // namespace hegui::store
