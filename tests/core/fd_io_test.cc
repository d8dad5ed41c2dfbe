#include "core/fd_io.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace hegui {
namespace {

TEST(WriteFullyTest, WritesEveryByteThroughAPipe) {
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  // Larger than one pipe write but smaller than the pipe buffer after resize,
  // so the test needs no reader thread.
  ASSERT_GE(fcntl(fds[1], F_SETPIPE_SZ, 1 << 20), 1 << 18);
  std::string bytes(200'000, 'x');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>('a' + i % 26);
  ASSERT_TRUE(WriteFully(fds[1], bytes, "pipe").ok());
  close(fds[1]);
  std::string back;
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;)
    back.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  EXPECT_EQ(back, bytes);
}

TEST(WriteFullyTest, FailureNamesPathAndReason) {
  Status s = WriteFully(-1, "data", "/var/lib/hegui/seg-000001.log");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_NE(s.message().find("/var/lib/hegui/seg-000001.log: write failed: Bad file descriptor"),
            std::string::npos)
      << s.message();
}

TEST(OsErrorTest, CarriesErrnoText) {
  errno = ENOSPC;
  Status s = OsError("log", "fdatasync failed");
  EXPECT_EQ(s.code(), StatusCode::kUnavailable);
  EXPECT_EQ(s.message(), "log: fdatasync failed: No space left on device");
}

}  // namespace
}  // namespace hegui
