// Fuzzes the normaliser: any bytes, split at an arbitrary point as a stream
// would. Checks that every view byte maps into the input, that offsets never
// go backwards, that chunked normalisation equals one-shot normalisation, and
// that the portable paths give the views of the SIMD ones.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>

#include "scan/normalizer.h"

using hegui::scan::InvalidUtf8;
using hegui::scan::NormalizedView;
using hegui::scan::Normalizer;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Normalizer* normalizer = [] {
    auto n = Normalizer::Create({.collapse_repeats = false});
    if (!n.ok()) std::abort();
    return new Normalizer(*n);
  }();
  if (size == 0) return 0;
  size_t split = data[0] % size;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  split = std::min(split, text.size());

  NormalizedView lex, pi;
  std::vector<InvalidUtf8> bad;
  if (normalizer->Append(text, 0, true, &lex, &pi, &bad) != text.size()) std::abort();
  for (const NormalizedView* v : {&lex, &pi}) {
    for (size_t i = 0; i < v->size(); ++i) {
      if (v->source(i) >= text.size()) std::abort();
      if (i > 0 && v->source(i) < v->source(i - 1)) std::abort();
    }
  }

  NormalizedView lex2, pi2;
  size_t consumed = normalizer->Append(text.substr(0, split), 0, false, &lex2, &pi2, nullptr);
  normalizer->Append(text.substr(consumed), static_cast<uint32_t>(consumed), true, &lex2, &pi2,
                     nullptr);
  if (lex2.text() != lex.text() || pi2.text() != pi.text()) std::abort();
  for (size_t i = 0; i < lex.size(); ++i) {
    if (lex.source(i) != lex2.source(i)) std::abort();
  }

  NormalizedView lex3, pi3;
  const bool simd = Normalizer::SetSimdEnabled(false);
  normalizer->Append(text, 0, true, &lex3, &pi3, nullptr);
  Normalizer::SetSimdEnabled(simd);
  if (lex3.text() != lex.text() || pi3.text() != pi.text()) std::abort();
  for (auto [a, b] : {std::pair{&lex, &lex3}, std::pair{&pi, &pi3}}) {
    for (size_t i = 0; i < a->size(); ++i) {
      if (a->source(i) != b->source(i)) std::abort();
    }
  }
  return 0;
}
