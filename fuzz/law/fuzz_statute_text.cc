// Fuzzes the statute text parser: no crash, and a successful parse keeps its
// invariants (articles numbered 1..n, each in a real chapter, each with text).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "law/cross_references.h"
#include "law/statute_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)hegui::law::ExtractProvisionRefs(text);
  hegui::StatusOr<hegui::law::StatuteText> law = hegui::law::ParseStatuteText(text, "fuzz");
  if (!law.ok()) return 0;
  for (size_t i = 0; i < law->articles.size(); ++i) {
    const hegui::law::Article& a = law->articles[i];
    if (a.id.number() != static_cast<int>(i) + 1) std::abort();
    if (a.chapter < 1 || a.chapter > static_cast<int>(law->chapters.size())) std::abort();
    if (a.zh.paragraphs.empty()) std::abort();
  }
  return 0;
}
