// Finding: one thing the scanner found, always pointing at the ORIGINAL bytes.
//
// Offsets are byte offsets into the text given to Scanner::Scan, or, for a
// ScanStream, from the first byte ever fed to the stream. `text` is a copy of
// the original bytes [begin, end), so a Finding owns everything it holds.
// The scanner only reports; what to do (allow, mask, block, review) is policy.
#ifndef HEGUI_SCAN_FINDING_H_
#define HEGUI_SCAN_FINDING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "scan/pi/pi_type.h"

namespace hegui::scan {

enum class FindingKind : uint8_t {
  kLexicon,       // A lexicon term (prohibited content); category = lexicon category.
  kPersonalInfo,  // Personal information; category = PI type name (e.g. "mobile").
  kInvalidUtf8,   // Bytes that are not UTF-8; category = "invalid_utf8".
};

// "lexicon", "personal_info", "invalid_utf8".
std::string_view FindingKindName(FindingKind kind);

struct Finding {
  FindingKind kind = FindingKind::kLexicon;
  uint64_t begin = 0;  // Original byte offsets, [begin, end).
  uint64_t end = 0;
  std::string text;         // The original bytes [begin, end).
  std::string category;     // Lexicon category, PI type name, or "invalid_utf8".
  std::string article;      // The CSL article it rests on, e.g. "CSL-48", "CSL-13-2"; may be empty.
  std::string rule_id;      // Lexicon "<file>:<line>", or the PI detector's rule id.
  float confidence = 1.0f;  // 0..1.
  std::optional<PiType> pi_type;  // Set for kPersonalInfo only.

  friend bool operator==(const Finding&, const Finding&) = default;
};

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_FINDING_H_
