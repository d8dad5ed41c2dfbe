// CheckReport: the problems found by law check's checkers, accumulated from
// several checkers (articles, 2016 mapping, penalties, obligation links) so
// that other modules can add their own checker to the same report.
//
// Each problem names the checker, where (a file, article, penalty id, tier,
// field) and what is wrong, with both values when two things disagree.
// Not thread-safe for writing; fill it from one thread.
//
// Example:
//   CheckReport report;
//   CheckArticles(articles, &report);
//   CheckPenalties(articles, penalties, &report);
//   ValidateObligationLinks(penalties, known_ids, &report);  // from assess
//   if (!report.ok()) { for (const CheckProblem& p : report.problems()) ... }
#ifndef HEGUI_LAW_CHECK_REPORT_H_
#define HEGUI_LAW_CHECK_REPORT_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hegui::law {

struct CheckProblem {
  std::string checker;  // "articles", "penalties", "obligation_links", ...
  std::string where;    // "PEN-61-1 tier correction_refused fine", "Art. 23 para 1".
  std::string message;
};

class CheckReport {
 public:
  void Add(std::string_view checker, std::string where, std::string message);
  // Records that `n` checks of `checker` ran (problems or not), for the summary.
  void Count(std::string_view checker, int n = 1);

  bool ok() const { return problems_.empty(); }
  const std::vector<CheckProblem>& problems() const { return problems_; }
  // Checks run per checker, in checker-name order.
  const std::map<std::string, int>& counts() const { return counts_; }

 private:
  std::vector<CheckProblem> problems_;
  std::map<std::string, int> counts_;
};

}  // namespace hegui::law

#endif  // HEGUI_LAW_CHECK_REPORT_H_
