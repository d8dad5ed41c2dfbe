#include "gateway/stage_arena.h"

#include <cstdint>

#include "gateway/stage.h"

namespace hegui::gateway {

StageArena::~StageArena() {
  std::span<Stage* const> all = stages();
  for (size_t i = all.size(); i-- > 0;) {
    bool on_heap = overflow_.empty() ? inline_on_heap_[i] : overflow_on_heap_[i];
    if (on_heap) {
      delete all[i];
    } else {
      all[i]->~Stage();
    }
  }
}

void* StageArena::TakeInline(size_t size, size_t align) {
  auto base = reinterpret_cast<std::uintptr_t>(buffer_);
  std::uintptr_t start = (base + used_ + align - 1) / align * align;
  if (start + size > base + kInlineBytes) return nullptr;
  used_ = start + size - base;
  return buffer_ + (start - base);
}

void StageArena::Register(Stage* stage, bool on_heap) {
  if (on_heap) ++heap_stages_;
  if (overflow_.empty() && count_ < kInlineStages) {
    inline_stages_[count_] = stage;
    inline_on_heap_[count_] = on_heap;
    ++count_;
    return;
  }
  try {
    if (overflow_.empty()) {
      overflow_.assign(inline_stages_.begin(), inline_stages_.begin() + count_);
      overflow_on_heap_.assign(inline_on_heap_.begin(), inline_on_heap_.begin() + count_);
    }
    overflow_.push_back(stage);
    overflow_on_heap_.push_back(on_heap);
    ++count_;
  } catch (...) {
    // Not recorded, so not destroyed later: destroy it now. (A heap stage is
    // still owned by New's unique_ptr, which deletes it.)
    if (on_heap) {
      --heap_stages_;
    } else {
      stage->~Stage();
    }
    if (count_ <= kInlineStages) {  // Back to the inline lists, which are intact.
      overflow_.clear();
      overflow_on_heap_.clear();
    } else {
      overflow_.resize(count_);
      overflow_on_heap_.resize(count_);
    }
    throw;
  }
}

}  // namespace hegui::gateway
