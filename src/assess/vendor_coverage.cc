#include "assess/vendor_coverage.h"

namespace hegui::assess {

std::vector<std::pair<std::string, std::string>> VendorClauses(bool confidentiality_required) {
  std::vector<std::pair<std::string, std::string>> c = {
      {"vulnerability_notification", "Vulnerability notification"},
      {"patch_timeline_days", "Patch timeline"},
      {"logging_support", "Logging support"},
      {"incident_cooperation", "Incident cooperation"},
      {"remote_access_controls", "Remote-access controls"},
      {"maintenance_period_months", "Maintenance period"},
      {"exit_arrangements", "Exit arrangements"},
  };
  if (confidentiality_required) {
    c.emplace_back("confidentiality_agreement", "Security & confidentiality agreement");
  }
  return c;
}

std::vector<VendorCoverage> VendorContractCoverage(const Profile& profile, const FactSet& facts) {
  const bool confidentiality = facts.Get("cii_adjacent").value == Truth::kTrue;
  std::vector<VendorCoverage> out;
  for (const ProfileNode& v : profile.Items("vendors")) {
    VendorCoverage vc;
    vc.name = v.Text("name").value_or("?");
    vc.kind = v.Text("kind").value_or("unanswered");
    vc.region = v.Text("region").value_or("unanswered");
    for (const auto& [clause, label] : VendorClauses(confidentiality)) {
      ClauseStatus s{clause, label, ControlStatus::kUnknown, "unanswered"};
      const std::string path = "contract." + clause;
      if (clause == "patch_timeline_days") {
        if (auto days = v.Int(path)) {
          s.status = *days <= kMaxPatchTimelineDays ? ControlStatus::kMet : ControlStatus::kGap;
          s.observed = std::to_string(*days) + " days";
        }
      } else if (clause == "maintenance_period_months") {
        if (auto months = v.Int(path)) {
          s.status = *months > 0 ? ControlStatus::kMet : ControlStatus::kGap;
          s.observed = std::to_string(*months) + " months";
        }
      } else if (auto b = v.Bool(path)) {
        s.status = *b ? ControlStatus::kMet : ControlStatus::kGap;
        s.observed = *b ? "yes" : "no";
      }
      vc.covered += s.status == ControlStatus::kMet;
      vc.clauses.push_back(std::move(s));
    }
    vc.required = static_cast<int>(vc.clauses.size());
    out.push_back(std::move(vc));
  }
  return out;
}

}  // namespace hegui::assess
