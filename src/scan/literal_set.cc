#include "scan/literal_set.h"

#include <algorithm>
#include <bit>

namespace hegui::scan {

LiteralSet LiteralSet::Build(const std::vector<std::string_view>& literals) {
  LiteralSet set;
  if (literals.empty()) return set;
  struct Keyed {
    uint64_t key;
    uint32_t id;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(literals.size());
  for (uint32_t id = 0; id < literals.size(); ++id) {
    std::string_view lit = literals[id];
    size_t len = std::min(lit.size(), kMaxKey);
    uint64_t key = 0;
    std::memcpy(&key, lit.data(), len);
    key |= static_cast<uint64_t>(len) << 56;
    keyed.push_back({key, id});
    set.lens_by_byte_[static_cast<unsigned char>(lit[0])] |= 1u << len;
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return a.key < b.key || (a.key == b.key && a.id < b.id);
  });

  size_t distinct = 0;
  for (size_t i = 0; i < keyed.size(); ++i) distinct += i == 0 || keyed[i].key != keyed[i - 1].key;
  // About 32 filter bits per key; at least 8 words.
  size_t words = std::bit_ceil(std::max<size_t>(8, distinct / 2));
  set.bloom_.assign(words, 0);
  set.bloom_shift_ = 64 - static_cast<unsigned>(std::countr_zero(words));
  set.slots_.assign(std::bit_ceil(distinct * 2), Slot{0, 0, 0});
  const size_t mask = set.slots_.size() - 1;

  set.lits_.reserve(keyed.size());
  for (size_t i = 0; i < keyed.size();) {
    size_t e = i;
    while (e < keyed.size() && keyed[e].key == keyed[i].key) ++e;
    uint64_t key = keyed[i].key;
    uint64_t h = FilterHash(key);
    set.bloom_[h >> set.bloom_shift_] |=
        (uint64_t{1} << (h & 63)) | (uint64_t{1} << ((h >> 6) & 63));
    size_t s = Mix(key) & mask;
    while (set.slots_[s].key != 0) s = (s + 1) & mask;
    set.slots_[s] = {key, static_cast<uint32_t>(set.lits_.size()), static_cast<uint32_t>(e - i)};
    for (; i < e; ++i) {
      std::string_view lit = literals[keyed[i].id];
      set.lits_.push_back({static_cast<uint32_t>(set.pool_.size()),
                           static_cast<uint32_t>(lit.size()), keyed[i].id});
      set.pool_.append(lit);
    }
  }
  return set;
}

size_t LiteralSet::MemoryBytes() const {
  return bloom_.size() * sizeof(uint64_t) + slots_.size() * sizeof(Slot) +
         lits_.size() * sizeof(Lit) + pool_.size() + sizeof(lens_by_byte_);
}

}  // namespace hegui::scan
