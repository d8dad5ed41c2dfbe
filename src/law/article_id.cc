#include "law/article_id.h"

namespace hegui::law {

std::string ProvisionRef::ToString() const {
  std::string out = article.ToString();
  if (item > 0 && paragraph > 1) {
    return out + " para " + std::to_string(paragraph) + " item (" + std::to_string(item) + ")";
  }
  if (item > 0) return out + "(" + std::to_string(item) + ")";
  if (paragraph > 0) return out + " para " + std::to_string(paragraph);
  return out;
}

}  // namespace hegui::law
