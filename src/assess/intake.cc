#include "assess/intake.h"

namespace hegui::assess {
namespace {

std::string Show(const ProfileNode& n) {
  switch (n.kind) {
    case ProfileNode::Kind::kBool:
      return n.boolean ? "yes" : "no";
    case ProfileNode::Kind::kInt:
      return std::to_string(n.integer);
    case ProfileNode::Kind::kText:
      return n.text;
    case ProfileNode::Kind::kList: {
      std::string s;
      for (const auto& x : n.list) s += (s.empty() ? "" : ", ") + x;
      return s.empty() ? "none" : s;
    }
    case ProfileNode::Kind::kObjectList:
      return std::to_string(n.items.size()) + " item(s)";
    case ProfileNode::Kind::kObject:
      return "given";
  }
  return "";
}

IntakeQuestion Ask(const Profile& p, std::string id, std::string question,
                   std::vector<std::string> fields) {
  IntakeQuestion q{std::move(id), std::move(question), std::move(fields), {}, {}};
  for (const auto& f : q.fields) {
    const ProfileNode* n = p.Find(f);
    if (n == nullptr) {
      q.missing.push_back(f);
    } else {
      q.answer += (q.answer.empty() ? "" : "; ") + f.substr(f.rfind('.') + 1) + ": " + Show(*n);
    }
  }
  if (!q.missing.empty()) q.answer.clear();
  return q;
}

}  // namespace

std::vector<IntakeQuestion> IntakeQuestions(const Profile& p, const FactSet& facts) {
  std::vector<IntakeQuestion> q;
  q.push_back(Ask(p, "deployment", "Where is the system deployed, and who can reach it?",
                  {"deployment.region", "deployment.cloud", "deployment.exposure"}));
  q.push_back(Ask(p, "security_owner", "Who owns the project's security?", {"security.owner"}));
  q.push_back(Ask(p, "log_retention", "How are logs kept, and for how long?",
                  {"security.log_coverage", "security.log_retention_days"}));
  q.push_back(Ask(p, "vulnerability_remediation", "How fast are vulnerabilities remediated?",
                  {"security.vulnerability_sla_days"}));
  q.push_back(Ask(p, "incident_escalation", "How are incidents escalated and reported?",
                  {"security.incident_plan", "security.incident_escalation"}));
  q.push_back(Ask(p, "service", "What kind of service is it?", {"service.kinds"}));
  q.push_back(Ask(p, "data_map", "What data does it collect and use (the data map)?", {"data"}));
  q.push_back(Ask(p, "sector", "Which sector, and is it or does it serve CII?",
                  {"sector.industry", "sector.cii_designated", "sector.serves_cii_customers"}));
  if (facts.Get("processes_personal_info").value != Truth::kFalse) {
    q.push_back(Ask(p, "scale", "Whose personal information, and of how many people?",
                    {"users.personal_info_subjects"}));
  }
  q.push_back(Ask(p, "vendors", "Which vendors supply models, cloud and platforms?", {"vendors"}));
  return q;
}

}  // namespace hegui::assess
