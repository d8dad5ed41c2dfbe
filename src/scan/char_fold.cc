#include "scan/char_fold.h"

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <opencc/Exception.hpp>
#include <opencc/Lexicon.hpp>
#include <opencc/MarisaDict.hpp>
#include <unordered_map>

namespace hegui::scan {
namespace {

constexpr uint32_t kMaxCodePoint = 0x10FFFF;

// Reads the single-code-point entries of an OpenCC .ocd2 dictionary.
StatusOr<std::unordered_map<uint32_t, uint32_t>> ReadCharMap(const std::string& path,
                                                             bool required) {
  std::unordered_map<uint32_t, uint32_t> map;
  FILE* fp = std::fopen(path.c_str(), "rb");
  if (fp == nullptr) {
    if (!required) return map;
    return NotFoundError("OpenCC dictionary " + path + " cannot be opened");
  }
  try {
    opencc::MarisaDictPtr dict = opencc::MarisaDict::NewFromFile(fp);
    std::fclose(fp);
    for (const auto& entry : *dict->GetLexicon()) {
      std::string key = entry->Key();
      std::string value = entry->GetDefault();
      uint32_t k = 0, v = 0;
      int kl = DecodeUtf8(reinterpret_cast<const unsigned char*>(key.data()), key.size(), &k);
      int vl = DecodeUtf8(reinterpret_cast<const unsigned char*>(value.data()), value.size(), &v);
      if (kl <= 0 || vl <= 0 || static_cast<size_t>(kl) != key.size() ||
          static_cast<size_t>(vl) != value.size()) {
        continue;  // Phrase entries are not character folds.
      }
      if (k != v) map[k] = v;
    }
  } catch (const std::exception& e) {
    return InvalidArgumentError("OpenCC dictionary " + path + ": " + e.what());
  }
  return map;
}

std::u16string ToU16(uint32_t cp) {
  std::u16string s;
  if (cp <= 0xFFFF) {
    s.push_back(static_cast<char16_t>(cp));
  } else {
    s.push_back(static_cast<char16_t>(U16_LEAD(cp)));
    s.push_back(static_cast<char16_t>(U16_TRAIL(cp)));
  }
  return s;
}

std::u16string Normalize(const UNormalizer2* n, const std::u16string& in) {
  UErrorCode err = U_ZERO_ERROR;
  UChar buf[64];
  int32_t len = unorm2_normalize(n, reinterpret_cast<const UChar*>(in.data()),
                                 static_cast<int32_t>(in.size()), buf, 64, &err);
  if (U_FAILURE(err)) return in;
  return std::u16string(reinterpret_cast<const char16_t*>(buf), static_cast<size_t>(len));
}

std::vector<uint32_t> CodePoints(const std::u16string& s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) {
    UChar32 c;
    U16_NEXT(s.data(), i, s.size(), c);
    out.push_back(static_cast<uint32_t>(c));
  }
  return out;
}

bool IsCjkScript(uint32_t cp) {
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode sc = uscript_getScript(static_cast<UChar32>(cp), &err);
  return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || sc == USCRIPT_KATAKANA ||
         sc == USCRIPT_HANGUL || sc == USCRIPT_BOPOMOFO;
}

bool KeepInLexicon(uint32_t cp) {
  int8_t t = u_charType(static_cast<UChar32>(cp));
  switch (t) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

bool IsOneCodePoint(const std::string& s) {
  uint32_t cp;
  return !s.empty() && DecodeUtf8(reinterpret_cast<const unsigned char*>(s.data()), s.size(),
                                  &cp) == static_cast<int>(s.size());
}

class FoldBuilder {
 public:
  FoldBuilder(std::unordered_map<uint32_t, uint32_t> t2s, USpoofChecker* spoof)
      : t2s_(std::move(t2s)), spoof_(spoof) {
    UErrorCode err = U_ZERO_ERROR;
    nfkc_cf_ = unorm2_getNFKCCasefoldInstance(&err);
    nfkc_ = unorm2_getNFKCInstance(&err);
    nfd_ = unorm2_getNFDInstance(&err);
    nfc_ = unorm2_getNFCInstance(&err);
  }

  // Lexicon form of `cp` as UTF-8 (empty for a separator).
  std::string LexForm(uint32_t cp) {
    if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
      return {};
    std::u16string decomposed = Normalize(nfd_, Normalize(nfkc_cf_, ToU16(cp)));
    std::u16string kept;
    for (uint32_t c : CodePoints(decomposed)) {
      int8_t t = u_charType(static_cast<UChar32>(c));
      if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK) continue;
      if (auto it = t2s_.find(c); it != t2s_.end()) c = it->second;
      if (!KeepInLexicon(c)) continue;
      if (c >= 0x80 && !IsCjkScript(c)) c = AsciiSkeleton(c);
      kept += ToU16(c);
    }
    std::u16string composed = Normalize(nfc_, kept);
    std::string out;
    for (uint32_t c : CodePoints(composed)) AppendUtf8(c, &out);
    return out;
  }

  std::string PiForm(uint32_t cp) {
    if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
      return {};
    std::string out;
    for (uint32_t c : CodePoints(Normalize(nfkc_, ToU16(cp)))) AppendUtf8(c, &out);
    return out;
  }

 private:
  // A non-ASCII letter whose UTS #39 skeleton is one ASCII letter or digit
  // folds to that (lower-cased) character; others stay as they are.
  uint32_t AsciiSkeleton(uint32_t c) {
    if (spoof_ == nullptr) return c;
    std::u16string in = ToU16(c);
    UChar buf[16];
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = uspoof_getSkeleton(spoof_, 0, reinterpret_cast<const UChar*>(in.data()),
                                     static_cast<int32_t>(in.size()), buf, 16, &err);
    if (U_FAILURE(err) || len != 1 || buf[0] >= 0x80) return c;
    UChar s = buf[0];
    if (s >= 'A' && s <= 'Z') s = static_cast<UChar>(s - 'A' + 'a');
    bool alnum = (s >= 'a' && s <= 'z') || (s >= '0' && s <= '9');
    if (!alnum) return c;
    // The skeleton folds 'l', 'I' and '1' together (and 'O'/'0'); a letter
    // must stay a letter so that digits keep their meaning.
    bool letter = u_isalpha(static_cast<UChar32>(c));
    if (letter && s >= '0' && s <= '9') return c;
    return s;
  }

  std::unordered_map<uint32_t, uint32_t> t2s_;
  USpoofChecker* spoof_;
  const UNormalizer2* nfkc_cf_ = nullptr;
  const UNormalizer2* nfkc_ = nullptr;
  const UNormalizer2* nfd_ = nullptr;
  const UNormalizer2* nfc_ = nullptr;
};

}  // namespace

