#include "assess/assessment.h"

#include <algorithm>
#include <set>

namespace hegui::assess {
namespace {

std::vector<Action> BuildActions(const Assessment& a) {
  std::vector<Action> actions;
  for (size_t i = 0; i < a.obligations.size(); ++i) {
    const ObligationResult& r = a.obligations[i];
    if (r.applies == Truth::kFalse) continue;
    for (const ControlResult& c : r.controls) {
      if (c.status == ControlStatus::kMet) continue;
      Action act;
      act.obligation = r.obligation->id.str();
      act.citation = r.obligation->Citation();
      act.status = c.status;
      if (c.status == ControlStatus::kGap) {
        act.title = c.control->title;
        act.detail = c.control->advice;
        act.exposure = a.penalties[i].exposure;
      } else {
        std::string fields;
        for (const CheckResult& check : c.checks) {
          if (check.status == ControlStatus::kUnknown) {
            fields += (fields.empty() ? "" : ", ") + check.check;
          }
        }
        act.title = "Confirm: " + c.control->title;
        act.detail = "Answer in the profile: " + fields + ". " + c.control->advice;
      }
      actions.push_back(std::move(act));
    }
  }
  for (const VendorCoverage& v : a.vendors) {
    std::string missing;
    for (const ClauseStatus& c : v.clauses) {
      if (c.status == ControlStatus::kGap) missing += (missing.empty() ? "" : ", ") + c.label;
    }
    if (missing.empty()) continue;
    Action act;
    act.title = "Amend the contract with " + v.name;
    act.detail = "Add: " + missing + ".";
    act.status = ControlStatus::kGap;
    actions.push_back(std::move(act));
  }
  std::stable_sort(actions.begin(), actions.end(), [](const Action& x, const Action& y) {
    if (x.exposure.entity_worst.max != y.exposure.entity_worst.max) {
      return x.exposure.entity_worst.max > y.exposure.entity_worst.max;
    }
    if (x.exposure.persons_worst.max != y.exposure.persons_worst.max) {
      return x.exposure.persons_worst.max > y.exposure.persons_worst.max;
    }
    if (x.exposure.entity_base.max != y.exposure.entity_base.max) {
      return x.exposure.entity_base.max > y.exposure.entity_base.max;
    }
    if (x.status != y.status) return x.status == ControlStatus::kGap;
    return false;  // keep catalogue order
  });
  for (size_t i = 0; i < actions.size(); ++i) actions[i].rank = static_cast<int>(i) + 1;
  return actions;
}

}  // namespace

Assessment Assess(const Profile& profile, const law::ObligationCatalogue& catalogue,
                  const std::vector<PenaltyTerms>& penalties) {
  Assessment a{.profile = profile};
  a.facts = DeriveFacts(profile);
  a.tier = DecideTier(a.facts);
  a.intake = IntakeQuestions(profile, a.facts);
  a.obligations = EvaluateObligations(catalogue, profile, a.facts);
  std::vector<std::string> gap_ids;
  for (const ObligationResult& r : a.obligations) {
    PenaltyLink link;
    if (r.applies != Truth::kFalse) {
      link.provisions = PenaltiesFor(penalties, r.obligation->id.str());
      ++a.applicable;
      switch (r.status) {
        case ControlStatus::kMet:
          ++a.met;
          break;
        case ControlStatus::kUnknown:
          ++a.unknown;
          break;
        case ControlStatus::kGap:
          ++a.gaps;
          link.exposure = GapExposure(link.provisions, r.obligation->id.str());
          gap_ids.push_back(r.obligation->id.str());
          for (const PenaltyTerms* p : link.provisions) {
            if (p->referred || !p->unquantified.empty()) a.unquantified_gaps = true;
          }
          break;
      }
    }
    a.penalties.push_back(std::move(link));
  }
  a.total = TotalExposure(penalties, gap_ids);
  for (const std::string& area : law::ObligationAreas()) {
    AreaExposure ae{area, 0, {}};
    std::vector<std::string> ids;
    for (const ObligationResult& r : a.obligations) {
      if (r.applies != Truth::kFalse && r.status == ControlStatus::kGap &&
          r.obligation->area == area) {
        ++ae.gaps;
        ids.push_back(r.obligation->id.str());
      }
    }
    if (ae.gaps == 0) continue;
    ae.exposure = TotalExposure(penalties, ids);
    a.by_area.push_back(std::move(ae));
  }
  a.data_findings = DataMapFindings(profile, a.facts);
  a.vendors = VendorContractCoverage(profile, a.facts);
  a.actions = BuildActions(a);
  return a;
}

}  // namespace hegui::assess
