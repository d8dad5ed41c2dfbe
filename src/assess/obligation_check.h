// The obligation catalogue's part of `hegui law check`: adds to a
// law::CheckReport (checker "obligations" and, via law's
// ValidateObligationLinks, "obligation_links") the problems of
// data/obligations/csl.yaml against the statute, the penalties and assess's
// vocabulary:
//   - every obligation cites a real provision of the statute (article,
//     paragraph, item exist in the official text);
//   - the id names that provision by the team's rule (law::ObligationProvision);
//   - every fact and evidence path is in assess's vocabulary;
//   - every obligation id a penalty punishes exists in the catalogue.
// Pure function of its inputs; fill a report from one thread.
#ifndef HEGUI_ASSESS_OBLIGATION_CHECK_H_
#define HEGUI_ASSESS_OBLIGATION_CHECK_H_

#include "law/article_catalogue.h"
#include "law/check_report.h"
#include "law/obligation_catalogue.h"
#include "law/penalty_catalogue.h"

namespace hegui::assess {

void CheckObligations(const law::ArticleCatalogue& articles, const law::PenaltyCatalogue& penalties,
                      const law::ObligationCatalogue& obligations, law::CheckReport* report);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_OBLIGATION_CHECK_H_
