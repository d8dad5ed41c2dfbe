#include "store/internal/sql_connection.h"

#include <charconv>

namespace hegui::store::internal {

StatusOr<int64_t> SqlRow::Int(size_t i) const {
  const SqlValue& v = values_[i];
  if (const int64_t* n = std::get_if<int64_t>(&v)) return *n;
  if (const std::string* s = std::get_if<std::string>(&v)) {
    int64_t n = 0;
    auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
    if (ec == std::errc() && end == s->data() + s->size()) return n;
    return DataLossError("column " + std::to_string(i) + ": expected an integer, found '" +
                         s->substr(0, 32) + "'");
  }
  return DataLossError("column " + std::to_string(i) + ": expected an integer, found NULL");
}

std::string SqlRow::Text(size_t i) const {
  const SqlValue& v = values_[i];
  if (const std::string* s = std::get_if<std::string>(&v)) return *s;
  if (const int64_t* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  return std::string();
}

}  // namespace hegui::store::internal
