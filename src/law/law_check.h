// law check: validates the law catalogue against itself and against the
// official Chinese text. Each checker adds to a CheckReport (check_report.h);
// RunLawCheck runs all of law/'s checkers. Modules above law/ (assess) add
// their own, e.g. ValidateObligationLinks with the obligation catalogue's ids.
//
// Checkers are pure functions of their inputs; thread-safe on distinct reports.
// Cost: linear in the data (a few milliseconds for the shipped catalogue).
#ifndef HEGUI_LAW_LAW_CHECK_H_
#define HEGUI_LAW_LAW_CHECK_H_

#include <string>
#include <vector>

#include "law/article_catalogue.h"
#include "law/check_report.h"
#include "law/penalty_catalogue.h"

namespace hegui::law {

// Articles 1..81 present in Chinese and English, chapters and sections titled
// in both, and the English paragraph/item structure equal to the Chinese.
void CheckArticles(const ArticleCatalogue& articles, CheckReport* report);

// The 2016 mapping agrees with the amendment decision: every new article the
// decision inserts is "inserted" with no old number, every merge's sources map
// to its target, every 2025 article appears in the mapping exactly as often as
// it should, and old numbers run 1..79.
void CheckMapping(const ArticleCatalogue& articles, CheckReport* report);

// Penalty ids unique and of the form PEN-<article>[-<paragraph>]; each
// penalty's article in 61..77 and its paragraph real; violations equal to the
// provisions its text cites; obligation ids well formed and naming real
// provisions; tiers' applies_to within punishes; persons_as real; and every
// amount (RMB ranges, multiples, discretion, illegal-income thresholds,
// detention days, ban years), level word and sanction equal to what the named
// clause of the official text states, and every clause that states an amount
// or sanction covered by some tier.
void CheckPenalties(const ArticleCatalogue& articles, const PenaltyCatalogue& penalties,
                    CheckReport* report);

// Every obligation id a penalty punishes is among `known_obligation_ids` (the
// obligation catalogue's ids). For the assess module to plug in.
void ValidateObligationLinks(const PenaltyCatalogue& penalties,
                             const std::vector<std::string>& known_obligation_ids,
                             CheckReport* report);

// CheckArticles + CheckMapping + CheckPenalties.
CheckReport RunLawCheck(const ArticleCatalogue& articles, const PenaltyCatalogue& penalties);

}  // namespace hegui::law

#endif  // HEGUI_LAW_LAW_CHECK_H_
