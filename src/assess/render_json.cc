// JSON report (render.h; schema in docs/profile.md, "JSON report").
#include <nlohmann/json.hpp>

#include "assess/render.h"

namespace hegui::assess {
namespace {

using nlohmann::ordered_json;

ordered_json Range(const FineRange& r) { return ordered_json{{"min", r.min}, {"max", r.max}}; }

ordered_json ExposureJson(const Exposure& e) {
  return ordered_json{{"entity_base", Range(e.entity_base)},
                      {"entity_worst", Range(e.entity_worst)},
                      {"persons_base", Range(e.persons_base)},
                      {"persons_worst", Range(e.persons_worst)}};
}

ordered_json ProvisionJson(const PenaltyTerms& p) {
  ordered_json j{{"id", p.id}, {"citation", p.citation}, {"article", p.article}};
  ordered_json tiers = ordered_json::array();
  for (const PenaltyTierTerms& t : p.tiers) {
    ordered_json tj{{"tier", PenaltyTierName(t.kind)}};
    tj["entity"] = t.entity ? Range(*t.entity) : ordered_json(nullptr);
    tj["persons"] = t.persons ? Range(*t.persons) : ordered_json(nullptr);
    tiers.push_back(tj);
  }
  j["tiers"] = tiers;
  j["sanctions"] = p.sanctions;
  j["unquantified"] = p.unquantified.empty() ? ordered_json(nullptr) : ordered_json(p.unquantified);
  j["referred_to_other_laws"] = p.referred;
  return j;
}

ordered_json AssessmentJson(const Assessment& a) {
  ordered_json j;
  j["project"] = a.profile.name();
  j["profile"] = a.profile.source();
  j["tier"] = {{"tier", ReviewTierName(a.tier.tier)},
               {"label", ReviewTierLabel(a.tier.tier)},
               {"cii_adjacent", a.tier.cii_adjacent},
               {"cii_operator", a.tier.cii_operator}};
  ordered_json reasons = ordered_json::array();
  for (const TierReason& r : a.tier.reasons) {
    reasons.push_back({{"tier", ReviewTierName(r.tier)},
                       {"fact", r.fact},
                       {"reason", r.reason},
                       {"assumed", r.assumed}});
  }
  j["tier"]["reasons"] = reasons;
  j["summary"] = {{"applicable", a.applicable},
                  {"met", a.met},
                  {"gaps", a.gaps},
                  {"unknown", a.unknown},
                  {"actions", a.actions.size()}};
  j["exposure"] = ExposureJson(a.total);
  j["exposure"]["unquantified_gaps"] = a.unquantified_gaps;
  ordered_json areas = ordered_json::array();
  for (const AreaExposure& ae : a.by_area) {
    ordered_json x = ExposureJson(ae.exposure);
    x["area"] = ae.area;
    x["gaps"] = ae.gaps;
    areas.push_back(x);
  }
  j["exposure"]["by_area"] = areas;

  ordered_json facts = ordered_json::object();
  for (const auto& [name, f] : a.facts.facts()) {
    facts[name] = {{"value", TruthName(f.value)}, {"reason", f.reason}};
  }
  j["facts"] = facts;

  ordered_json intake = ordered_json::array();
  for (const IntakeQuestion& q : a.intake) {
    intake.push_back({{"id", q.id},
                      {"question", q.question},
                      {"answered", q.answered()},
                      {"answer", q.answered() ? ordered_json(q.answer) : ordered_json(nullptr)},
                      {"missing", q.missing}});
  }
  j["intake"] = intake;

  ordered_json obligations = ordered_json::array();
  for (size_t i = 0; i < a.obligations.size(); ++i) {
    const ObligationResult& r = a.obligations[i];
    const law::Obligation& o = *r.obligation;
    ordered_json oj{{"id", o.id.str()},
                    {"article", o.article.number()},
                    {"paragraph", o.paragraph ? ordered_json(*o.paragraph) : ordered_json(nullptr)},
                    {"item", o.item ? ordered_json(*o.item) : ordered_json(nullptr)},
                    {"citation", o.Citation()},
                    {"title", o.title},
                    {"binds", law::AddresseeName(o.binds)},
                    {"area", o.area},
                    {"applies", r.applies == Truth::kFalse  ? "no"
                                : r.applies == Truth::kTrue ? "yes"
                                                            : "assumed"},
                    {"why", r.why}};
    if (r.applies != Truth::kFalse) {
      oj["status"] = ControlStatusName(r.status);
      ordered_json controls = ordered_json::array();
      for (const ControlResult& c : r.controls) {
        ordered_json checks = ordered_json::array();
        for (const CheckResult& ch : c.checks) {
          checks.push_back({{"check", ch.check},
                            {"observed", ch.observed},
                            {"status", ControlStatusName(ch.status)}});
        }
        controls.push_back({{"id", c.control->id},
                            {"title", c.control->title},
                            {"status", ControlStatusName(c.status)},
                            {"evidence", checks},
                            {"advice", c.control->advice}});
      }
      oj["controls"] = controls;
      ordered_json provisions = ordered_json::array();
      for (const PenaltyTerms* p : a.penalties[i].provisions)
        provisions.push_back(ProvisionJson(*p));
      oj["penalties"] = provisions;
      oj["exposure"] = r.status == ControlStatus::kGap ? ExposureJson(a.penalties[i].exposure)
                                                       : ordered_json(nullptr);
    }
    obligations.push_back(oj);
  }
  j["obligations"] = obligations;

  ordered_json findings = ordered_json::array();
  for (const DataFinding& f : a.data_findings) {
    findings.push_back(
        {{"item", f.item}, {"kind", f.kind}, {"detail", f.detail}, {"obligation", f.obligation}});
  }
  j["data_findings"] = findings;

  ordered_json vendors = ordered_json::array();
  for (const VendorCoverage& v : a.vendors) {
    ordered_json clauses = ordered_json::array();
    for (const ClauseStatus& c : v.clauses) {
      clauses.push_back({{"clause", c.clause},
                         {"status", ControlStatusName(c.status)},
                         {"observed", c.observed}});
    }
    vendors.push_back({{"name", v.name},
                       {"kind", v.kind},
                       {"region", v.region},
                       {"covered", v.covered},
                       {"required", v.required},
                       {"clauses", clauses}});
  }
  j["vendors"] = vendors;

  ordered_json actions = ordered_json::array();
  for (const Action& act : a.actions) {
    actions.push_back({{"rank", act.rank},
                       {"title", act.title},
                       {"detail", act.detail},
                       {"obligation", act.obligation.empty() ? ordered_json(nullptr)
                                                             : ordered_json(act.obligation)},
                       {"status", ControlStatusName(act.status)},
                       {"exposure", ExposureJson(act.exposure)}});
  }
  j["actions"] = actions;
  return j;
}

}  // namespace

std::string RenderJson(const Assessment& a, const RenderOptions& options) {
  ordered_json j{{"format", "hegui.assessment/1"}};
  if (!options.generated_at.empty()) j["generated_at"] = options.generated_at;
  j.update(AssessmentJson(a));
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string RenderPortfolioJson(const std::vector<Assessment>& all, const RenderOptions& options) {
  ordered_json j{{"format", "hegui.portfolio/1"}};
  if (!options.generated_at.empty()) j["generated_at"] = options.generated_at;
  ordered_json summary = ordered_json::array();
  ordered_json projects = ordered_json::array();
  Exposure sum;
  for (const Assessment& a : all) {
    summary.push_back({{"project", a.profile.name()},
                       {"profile", a.profile.source()},
                       {"tier", ReviewTierName(a.tier.tier)},
                       {"cii_adjacent", a.tier.cii_adjacent},
                       {"cii_operator", a.tier.cii_operator},
                       {"applicable", a.applicable},
                       {"gaps", a.gaps},
                       {"unknown", a.unknown},
                       {"exposure", ExposureJson(a.total)}});
    sum += a.total;
    projects.push_back(AssessmentJson(a));
  }
  j["summary"] = summary;
  j["total_exposure"] = ExposureJson(sum);
  j["projects"] = projects;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace hegui::assess
