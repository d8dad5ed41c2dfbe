#include "core/file.h"

#include <gtest/gtest.h>
#include <unistd.h>

namespace hegui {
namespace {

TEST(FileTest, WriteThenReadRoundTrips) {
  std::string path = ::testing::TempDir() + "/hegui_file_test_" + std::to_string(::getpid());
  ASSERT_TRUE(WriteFileAtomically(path, "hello\n").ok());
  StatusOr<std::string> got = ReadFileToString(path);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(*got, "hello\n");
  ::unlink(path.c_str());
}

TEST(FileTest, MissingFileIsNotFoundAndNamesPath) {
  StatusOr<std::string> got = ReadFileToString("/nonexistent/hegui/file");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kNotFound);
  EXPECT_NE(got.status().message().find("/nonexistent/hegui/file"), std::string::npos);
}

TEST(FileTest, FileOverLimitIsRejected) {
  std::string path = ::testing::TempDir() + "/hegui_file_limit_" + std::to_string(::getpid());
  ASSERT_TRUE(WriteFileAtomically(path, std::string(100, 'x')).ok());
  StatusOr<std::string> got = ReadFileToString(path, 10);
  EXPECT_EQ(got.status().code(), StatusCode::kInvalidArgument);
  ::unlink(path.c_str());
}

}  // namespace
}  // namespace hegui
