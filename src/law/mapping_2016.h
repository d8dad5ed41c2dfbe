// The 2016 -> 2025 article numbering, data/law/csl-2016-to-2025-mapping.tsv.
//
// Format (docs/law-data.md): UTF-8, tab-separated, one header line, columns
//   old_2016 old_heading new_2025 new_heading change decision_item text_check_vs_official_2025 note
// "-" in old_2016/new_2025/decision_item means "none". Several rows may share a
// new number (merges). Rows are kept in file order. Pure data, thread-safe.
#ifndef HEGUI_LAW_MAPPING_2016_H_
#define HEGUI_LAW_MAPPING_2016_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status_or.h"

namespace hegui::law {

struct MappingRow {
  int old_number = 0;     // 2016 article; 0 for articles new in 2025.
  int new_number = 0;     // 2025 article; 0 if none.
  std::string change;     // "unchanged", "renumbered", "amended", "inserted", "merged", ...
  int decision_item = 0;  // Item of the 2025 amendment decision; 0 for none.
  std::string text_check;
  std::string note;
  int line = 0;  // 1-based line in the file.
};

[[nodiscard]] StatusOr<std::vector<MappingRow>> ParseMapping2016(std::string_view tsv,
                                                                 std::string_view source_name);

}  // namespace hegui::law

#endif  // HEGUI_LAW_MAPPING_2016_H_
