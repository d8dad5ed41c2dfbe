#include "law/check_report.h"

namespace hegui::law {

void CheckReport::Add(std::string_view checker, std::string where, std::string message) {
  problems_.push_back({std::string(checker), std::move(where), std::move(message)});
}

void CheckReport::Count(std::string_view checker, int n) { counts_[std::string(checker)] += n; }

}  // namespace hegui::law
