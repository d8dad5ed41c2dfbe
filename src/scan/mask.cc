#include "scan/mask.h"

#include <algorithm>
#include <vector>

#include "scan/pi/pi_mask.h"

namespace hegui::scan {

std::string MaskReplacement(const Finding& finding) {
  switch (finding.kind) {
    case FindingKind::kLexicon:
      return "[BLOCKED:" + finding.category + "]";
    case FindingKind::kPersonalInfo:
      if (finding.pi_type) return MaskPi(*finding.pi_type, finding.text);
      return "[PI]";
    case FindingKind::kInvalidUtf8:
      return "\xEF\xBF\xBD";
  }
  return {};
}

std::string MaskText(std::string_view text, uint64_t text_offset, std::span<const Finding> findings,
                     const MaskOptions& options) {
  std::vector<const Finding*> selected;
  const uint64_t text_end = text_offset + text.size();
  for (const Finding& f : findings) {
    bool wanted = (f.kind == FindingKind::kLexicon && options.lexicon) ||
                  (f.kind == FindingKind::kPersonalInfo && options.personal_info) ||
                  (f.kind == FindingKind::kInvalidUtf8 && options.invalid_utf8);
    if (wanted && f.begin >= text_offset && f.end <= text_end && f.begin < f.end) {
      selected.push_back(&f);
    }
  }
  std::sort(selected.begin(), selected.end(), [](const Finding* a, const Finding* b) {
    if (a->begin != b->begin) return a->begin < b->begin;
    if (a->kind != b->kind) return a->kind < b->kind;  // Lexicon first.
    return a->end > b->end;
  });
  std::string out;
  out.reserve(text.size());
  uint64_t pos = text_offset;
  for (size_t i = 0; i < selected.size();) {
    const Finding* head = selected[i];
    uint64_t group_end = head->end;
    size_t j = i + 1;
    while (j < selected.size() && selected[j]->begin < group_end) {
      group_end = std::max(group_end, selected[j]->end);
      ++j;
    }
    out.append(text.substr(pos - text_offset, head->begin - pos));
    out += MaskReplacement(*head);
    pos = group_end;
    i = j;
  }
  out.append(text.substr(pos - text_offset));
  return out;
}

}  // namespace hegui::scan
