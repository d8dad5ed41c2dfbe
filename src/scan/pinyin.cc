#include "scan/pinyin.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

namespace hegui::scan {

struct PinyinGenerator::Impl {
  std::unique_ptr<icu::Transliterator> translit;
};

PinyinGenerator::PinyinGenerator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

StatusOr<std::unique_ptr<PinyinGenerator>> PinyinGenerator::Create() {
  UErrorCode err = U_ZERO_ERROR;
  icu::Transliterator* t = icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8("Han-Latin; Latin-ASCII"), UTRANS_FORWARD, err);
  if (U_FAILURE(err) || t == nullptr) {
    return UnavailableError(std::string("ICU transliterator Han-Latin unavailable: ") +
                            u_errorName(err));
  }
  auto impl = std::make_unique<Impl>();
  impl->translit.reset(t);
  return std::unique_ptr<PinyinGenerator>(new PinyinGenerator(std::move(impl)));
}

PinyinGenerator::~PinyinGenerator() = default;

PinyinForms PinyinGenerator::Generate(std::string_view utf8_term) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8_term.data(), static_cast<int32_t>(utf8_term.size())));
  bool has_han = false;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    UErrorCode err = U_ZERO_ERROR;
    if (uscript_getScript(c, &err) == USCRIPT_HAN) has_han = true;
    i += U16_LENGTH(c);
  }
  if (!has_han) return {};
  // Separate the characters so that each Han character yields one syllable.
  icu::UnicodeString spaced;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    spaced.append(c).append(static_cast<UChar>(' '));
    i += U16_LENGTH(c);
  }
  impl_->translit->transliterate(spaced);
  std::string latin;
  spaced.toUTF8String(latin);
  PinyinForms forms;
  bool at_start = true;
  for (char ch : latin) {
    char c = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum) {
      at_start = true;
      continue;
    }
    forms.full.push_back(c);
    if (at_start) forms.initials.push_back(c);
    at_start = false;
  }
  return forms;
}

}  // namespace hegui::scan
