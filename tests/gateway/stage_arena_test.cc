#include "gateway/stage_arena.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gateway/stage.h"

namespace hegui::gateway {
namespace {

// A stage that writes its name to `log` when destroyed, with `Pad` bytes of
// payload so that tests can fill the inline buffer.
template <size_t Pad>
class LoggingStage : public Stage {
 public:
  LoggingStage(std::string name, std::vector<std::string>* log)
      : name_(std::move(name)), log_(log) {
    payload_[0] = 1;
  }
  ~LoggingStage() override { log_->push_back(name_); }
  const std::string& name() const { return name_; }

 private:
  std::string name_;
  std::vector<std::string>* log_;
  char payload_[Pad];
};

using Small = LoggingStage<8>;

TEST(StageArenaTest, StagesAreListedInCreationOrderAndDestroyedInReverse) {
  std::vector<std::string> log;
  {
    StageArena arena;
    Small* a = arena.New<Small>("a", &log);
    Small* b = arena.New<Small>("b", &log);
    Small* c = arena.New<Small>("c", &log);
    ASSERT_EQ(arena.stages().size(), 3u);
    EXPECT_EQ(arena.stages()[0], a);
    EXPECT_EQ(arena.stages()[1], b);
    EXPECT_EQ(arena.stages()[2], c);
    EXPECT_EQ(arena.heap_stages(), 0u);
    EXPECT_TRUE(log.empty());
  }
  EXPECT_EQ(log, (std::vector<std::string>{"c", "b", "a"}));
}

TEST(StageArenaTest, InlineStagesLiveInsideTheArena) {
  std::vector<std::string> log;
  StageArena arena;
  Small* a = arena.New<Small>("a", &log);
  auto* begin = reinterpret_cast<const std::byte*>(&arena);
  auto* at = reinterpret_cast<const std::byte*>(a);
  EXPECT_GE(at, begin);
  EXPECT_LT(at, begin + sizeof(StageArena));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a) % alignof(Small), 0u);
}

TEST(StageArenaTest, AStageTooBigForTheBufferGetsAHeapBlock) {
  std::vector<std::string> log;
  {
    StageArena arena;
    using Big = LoggingStage<StageArena::kInlineBytes>;
    arena.New<Small>("small", &log);
    Big* big = arena.New<Big>("big", &log);
    arena.New<Small>("after", &log);  // Still fits inline.
    EXPECT_EQ(arena.heap_stages(), 1u);
    ASSERT_EQ(arena.stages().size(), 3u);
    EXPECT_EQ(arena.stages()[1], big);
    EXPECT_EQ(big->name(), "big");
  }
  EXPECT_EQ(log, (std::vector<std::string>{"after", "big", "small"}));
}

TEST(StageArenaTest, MoreStagesThanTheInlineListKeepsOrderAndDestroysAll) {
  std::vector<std::string> log;
  const size_t n = StageArena::kInlineStages + 5;
  {
    StageArena arena;
    std::vector<Stage*> made;
    for (size_t i = 0; i < n; ++i) made.push_back(arena.New<Small>(std::to_string(i), &log));
    ASSERT_EQ(arena.stages().size(), n);
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(arena.stages()[i], made[i]) << i;
  }
  ASSERT_EQ(log.size(), n);
  for (size_t i = 0; i < n; ++i) EXPECT_EQ(log[i], std::to_string(n - 1 - i));
}

TEST(StageArenaTest, FullBufferSpillsEveryLaterStageToTheHeap) {
  std::vector<std::string> log;
  {
    StageArena arena;
    using Quarter = LoggingStage<StageArena::kInlineBytes / 4>;
    for (int i = 0; i < 8; ++i) arena.New<Quarter>(std::to_string(i), &log);
    // Each Quarter is larger than a quarter of the buffer (name, log pointer
    // and vtable come on top), so at most three fit inline.
    EXPECT_GE(arena.heap_stages(), 5u);
    EXPECT_EQ(arena.stages().size(), 8u);
  }
  EXPECT_EQ(log.size(), 8u);
}

}  // namespace
}  // namespace hegui::gateway
