#include "scan/normalizer.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace hegui::scan {
namespace {

constexpr size_t kMaxFormBytes = 256;  // Entry lengths are uint8_t.
constexpr char kReplacement[] = "\xEF\xBF\xBD";

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

namespace {

// A view's buffers held in locals while a chunk is appended; Sync() writes
// the size back (and Refresh() reloads after a reallocation).
struct Sink {
  NormalizedView* view;
  char* data;
  uint32_t* source;
  size_t size;
  size_t capacity;
};

}  // namespace

size_t Normalizer::Append(std::string_view input, uint32_t base, bool final, NormalizedView* lex,
                          NormalizedView* pi, std::vector<InvalidUtf8>* invalid) const {
  const auto* p = reinterpret_cast<const unsigned char*>(input.data());
  const size_t n = input.size();
  const char* pool = fold_->pool();
  const char* ascii_lex = fold_->ascii_lex();
  const bool collapse = options_.collapse_repeats;
  if (lex != nullptr) lex->Reserve(n + kMaxFormBytes);
  if (pi != nullptr) pi->Reserve(n + kMaxFormBytes);
  Sink L{lex, nullptr, nullptr, 0, 0}, P{pi, nullptr, nullptr, 0, 0};
  auto load = [](Sink& s) {
    if (s.view == nullptr) return;
    s.data = s.view->data_.get();
    s.source = s.view->source_.get();
    s.size = s.view->size_;
    s.capacity = s.view->capacity_;
  };
  auto ensure = [&](Sink& s, size_t i) {
    if (s.capacity - s.size >= kMaxFormBytes) return;
    s.view->size_ = s.size;
    s.view->Reserve(n - i + kMaxFormBytes);
    load(s);
  };
  load(L);
  load(P);
  size_t last_char = lex != nullptr ? lex->last_char_ : 0;
  size_t bad_start = SIZE_MAX;
  size_t i = 0;
  while (i < n) {
    const uint32_t src = base + static_cast<uint32_t>(i);
    const unsigned char b = p[i];
    if (b < 0x80) {
      if (bad_start != SIZE_MAX) {
        if (invalid != nullptr) invalid->push_back({base + bad_start, i - bad_start});
        bad_start = SIZE_MAX;
      }
      if (P.view != nullptr) {
        ensure(P, i);
        P.data[P.size] = static_cast<char>(b);
        P.source[P.size++] = src;
      }
      if (L.view != nullptr) {
        char f = ascii_lex[b];
        if (f != 0 &&
            !(collapse && L.size - last_char == 1 && L.size > 0 && L.data[last_char] == f)) {
          ensure(L, i);
          last_char = L.size;
          L.data[L.size] = f;
          L.source[L.size++] = src;
        }
      }
      ++i;
      continue;
    }
    uint32_t cp;
    int len = DecodeUtf8(p + i, n - i, &cp);
    if (len < 0) {
      if (!final) break;  // A truncated character that the next chunk may complete.
      len = 0;
    }
    if (len == 0) {
      if (bad_start == SIZE_MAX) bad_start = i;
      if (P.view != nullptr) {
        ensure(P, i);
        std::memcpy(P.data + P.size, kReplacement, 3);
        std::fill_n(P.source + P.size, 3, src);
        P.size += 3;
      }
      ++i;
      continue;
    }
    if (bad_start != SIZE_MAX) {
      if (invalid != nullptr) invalid->push_back({base + bad_start, i - bad_start});
      bad_start = SIZE_MAX;
    }
    const CharFold::Entry& e = fold_->Lookup(cp);
    const char* self = reinterpret_cast<const char*>(p + i);
    if (L.view != nullptr && e.lex_length != 0) {
      const bool identity = e.flags & CharFold::kLexIdentity;
      const char* form = identity ? self : pool + e.lex_offset;
      const size_t fl = e.lex_length;
      bool repeat = collapse && L.size - last_char == fl && L.size >= fl &&
                    std::memcmp(L.data + last_char, form, fl) == 0;
      if (!repeat) {
        ensure(L, i);
        last_char = L.size;
        if (fl <= 4 && (!identity || i + 4 <= n)) {
          // Fixed-size copies (the pool is padded, the view has spare
          // capacity); bytes past fl are overwritten by what follows.
          std::memcpy(L.data + L.size, form, 4);
          L.source[L.size] = L.source[L.size + 1] = L.source[L.size + 2] = L.source[L.size + 3] =
              src;
        } else {
          std::memcpy(L.data + L.size, form, fl);
          std::fill_n(L.source + L.size, fl, src);
        }
        L.size += fl;
      }
    }
    if (P.view != nullptr && e.pi_length != 0) {
      const bool identity = e.flags & CharFold::kPiIdentity;
      const char* form = identity ? self : pool + e.pi_offset;
      const size_t fl = e.pi_length;
      ensure(P, i);
      if (fl <= 4 && (!identity || i + 4 <= n)) {
        std::memcpy(P.data + P.size, form, 4);
        P.source[P.size] = P.source[P.size + 1] = P.source[P.size + 2] = P.source[P.size + 3] = src;
      } else {
        std::memcpy(P.data + P.size, form, fl);
        std::fill_n(P.source + P.size, fl, src);
      }
      P.size += fl;
    }
    i += static_cast<size_t>(len);
  }
  if (bad_start != SIZE_MAX && invalid != nullptr) {
    invalid->push_back({base + bad_start, i - bad_start});
  }
  if (lex != nullptr) {
    lex->size_ = L.size;
    lex->last_char_ = last_char;
  }
  if (pi != nullptr) pi->size_ = P.size;
  return i;
}

std::string Normalizer::LexiconForm(std::string_view input) const {
  NormalizedView view;
  Append(input, 0, true, &view, nullptr, nullptr);
  return std::string(view.text());
}

}  // namespace hegui::scan
