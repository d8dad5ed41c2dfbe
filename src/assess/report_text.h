// Phrases shared by the Markdown and HTML renderers (not a public API of
// assess/: include only from render_*.cc). Pure functions.
#ifndef HEGUI_ASSESS_REPORT_TEXT_H_
#define HEGUI_ASSESS_REPORT_TEXT_H_

#include <string>

#include "assess/assessment.h"

namespace hegui::assess::report {

// "CII-adjacent (serves CII customers)", "designated CII operator", "no".
std::string CiiClass(const Assessment& a);
// "PEN-61-1 (Art. 61 para 1): base RMB 10,000-50,000; correction refused RMB ...; persons ..."
std::string DescribeProvision(const PenaltyTerms& p);
// "worst RMB 2,000,000-10,000,000" or "referred to other laws" etc.
std::string ShortExposure(const PenaltyLink& link);
std::string StatusWord(ControlStatus s);
// The gap's worst-case entity fine, with unquantified parts appended:
// "RMB 0 + 1x purchase amount to 10x purchase amount", "RMB 0 + other laws".
std::string EntityWorst(const PenaltyLink& link);  // "met", "GAP", "unknown"

}  // namespace hegui::assess::report

#endif  // HEGUI_ASSESS_REPORT_TEXT_H_
