// Masking: rewrites a text with its findings replaced, as policy asks.
//
//   lexicon hit      -> "[BLOCKED:<category>]"
//   personal info    -> a type-preserving mask (138****5678, [EMAIL], ...)
//   invalid UTF-8    -> U+FFFD per run
// Findings that overlap are replaced together, once, by the replacement of the
// first finding of the group (lexicon tags before PI masks). Findings that do
// not lie wholly inside the text are left alone. Pure function, thread-safe.
#ifndef HEGUI_SCAN_MASK_H_
#define HEGUI_SCAN_MASK_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "scan/finding.h"

namespace hegui::scan {

struct MaskOptions {
  bool lexicon = true;        // Replace lexicon hits by tags.
  bool personal_info = true;  // Mask personal information.
  bool invalid_utf8 = true;   // Replace invalid bytes by U+FFFD.
};

// `text` holds the original bytes starting at offset `text_offset` (0 for a
// whole buffer; the stream offset for a released piece of a stream).
std::string MaskText(std::string_view text, uint64_t text_offset, std::span<const Finding> findings,
                     const MaskOptions& options = {});

// The replacement MaskText uses for one finding.
std::string MaskReplacement(const Finding& finding);

}  // namespace hegui::scan

#endif  // HEGUI_SCAN_MASK_H_
