// LexiconMatcher: a Lexicon compiled into one literal set (LiteralSet).
//
// Each entry's term (and, where the entry asks, its pinyin full form and
// initials) is normalised with the scanner's Normalizer (Normalizer::
// LexiconForm), so terms and text are folded identically; equal normalised
// forms share one literal. Scan() runs the set over a lexicon view and
// reports literal hits; filtering (allow-list, whole word) is the Scanner's job.
//
// Thread-safety: immutable after Compile(); Scan() may run concurrently from
// any number of threads (it needs no scratch space).
#ifndef HEGUI_SCAN_LEXICON_MATCHER_H_
#define HEGUI_SCAN_LEXICON_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status_or.h"
#include "scan/lexicon.h"
#include "scan/literal_set.h"
#include "scan/normalizer.h"

namespace hegui::scan {

// One way a literal can match: which entry, through which form.
struct LexiconTarget {
  enum class Form : uint8_t { kTerm, kPinyin, kInitials };
  uint32_t entry;  // Index into lexicon().entries().
  Form form;
  bool whole_word;  // The entry's `word` option; always true for initials.
};

struct LiteralHit {
  uint32_t literal;
  uint32_t begin;  // Byte offsets in the scanned view text.
  uint32_t end;
};

class LexiconMatcher {
 public:
  // Compiles `lexicon`. Fails with InvalidArgument naming the entry's rule id
  // if a term normalises to nothing (only separators or symbols).
  // Cost: normalising every term plus O(n log n) in the number of literals
  // (about a second for 1M terms).
  static StatusOr<std::unique_ptr<const LexiconMatcher>> Compile(Lexicon lexicon,
                                                                 const Normalizer& normalizer);
  LexiconMatcher(const LexiconMatcher&) = delete;
  LexiconMatcher& operator=(const LexiconMatcher&) = delete;

  // Appends to `*hits` every literal occurrence in `text` whose end offset is
  // greater than `min_end` (lets a stream rescan an overlap without repeats),
  // in order of begin. `padded` as in LiteralSet::Scan (true for a suffix
  // of a NormalizedView's text). Returns where a scan of the text extended
  // by more bytes must resume (LiteralSet::Scan).
  size_t Scan(std::string_view text, size_t min_end, std::vector<LiteralHit>* hits,
              bool padded = false) const {
    return set_.Scan(
        text,
        [&](uint32_t id, size_t begin, size_t end) {
          if (end > min_end) {
            hits->push_back({id, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
          }
        },
        padded);
  }

  const Lexicon& lexicon() const { return lexicon_; }
  size_t literal_count() const { return literal_offsets_.size() - 1; }
  std::string_view literal(uint32_t id) const {
    return std::string_view(literals_).substr(literal_offsets_[id],
                                              literal_offsets_[id + 1] - literal_offsets_[id]);
  }
  // The targets of literal `id`, as [begin, end) pointers.
  const LexiconTarget* targets_begin(uint32_t id) const {
    return targets_.data() + target_offsets_[id];
  }
  const LexiconTarget* targets_end(uint32_t id) const {
    return targets_.data() + target_offsets_[id + 1];
  }
  // Longest literal in bytes (0 when empty).
  size_t max_literal_bytes() const { return max_literal_bytes_; }
  // How far (view bytes) an allow-list phrase containing literal `id` can
  // reach past the literal's end: a hit is final once that much text follows.
  size_t AllowReach(uint32_t id) const {
    auto it = allow_reach_.find(id);
    return it == allow_reach_.end() ? 0 : it->second;
  }
  // Bytes held by the literal set plus the literal and target tables.
  size_t MemoryBytes() const;

 private:
  LexiconMatcher() = default;

  Lexicon lexicon_;
  LiteralSet set_;
  std::string literals_;
  std::vector<uint32_t> literal_offsets_;
  std::vector<uint32_t> target_offsets_;
  std::vector<LexiconTarget> targets_;
  size_t max_literal_bytes_ = 0;
  std::unordered_map<uint32_t, uint32_t> allow_reach_;
};

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_LEXICON_MATCHER_H_
