// Pinyin: toneless pinyin forms of a Chinese term, for lexicon compilation.
//
// Uses ICU's "Han-Latin; Latin-ASCII" transliterator: 赌博 -> "du bo", giving
// the full form "dubo" and the initials "db". Characters that are not Han are
// kept (lower-cased ASCII letters and digits) in the full form.
//
// Not thread-safe (ICU transliterators keep state): one PinyinGenerator per
// compiling thread. Only used when a lexicon is compiled, never on the scan path.
#ifndef HEGUI_SCAN_PINYIN_H_
#define HEGUI_SCAN_PINYIN_H_

#include <memory>
#include <string>
#include <string_view>

#include "core/status_or.h"

namespace hegui::scan {

struct PinyinForms {
  std::string full;      // "dubo"; empty if the term has no Han character.
  std::string initials;  // "db"; empty if the term has no Han character.
};

class PinyinGenerator {
 public:
  static StatusOr<std::unique_ptr<PinyinGenerator>> Create();
  ~PinyinGenerator();
  PinyinGenerator(const PinyinGenerator&) = delete;
  PinyinGenerator& operator=(const PinyinGenerator&) = delete;

  PinyinForms Generate(std::string_view utf8_term);

 private:
  struct Impl;  // Holds the ICU transliterator.
  explicit PinyinGenerator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_PINYIN_H_