StatusOr<std::unique_ptr<CharFold>> CharFold::Build(const std::string& opencc_dir) {
  // Variants first (TW/HK forms -> OpenCC standard traditional), then TS.
  HEGUI_ASSIGN_OR_RETURN(auto ts, ReadCharMap(opencc_dir + "/TSCharacters.ocd2", true));
  HEGUI_ASSIGN_OR_RETURN(auto tw, ReadCharMap(opencc_dir + "/TWVariantsRev.ocd2", false));
  HEGUI_ASSIGN_OR_RETURN(auto hk, ReadCharMap(opencc_dir + "/HKVariantsRev.ocd2", false));
  std::unordered_map<uint32_t, uint32_t> t2s = ts;
  for (const auto* variants : {&tw, &hk}) {
    for (const auto& [from, to] : *variants) {
      if (t2s.count(from)) continue;
      auto it = ts.find(to);
      t2s[from] = it != ts.end() ? it->second : to;
    }
  }

  UErrorCode err = U_ZERO_ERROR;
  USpoofChecker* spoof = uspoof_open(&err);
  if (U_FAILURE(err)) spoof = nullptr;
  FoldBuilder builder(std::move(t2s), spoof);

  auto fold = std::unique_ptr<CharFold>(new CharFold());
  constexpr uint32_t kBlocks = (kMaxCodePoint + 1) >> kBlockBits;
  fold->stage1_.resize(kBlocks);
  std::map<std::string, uint16_t> seen_blocks;  // Block bytes -> index (dedup).
  std::unordered_map<std::string, uint32_t> pool_index;
  auto intern = [&](const std::string& s) -> uint32_t {
    auto [it, inserted] = pool_index.emplace(s, static_cast<uint32_t>(fold->pool_.size()));
    if (inserted) fold->pool_ += s;
    return it->second;
  };
  std::vector<Entry> block(size_t{1} << kBlockBits);
  for (uint32_t b = 0; b < kBlocks; ++b) {
    for (uint32_t i = 0; i < block.size(); ++i) {
      uint32_t cp = b << kBlockBits | i;
      Entry e{0, 0, 0, 0, 0};
      std::string self;
      AppendUtf8(cp, &self);
      int8_t type = u_charType(static_cast<UChar32>(cp));
      if ((cp >= 0xD800 && cp <= 0xDFFF) || type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR) {
        // Never produced by the decoder (surrogates) or without folds: kept.
        e.flags = kLexIdentity | kPiIdentity | kLexOneChar | kPiOneChar;
        e.lex_length = e.pi_length = static_cast<uint8_t>(self.size());
      } else {
        std::string lex = builder.LexForm(cp);
        std::string pi = builder.PiForm(cp);
        if (lex == self) {
          e.flags |= kLexIdentity;
        } else {
          e.lex_offset = intern(lex);
        }
        e.lex_length = static_cast<uint8_t>(lex.size());
        if (pi == self) {
          e.flags |= kPiIdentity;
        } else {
          e.pi_offset = intern(pi);
        }
        e.pi_length = static_cast<uint8_t>(pi.size());
        if (IsOneCodePoint(lex)) e.flags |= kLexOneChar;
        if (IsOneCodePoint(pi)) e.flags |= kPiOneChar;
        if (u_isalnum(static_cast<UChar32>(cp)) && !IsCjkScript(cp)) e.flags |= kWordChar;
      }
      if (cp >= 0x800 && cp <= 0xFFFF && !(cp >= 0xD800 && cp <= 0xDFFF) &&
          (e.flags & kLexIdentity) && (e.flags & kPiIdentity)) {
        // UTF-8 bytes 1110xxxx 10yyyyyy 10zzzzzz: word xxxx | yyyyyy << 4, bit zzzzzz.
        fold->plain3_[(cp >> 12) | ((cp >> 6) & 0x3F) << 4] |= uint64_t{1} << (cp & 63);
      }
      block[i] = e;
    }
    std::string key(reinterpret_cast<const char*>(block.data()), block.size() * sizeof(Entry));
    auto [it, inserted] = seen_blocks.emplace(
        std::move(key), static_cast<uint16_t>(fold->blocks_.size() >> kBlockBits));
    if (inserted) fold->blocks_.insert(fold->blocks_.end(), block.begin(), block.end());
    fold->stage1_[b] = it->second;
  }
  if (spoof != nullptr) uspoof_close(spoof);
  fold->ascii_lex_is_alnum_lower_ = true;
  for (uint32_t c = 0; c < 128; ++c) {
    std::string lex = builder.LexForm(c);
    fold->ascii_lex_[c] = lex.size() == 1 ? lex[0] : 0;
    const char expected = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ? static_cast<char>(c)
                          : c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a')
                                                 : 0;
    fold->ascii_lex_is_alnum_lower_ =
        fold->ascii_lex_is_alnum_lower_ && fold->ascii_lex_[c] == expected;
  }
  fold->pool_.append(4, '\0');  // Lets the hot path copy 4 bytes from any form.
  fold->pool_.shrink_to_fit();
  fold->blocks_.shrink_to_fit();
  return fold;
}

