#include "scan/normalizer.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace hegui::scan {
namespace {

constexpr size_t kMaxFormBytes = 256;  // Entry lengths are uint8_t.
constexpr char kReplacement[] = "\xEF\xBF\xBD";

inline void Write(char* data, uint32_t* source, size_t* size, const char* form, size_t length,
                  uint32_t src) {
  std::memcpy(data + *size, form, length);
  std::fill_n(source + *size, length, src);
  *size += length;
}

}  // namespace

void NormalizedView::Reserve(size_t extra) {
  if (capacity_ - size_ >= extra) return;
  size_t cap = std::max(capacity_ * 2, size_ + extra);
  auto data = std::make_unique_for_overwrite<char[]>(cap);
  auto source = std::make_unique_for_overwrite<uint32_t[]>(cap);
  if (size_ > 0) {
    std::memcpy(data.get(), data_.get(), size_);
    std::memcpy(source.get(), source_.get(), size_ * sizeof(uint32_t));
  }
  data_ = std::move(data);
  source_ = std::move(source);
  capacity_ = cap;
}

void NormalizedView::DropFront(size_t n, uint32_t shift) {
  size_t rest = size_ - n;
  std::memmove(data_.get(), data_.get() + n, rest);
  for (size_t i = 0; i < rest; ++i) source_[i] = source_[i + n] - shift;
  size_ = rest;
  last_char_ = last_char_ >= n ? last_char_ - n : 0;
}

std::pair<size_t, size_t> NormalizedView::SourceSpan(size_t b, size_t e,
                                                     std::string_view original) const {
  size_t begin = source_[b];
  size_t last = source_[e - 1];
  return {begin, last + OriginalCharLength(original, last)};
}

size_t OriginalCharLength(std::string_view original, size_t offset) {
  uint32_t cp;
  int len = DecodeUtf8(reinterpret_cast<const unsigned char*>(original.data()) + offset,
                       original.size() - offset, &cp);
  return len > 0 ? static_cast<size_t>(len) : 1;
}

StatusOr<Normalizer> Normalizer::Create(const NormalizerOptions& options) {
  HEGUI_ASSIGN_OR_RETURN(const CharFold* fold, CharFold::Shared());
  return Normalizer(fold, options);
}

size_t Normalizer::Append(std::string_view input, uint32_t base, bool final, NormalizedView* lex,
                          NormalizedView* pi, std::vector<InvalidUtf8>* invalid) const {
  const auto* p = reinterpret_cast<const unsigned char*>(input.data());
  const size_t n = input.size();
  const char* pool = fold_->pool();
  const bool collapse = options_.collapse_repeats;
  if (lex != nullptr) lex->Reserve(n + kMaxFormBytes);
  if (pi != nullptr) pi->Reserve(n + kMaxFormBytes);
  size_t bad_start = SIZE_MAX;
  size_t i = 0;
  while (i < n) {
    uint32_t cp;
    int len;
    if (p[i] < 0x80) {
      cp = p[i];
      len = 1;
    } else {
      len = DecodeUtf8(p + i, n - i, &cp);
      if (len < 0) {
        if (!final) break;  // A truncated character that the next chunk may complete.
        len = 0;
      }
    }
    const uint32_t src = base + static_cast<uint32_t>(i);
    if (len == 0) {
      if (bad_start == SIZE_MAX) bad_start = i;
      if (pi != nullptr) {
        if (pi->capacity_ - pi->size_ < kMaxFormBytes) pi->Reserve(n - i + kMaxFormBytes);
        Write(pi->data_.get(), pi->source_.get(), &pi->size_, kReplacement, 3, src);
      }
      ++i;
      continue;
    }
    if (bad_start != SIZE_MAX) {
      if (invalid != nullptr) invalid->push_back({base + bad_start, i - bad_start});
      bad_start = SIZE_MAX;
    }
    const CharFold::Entry& e = fold_->Lookup(cp);
    if (lex != nullptr && e.lex_length != 0) {
      const char* form = (e.flags & CharFold::kLexIdentity) ? reinterpret_cast<const char*>(p + i)
                                                            : pool + e.lex_offset;
      size_t fl = e.lex_length;
      bool repeat = collapse && lex->size_ - lex->last_char_ == fl &&
                    std::memcmp(lex->data_.get() + lex->last_char_, form, fl) == 0;
      if (!repeat) {
        if (lex->capacity_ - lex->size_ < kMaxFormBytes) lex->Reserve(n - i + kMaxFormBytes);
        lex->last_char_ = lex->size_;
        Write(lex->data_.get(), lex->source_.get(), &lex->size_, form, fl, src);
      }
    }
    if (pi != nullptr && e.pi_length != 0) {
      const char* form = (e.flags & CharFold::kPiIdentity) ? reinterpret_cast<const char*>(p + i)
                                                           : pool + e.pi_offset;
      if (pi->capacity_ - pi->size_ < kMaxFormBytes) pi->Reserve(n - i + kMaxFormBytes);
      Write(pi->data_.get(), pi->source_.get(), &pi->size_, form, e.pi_length, src);
    }
    i += static_cast<size_t>(len);
  }
  if (bad_start != SIZE_MAX && invalid != nullptr) {
    invalid->push_back({base + bad_start, i - bad_start});
  }
  return i;
}

std::string Normalizer::LexiconForm(std::string_view input) const {
  NormalizedView view;
  Append(input, 0, true, &view, nullptr, nullptr);
  return std::string(view.text());
}

}  // namespace hegui::scan
