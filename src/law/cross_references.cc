#include "law/cross_references.h"

#include "law/chinese_amount.h"
#include "law/internal/utf8.h"

namespace hegui::law {

std::vector<ProvisionRef> ExtractProvisionRefs(std::string_view text) {
  constexpr std::string_view kDi = "第";
  std::vector<ProvisionRef> out;
  int current_article = 0;
  size_t previous_end = std::string_view::npos;  // End of the previous reference.
  std::string_view previous_kind;
  for (size_t pos = text.find(kDi); pos != std::string_view::npos; pos = text.find(kDi, pos + 1)) {
    size_t start = pos + kDi.size();
    size_t end = start;
    std::string_view kind;
    while (end < text.size() && end - start <= 18) {
      size_t len = 1;
      internal::DecodeAt(text, end, &len);
      std::string_view ch = text.substr(end, len);
      if (ch == "条" || ch == "款" || ch == "项") {
        kind = ch;
        break;
      }
      end += len;
    }
    if (kind.empty()) continue;
    StatusOr<int64_t> n = ParseChineseNumber(text.substr(start, end - start));
    if (!n.ok() || *n <= 0 || *n > 1000) continue;
    const int number = static_cast<int>(*n);
    std::string_view between = previous_end == std::string_view::npos || previous_end > pos
                                   ? std::string_view()
                                   : text.substr(previous_end, pos - previous_end);
    const size_t this_end = end + kind.size();
    if (kind == "条") {
      if (between == "至" && previous_kind == "条" && current_article > 0) {
        for (int a = current_article + 1; a < number; ++a) out.push_back({ArticleId(a), 0, 0});
      }
      current_article = number;
      out.push_back({ArticleId(number), 0, 0});
    } else if (kind == "款" && current_article > 0) {
      if (between.empty() && previous_kind == "条" && !out.empty()) {
        out.back().paragraph = number;  // 第二十四条第一款
      } else {
        out.push_back({ArticleId(current_article), number, 0});  // …、第二款
      }
    }
    previous_end = this_end;
    previous_kind = kind;
    pos = this_end - 1;
  }
  return out;
}

}  // namespace hegui::law
