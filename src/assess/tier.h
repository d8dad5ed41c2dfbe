// The review tier of a project (practical advice 02 and 07 of the reference
// analysis): light review, joint assessment by security, data and legal, or
// enhanced review; plus the CII-adjacent class, a separate flag for projects
// in or serving key sectors, and CII operators.
//
// Rules (each a fact from facts.h; an unknown fact counts as true, so a
// profile cannot lower its tier by leaving questions unanswered, and the
// reason says "assumed"):
//   enhanced: large_scale_personal_info, processes_sensitive_personal_info,
//             processes_important_data, public_facing, key_sector,
//             serves_cii_customers, cii_operator, cross_border
//   joint:    personal_info_beyond_employees, external_facing
//   light:    otherwise.
// Pure function; thread-safe.
#ifndef HEGUI_ASSESS_TIER_H_
#define HEGUI_ASSESS_TIER_H_

#include <string>
#include <string_view>
#include <vector>

#include "assess/facts.h"

namespace hegui::assess {

enum class ReviewTier { kLight = 0, kJoint = 1, kEnhanced = 2 };
std::string_view ReviewTierName(ReviewTier t);   // "light_review", ...
std::string_view ReviewTierLabel(ReviewTier t);  // "Light review", ...

struct TierReason {
  ReviewTier tier;
  std::string fact;      // the fact that triggered it
  std::string reason;    // e.g. "public interaction: deployment.exposure is public"
  bool assumed = false;  // the fact is unknown and was assumed true
};

struct TierDecision {
  ReviewTier tier = ReviewTier::kLight;
  bool cii_adjacent = false;  // the CII-adjacent class (includes CII operators)
  bool cii_operator = false;
  std::vector<TierReason> reasons;  // every rule that fired, highest tier first
};

TierDecision DecideTier(const FactSet& facts);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_TIER_H_
