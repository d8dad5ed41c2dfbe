#include "assess/tier.h"

#include <algorithm>

namespace hegui::assess {

std::string_view ReviewTierName(ReviewTier t) {
  switch (t) {
    case ReviewTier::kLight:
      return "light_review";
    case ReviewTier::kJoint:
      return "joint_assessment";
    case ReviewTier::kEnhanced:
      return "enhanced_review";
  }
  return "?";
}

std::string_view ReviewTierLabel(ReviewTier t) {
  switch (t) {
    case ReviewTier::kLight:
      return "Light review";
    case ReviewTier::kJoint:
      return "Joint assessment (security, data governance, legal)";
    case ReviewTier::kEnhanced:
      return "Enhanced review";
  }
  return "?";
}

TierDecision DecideTier(const FactSet& facts) {
  struct Rule {
    ReviewTier tier;
    const char* fact;
    const char* label;
  };
  static const Rule kRules[] = {
      {ReviewTier::kEnhanced, "cii_operator", "designated CII operator"},
      {ReviewTier::kEnhanced, "serves_cii_customers", "serves CII customers"},
      {ReviewTier::kEnhanced, "key_sector", "key sector"},
      {ReviewTier::kEnhanced, "large_scale_personal_info", "large volume of personal information"},
      {ReviewTier::kEnhanced, "processes_sensitive_personal_info",
       "sensitive personal information"},
      {ReviewTier::kEnhanced, "processes_important_data", "important data"},
      {ReviewTier::kEnhanced, "public_facing", "public interaction"},
      {ReviewTier::kEnhanced, "cross_border", "cross-border data flow"},
      {ReviewTier::kJoint, "personal_info_beyond_employees",
       "personal information of customers or the public"},
      {ReviewTier::kJoint, "external_facing", "external-facing service"},
  };
  TierDecision d;
  for (const Rule& r : kRules) {
    const Fact& f = facts.Get(r.fact);
    if (f.value == Truth::kFalse) continue;
    const bool assumed = f.value == Truth::kUnknown;
    std::string reason = std::string(r.label) + ": " + f.reason;
    if (assumed) reason += " (assumed until answered)";
    d.reasons.push_back(TierReason{r.tier, r.fact, reason, assumed});
    d.tier = std::max(d.tier, r.tier);
  }
  if (d.reasons.empty()) {
    d.reasons.push_back(TierReason{ReviewTier::kLight, "internal_only",
                                   "internal tool without personal information of customers or "
                                   "the public, sensitive or important data, or cross-border flows",
                                   false});
  }
  d.cii_operator = facts.Get("cii_operator").value == Truth::kTrue;
  d.cii_adjacent = facts.Get("cii_adjacent").value != Truth::kFalse;
  return d;
}

}  // namespace hegui::assess
