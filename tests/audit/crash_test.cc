// A writer process appends from several threads and is killed with SIGKILL at
// a random moment; every index it saw acknowledged must survive reopening, and
// the log must verify. Repeated kRounds times on one log.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <random>
#include <set>
#include <thread>

#include "audit/log.h"
#include "audit/log_reader.h"
#include "audit/log_verifier.h"
#include "audit/record_codec.h"
#include "test_dir.h"

namespace hegui::audit {
namespace {

constexpr int kRounds = 12;
constexpr int kThreads = 4;

// Runs in the child: appends until killed, writing "index thread seq\n" to
// `fd` after each acknowledged append. Never returns.
[[noreturn]] void WriterProcess(const std::string& dir, int fd, int round) {
  LogOptions options;
  options.max_segment_bytes = 4096;  // Crashes land near segment rolls too.
  options.checkpoint_every_records = 50;
  auto log = Log::Open(dir, options);
  if (!log.ok()) _exit(3);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int seq = 0;; ++seq) {
        Record r;
        r.kind = RecordKind::kModelCall;
        r.actor = "round" + std::to_string(round);
        r.subject = "s" + std::to_string(t);
        r.body = "{\"thread\":" + std::to_string(t) + ",\"seq\":" + std::to_string(seq) +
                 ",\"pad\":\"" + std::string(static_cast<size_t>(seq % 97), 'p') + "\"}";
        if (seq % 5 == 0) r.sealed["prompt"] = "secret " + std::to_string(seq);
        StatusOr<uint64_t> idx = (*log)->Append(r);
        if (!idx.ok()) _exit(4);
        std::string line = std::to_string(*idx) + " " + r.actor + " " + r.body + "\n";
        if (write(fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(5);
      }
    });
  }
  for (auto& th : threads) th.join();
  _exit(0);
}

TEST(Crash, EveryAcknowledgedRecordSurvivesSigkill) {
  TestDir dir;
  ASSERT_TRUE(Log::Create(dir.path(), "hegui.test/crash").ok());
  std::mt19937 rng(20261130);
  std::map<uint64_t, std::string> acked;  // index -> "actor body"
  for (int round = 0; round < kRounds; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      WriterProcess(dir.path(), fds[1], round);
    }
    close(fds[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(20 + rng() % 180));
    kill(pid, SIGKILL);
    int wstatus = 0;
    waitpid(pid, &wstatus, 0);
    ASSERT_TRUE(WIFSIGNALED(wstatus)) << "writer exited early with " << WEXITSTATUS(wstatus);
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    close(fds[0]);
    // Only complete lines were acknowledged to the test.
    size_t pos = 0;
    for (size_t eol; (eol = out.find('\n', pos)) != std::string::npos; pos = eol + 1) {
      std::string line = out.substr(pos, eol - pos);
      size_t sp = line.find(' ');
      acked[std::stoull(line.substr(0, sp))] = line.substr(sp + 1);
    }
    std::vector<std::string> recovered;
    LogOptions options;
    options.on_recovery = [&](const std::string& s) { recovered.push_back(s); };
    StatusOr<std::unique_ptr<Log>> log = Log::Open(dir.path(), options);
    ASSERT_TRUE(log.ok()) << "round " << round << ": " << log.status().ToString();
    if (!acked.empty()) {
      ASSERT_GT((*log)->size(), acked.rbegin()->first) << "round " << round;
    }
    ASSERT_TRUE((*log)->Close().ok());
  }
  ASSERT_GT(acked.size(), static_cast<size_t>(kRounds));
  auto reader = *LogReader::Open(dir.path());
  size_t checked = 0;
  ASSERT_TRUE(reader
                  ->ForEachRecord(0,
                                  [&](uint64_t index, std::string_view payload) {
                                    auto it = acked.find(index);
                                    if (it == acked.end()) return true;
                                    StoredRecord r = *DecodeRecord(payload);
                                    EXPECT_EQ(r.actor + " " + r.body, it->second) << index;
                                    ++checked;
                                    return true;
                                  })
                  .ok());
  EXPECT_EQ(checked, acked.size());
  StatusOr<VerifyReport> v = VerifyLog(dir.path(), {});
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->problem;
}

}  // namespace
}  // namespace hegui::audit