size_t CharFold::Plain3Run(const unsigned char* p, size_t i, size_t n) const {
  constexpr uint64_t kPairMask = 0xC0C0F0C0C0F0ull;  // Two 3-byte characters' tag bits.
  constexpr uint64_t kPairTags = 0x8080E08080E0ull;
  size_t e = i;
  for (uint64_t w; e + 8 <= n; e += 6) {
    std::memcpy(&w, p + e, 8);
    if ((w & kPairMask) != kPairTags || !(Plain3Bit(w) && Plain3Bit(w >> 24))) break;
  }
  for (uint32_t w; e + 4 <= n; e += 3) {
    std::memcpy(&w, p + e, 4);
    if (!IsPlain3(w)) break;
  }
  return e;
}

StatusOr<const CharFold*> CharFold::Shared() {
  static std::once_flag once;
  static StatusOr<std::unique_ptr<CharFold>>* built = nullptr;
  std::call_once(once, [] {
    const char* env = std::getenv("HEGUI_OPENCC_DIR");
    std::string dir = env != nullptr && *env != '\0' ? env : "/usr/share/opencc";
    built = new StatusOr<std::unique_ptr<CharFold>>(Build(dir));  // Lives until exit.
  });
  if (!built->ok()) return built->status();
  return built->value().get();
}

std::string CharFold::LexForm(uint32_t cp) const {
  const Entry& e = Lookup(cp);
  if (e.flags & kLexIdentity) {
    std::string s;
    AppendUtf8(cp, &s);
    return s;
  }
  return std::string(pool_.data() + e.lex_offset, e.lex_length);
}

std::string CharFold::PiForm(uint32_t cp) const {
  const Entry& e = Lookup(cp);
  if (e.flags & kPiIdentity) {
    std::string s;
    AppendUtf8(cp, &s);
    return s;
  }
  return std::string(pool_.data() + e.pi_offset, e.pi_length);
}

size_t CharFold::MemoryBytes() const {
  return stage1_.size() * sizeof(uint16_t) + blocks_.size() * sizeof(Entry) + pool_.size();
}

}  // namespace hegui::scan
