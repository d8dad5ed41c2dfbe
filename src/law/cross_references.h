// Finds the provisions of this law that a piece of statute text refers to:
// 第二十三条 -> Art. 23; 第二十四条第一款、第二款 -> Art. 24 paras 1 and 2;
// 第四十三条至第四十五条 -> Arts. 43, 44, 45. Items (第一项) and relative
// references (前款, 前两款) are not returned. law check uses it to confirm that
// each penalty names the provisions its data says it punishes.
// Input UTF-8; pure function, thread-safe.
#ifndef HEGUI_LAW_CROSS_REFERENCES_H_
#define HEGUI_LAW_CROSS_REFERENCES_H_

#include <string_view>
#include <vector>

#include "law/article_id.h"

namespace hegui::law {

// In text order, duplicates kept.
std::vector<ProvisionRef> ExtractProvisionRefs(std::string_view text);

}  // namespace hegui::law

#endif  // HEGUI_LAW_CROSS_REFERENCES_H_
