#include "scan/finding.h"

namespace hegui::scan {

std::string_view FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kLexicon:
      return "lexicon";
    case FindingKind::kPersonalInfo:
      return "personal_info";
    case FindingKind::kInvalidUtf8:
      return "invalid_utf8";
  }
  return "unknown";
}

}  // namespace hegui::scan
