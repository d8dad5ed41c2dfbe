// Parser of the NPC Standing Committee decision of 28 Oct 2025 that amended the
// law, data/law/csl-2025-amendment-decision-zh.txt.
//
// Each numbered item (一、二、...) is read for what it does to the numbering:
//   增加一条，作为第N条                     inserts new article N
//   将第A条改为第B条[，删去第K款|，增加一款...|，修改为|，其中的...]
//                                           renumbers old A to new B and amends it
//   将第A条、第B条[第K项]、...合并，作为第N条 merges old articles (or one item) into new N
// The quoted new wording is kept in `text` but not interpreted. Lines of the
// provenance header (starting with "#") and the promulgation order are skipped.
// Pure function, thread-safe.
#ifndef HEGUI_LAW_AMENDMENT_DECISION_H_
#define HEGUI_LAW_AMENDMENT_DECISION_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status_or.h"

namespace hegui::law {

struct DecisionItem {
  enum class Kind { kInsertArticle, kRenumberAndAmend, kMerge };
  struct OldSource {
    int article = 0;  // 2016 number.
    int item = 0;     // 0: the whole article; else only this item (项).
  };
  int number = 0;  // 1-based item of the decision.
  Kind kind = Kind::kInsertArticle;
  std::vector<OldSource> sources;       // Empty for kInsertArticle.
  int new_article = 0;                  // 2025 number.
  std::vector<int> deleted_paragraphs;  // Paragraphs (款) of the old article deleted.
  bool adds_paragraph = false;          // 增加一款.
  bool rewrites = false;                // 修改为 (the whole article is given new wording).
  bool replaces_phrase = false;         // 其中的“…”修改为“…”.
  std::string text;                     // The item as written, quoted wording included.
};

struct AmendmentDecision {
  std::vector<DecisionItem> items;  // In order; items[i].number == i + 1.
};

[[nodiscard]] StatusOr<AmendmentDecision> ParseAmendmentDecision(std::string_view text,
                                                                 std::string_view source_name);

}  // namespace hegui::law

#endif  // HEGUI_LAW_AMENDMENT_DECISION_H_
