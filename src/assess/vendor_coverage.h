// Vendor-contract coverage (practical advice 04 and 07): for each vendor, which
// of the security-maintenance clauses its contract has — vulnerability
// notification, a patch timeline, logging support, incident cooperation,
// remote-access controls, a maintenance period, exit arrangements — and, for
// CII operators and CII-adjacent projects, a security and confidentiality
// agreement. Pure; thread-safe.
#ifndef HEGUI_ASSESS_VENDOR_COVERAGE_H_
#define HEGUI_ASSESS_VENDOR_COVERAGE_H_

#include <string>
#include <vector>

#include "assess/evaluation.h"
#include "assess/facts.h"
#include "assess/profile.h"

namespace hegui::assess {

struct ClauseStatus {
  std::string clause;    // "vulnerability_notification", ...
  std::string label;     // "Vulnerability notification"
  ControlStatus status;  // met, gap or unknown (unanswered)
  std::string observed;
};

struct VendorCoverage {
  std::string name;
  std::string kind;
  std::string region;
  std::vector<ClauseStatus> clauses;
  int covered = 0;   // clauses met
  int required = 0;  // clauses listed
};

// The clause list used (label order), including confidentiality when
// `confidentiality_required`.
std::vector<std::pair<std::string, std::string>> VendorClauses(bool confidentiality_required);

// Patch timelines longer than this many days count as a gap.
inline constexpr int64_t kMaxPatchTimelineDays = 30;

std::vector<VendorCoverage> VendorContractCoverage(const Profile& profile, const FactSet& facts);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_VENDOR_COVERAGE_H_
