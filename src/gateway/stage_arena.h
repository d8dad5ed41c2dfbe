// StageArena: the storage of one call's Stage instances, so that building a
// call's chain costs no heap allocation.
//
// StageFactory::Create places its stage here with New<T>(...). The first
// kInlineBytes of stages (and the first kInlineStages of them) live inside
// the arena object itself; beyond that a stage gets its own heap block, so a
// pipeline of any length still works. stages() lists the stages in creation
// order; the arena destroys them in reverse order when it is destroyed.
//
// Example:
//   StageArena arena;
//   Stage* stage = factory.Create(arena);  // Lives as long as `arena`.
//   stage->OnRequest(call);
//
// Invariant: every pointer in stages() points to a live stage until the
// arena's destructor runs. Not copyable or movable (the stages may live
// inside it). Not thread-safe: one arena per call.
#ifndef HEGUI_GATEWAY_STAGE_ARENA_H_
#define HEGUI_GATEWAY_STAGE_ARENA_H_

#include <array>
#include <cstddef>
#include <memory>
#include <new>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace hegui::gateway {

class Stage;

class StageArena {
 public:
  static constexpr size_t kInlineBytes = 1024;
  static constexpr size_t kInlineStages = 16;

  StageArena() = default;
  ~StageArena();
  StageArena(const StageArena&) = delete;
  StageArena& operator=(const StageArena&) = delete;

  // Constructs a T (a Stage) in the arena and returns it; the arena owns it.
  template <typename T, typename... Args>
  T* New(Args&&... args) {
    static_assert(std::is_base_of_v<Stage, T>, "a StageArena holds stages only");
    if (void* place = TakeInline(sizeof(T), alignof(T))) {
      T* stage = ::new (place) T(std::forward<Args>(args)...);
      Register(stage, /*on_heap=*/false);
      return stage;
    }
    auto stage = std::make_unique<T>(std::forward<Args>(args)...);
    Register(stage.get(), /*on_heap=*/true);
    return stage.release();
  }

  // The stages in creation order.
  std::span<Stage* const> stages() const {
    return overflow_.empty() ? std::span<Stage* const>(inline_stages_.data(), count_)
                             : std::span<Stage* const>(overflow_);
  }
  // How many stages got a heap block of their own (for tests).
  size_t heap_stages() const { return heap_stages_; }

 private:
  // A free, aligned place of `size` bytes in the inline buffer, or nullptr.
  void* TakeInline(size_t size, size_t align);
  // Records a constructed stage (never fails before the stage is recorded:
  // a failure to record destroys it).
  void Register(Stage* stage, bool on_heap);

  alignas(std::max_align_t) std::byte buffer_[kInlineBytes];
  size_t used_ = 0;
  std::array<Stage*, kInlineStages> inline_stages_{};
  std::array<bool, kInlineStages> inline_on_heap_{};
  size_t count_ = 0;  // Of all stages, inline or listed in overflow_.
  // Once more than kInlineStages exist, all of them are listed here instead.
  std::vector<Stage*> overflow_;
  std::vector<bool> overflow_on_heap_;
  size_t heap_stages_ = 0;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGE_ARENA_H_
