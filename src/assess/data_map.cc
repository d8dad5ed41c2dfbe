#include "assess/data_map.h"

#include <algorithm>

namespace hegui::assess {
namespace {

bool NoPath(const std::optional<std::string>& t) {
  if (!t) return false;
  std::string lower = *t;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return lower.empty() || lower == "none";
}

}  // namespace

std::vector<DataFinding> DataMapFindings(const Profile& profile, const FactSet& facts) {
  std::vector<DataFinding> out;
  const bool cii = facts.Get("cii_operator").value == Truth::kTrue;
  for (const ProfileNode& item : profile.Items("data")) {
    const std::string name = item.Text("name").value_or("?");
    const std::string category = item.Text("category").value_or("general");
    const bool personal = category == "personal" || category == "sensitive_personal";
    const bool important = category == "important";
    auto add = [&](std::string kind, std::string detail, std::string obligation) {
      out.push_back(DataFinding{name, std::move(kind), std::move(detail), std::move(obligation)});
    };
    if (personal && item.Bool("necessary") == false) {
      add("unnecessary_personal_info",
          "personal information that is not necessary for the service is collected; stop "
          "collecting it or show why it is needed",
          "CSL-43");
    }
    if (personal && item.Bool("consent") == false) {
      add("no_consent", "personal information is used without the individuals' consent", "CSL-43");
    }
    if (personal || important) {
      const bool overseas = item.Text("stored_in") == "overseas";
      const bool leaves = item.Bool("leaves_china") == true;
      if ((overseas || leaves) && item.Bool("transfer_assessment") != true) {
        std::string where = overseas ? "is stored overseas" : "leaves China";
        std::string detail = std::string(personal ? "personal information" : "important data") +
                             " " + where + " without a completed outbound-transfer assessment";
        detail +=
            cii ? " (a CII operator must store it in China, Art. 39)"
                : " (the outbound-transfer rules of the PIPL and the Data Security Law apply)";
        add("overseas_without_assessment", detail, cii ? "CSL-39" : "CSL-44");
      }
    }
    if (personal) {
      auto deletion = item.Text("deletion");
      auto correction = item.Text("correction");
      if (NoPath(deletion)) {
        add("no_deletion_path", "personal information cannot be deleted on request", "CSL-45");
      } else if (!deletion) {
        add("unanswered", "how this personal information is deleted is not stated", "CSL-45");
      }
      if (NoPath(correction)) {
        add("no_correction_path", "personal information cannot be corrected on request", "CSL-45");
      } else if (!correction) {
        add("unanswered", "how this personal information is corrected is not stated", "CSL-45");
      }
    }
  }
  return out;
}

}  // namespace hegui::assess
