// Markdown report (render.h).
#include <sstream>

#include "assess/render.h"
#include "assess/report_text.h"

namespace hegui::assess {
namespace {

using report::StatusWord;

std::string Cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string Pct(int part, int whole) {
  if (whole == 0) return "0";
  return std::to_string(part) + "/" + std::to_string(whole);
}

void Summary(std::ostringstream& o, const Assessment& a) {
  o << "| | |\n| --- | --- |\n";
  o << "| Review tier | **" << ReviewTierLabel(a.tier.tier) << "** |\n";
  o << "| CII class | " << Cell(report::CiiClass(a)) << " |\n";
  o << "| Obligations | " << a.applicable << " applicable: " << a.met << " met, " << a.gaps
    << " gaps, " << a.unknown << " unknown |\n";
  o << "| Exposure, entity | base case " << FormatRange(a.total.entity_base) << "; worst case "
    << FormatRange(a.total.entity_worst) << " |\n";
  o << "| Exposure, responsible persons | base case " << FormatRange(a.total.persons_base)
    << "; worst case " << FormatRange(a.total.persons_worst) << " (each) |\n";
  int unanswered = 0;
  for (const auto& q : a.intake) unanswered += !q.answered();
  o << "| Intake questions unanswered | " << unanswered << " of " << a.intake.size() << " |\n";
  o << "| Actions | " << a.actions.size() << " |\n\n";
  if (a.unquantified_gaps) {
    o << "Some gaps fall under provisions that refer to other laws (Art. 71) or fine a multiple "
         "of an amount the profile does not give; they are not in the totals.\n\n";
  }
}

void Obligation(std::ostringstream& o, const ObligationResult& r, const PenaltyLink& link,
                const std::string& h) {
  const law::Obligation& ob = *r.obligation;
  o << h << "## " << ob.id.str() << " " << ob.title << "\n\n";
  o << ob.Citation() << " · binds: " << law::AddresseeLabel(ob.binds)
    << " · area: " << law::AreaLabel(ob.area) << " · status: **" << StatusWord(r.status)
    << "**\n\n";
  o << ob.summary << "\n\n";
  o << "Applies because" << (r.applies == Truth::kUnknown ? " (assumed until answered)" : "")
    << ":\n";
  for (const auto& w : r.why) o << "- " << w << "\n";
  o << "\n| Control | Status | Evidence | Profile says |\n| --- | --- | --- | --- |\n";
  for (const ControlResult& c : r.controls) {
    bool first = true;
    for (const CheckResult& check : c.checks) {
      o << "| " << (first ? Cell(c.control->title) : "") << " | "
        << (first ? StatusWord(c.status) : "") << " | `" << Cell(check.check) << "` | "
        << Cell(check.observed) << " |\n";
      first = false;
    }
  }
  o << "\n";
  if (link.provisions.empty()) {
    o << "Penalty: no CSL penalty provision names this obligation.\n\n";
  } else {
    for (const PenaltyTerms* p : link.provisions) {
      o << "Penalty: " << report::DescribeProvision(*p) << ".\n\n";
    }
  }
  if (r.status == ControlStatus::kGap) {
    o << "Exposure of this gap: entity base " << FormatRange(link.exposure.entity_base)
      << ", worst " << report::EntityWorst(link) << "; responsible persons base "
      << FormatRange(link.exposure.persons_base) << ", worst "
      << FormatRange(link.exposure.persons_worst) << ".\n\n";
  }
}

void Body(std::ostringstream& o, const Assessment& a, const std::string& h) {
  o << h << "# Risk tier: " << ReviewTierLabel(a.tier.tier) << "\n\n";
  for (const TierReason& r : a.tier.reasons) {
    o << "- " << ReviewTierLabel(r.tier) << ": " << r.reason << "\n";
  }
  o << "- CII class: " << report::CiiClass(a) << "\n\n";

  o << h << "# Intake questions\n\n";
  for (const IntakeQuestion& q : a.intake) {
    o << "- [" << (q.answered() ? "x" : " ") << "] " << q.question << " ";
    if (q.answered()) {
      o << "— " << q.answer << "\n";
    } else {
      std::string m;
      for (const auto& f : q.missing) m += (m.empty() ? "" : ", ") + ("`" + f + "`");
      o << "— **unanswered**: " << m << "\n";
    }
  }
  o << "\n";

  o << h << "# Obligations\n\n";
  o << "| Id | Article | Obligation | Binds | Status | Worst-case exposure (entity) |\n";
  o << "| --- | --- | --- | --- | --- | --- |\n";
  for (size_t i = 0; i < a.obligations.size(); ++i) {
    const ObligationResult& r = a.obligations[i];
    if (r.applies == Truth::kFalse) continue;
    o << "| " << r.obligation->id.str() << " | " << r.obligation->Citation() << " | "
      << Cell(r.obligation->title) << " | " << law::AddresseeLabel(r.obligation->binds) << " | "
      << StatusWord(r.status) << " | "
      << (r.status == ControlStatus::kGap ? report::ShortExposure(a.penalties[i]) : "") << " |\n";
  }
  o << "\n";
  for (size_t i = 0; i < a.obligations.size(); ++i) {
    if (a.obligations[i].applies != Truth::kFalse)
      Obligation(o, a.obligations[i], a.penalties[i], h);
  }
  o << h << "## Not applicable\n\n";
  for (const ObligationResult& r : a.obligations) {
    if (r.applies != Truth::kFalse) continue;
    std::string why;
    for (const auto& w : r.why) why += (why.empty() ? "" : "; ") + w;
    o << "- " << r.obligation->id.str() << " (" << r.obligation->Citation() << ") "
      << r.obligation->title << ": " << why << "\n";
  }
  o << "\n";

  o << h << "# Penalty exposure\n\n";
  if (a.gaps == 0) {
    o << "No gaps: no exposure.\n\n";
  } else {
    o << "| Gap | Provision | Entity, base | Entity, worst | Persons, base | Persons, worst |\n";
    o << "| --- | --- | --- | --- | --- | --- |\n";
    for (size_t i = 0; i < a.obligations.size(); ++i) {
      const ObligationResult& r = a.obligations[i];
      if (r.applies == Truth::kFalse || r.status != ControlStatus::kGap) continue;
      const PenaltyLink& l = a.penalties[i];
      std::string prov;
      for (const PenaltyTerms* p : l.provisions) {
        prov += (prov.empty() ? "" : ", ") + p->id + (p->referred ? " (other laws)" : "");
      }
      if (prov.empty()) prov = "none";
      o << "| " << r.obligation->id.str() << " | " << prov << " | "
        << FormatRange(l.exposure.entity_base) << " | " << report::EntityWorst(l) << " | "
        << FormatRange(l.exposure.persons_base) << " | " << FormatRange(l.exposure.persons_worst)
        << " |\n";
    }
    o << "| **Total** (each provision once) | | **" << FormatRange(a.total.entity_base) << "** | **"
      << FormatRange(a.total.entity_worst) << "** | **" << FormatRange(a.total.persons_base)
      << "** | **" << FormatRange(a.total.persons_worst) << "** |\n\n";
    o << "By area:\n\n| Area | Gaps | Entity, worst | Persons, worst |\n| --- | --- | --- | --- "
         "|\n";
    for (const AreaExposure& ae : a.by_area) {
      o << "| " << law::AreaLabel(ae.area) << " | " << ae.gaps << " | "
        << FormatRange(ae.exposure.entity_worst) << " | " << FormatRange(ae.exposure.persons_worst)
        << " |\n";
    }
    o << "\nBase case: the fine a first finding can bring; worst case: the highest tier "
         "(refused correction, serious or particularly serious consequences). Several gaps under "
         "one provision count once. Fines on responsible persons are per person.\n\n";
  }

  o << h << "# Data map\n\n";
  const auto& items = a.profile.Items("data");
  if (items.empty()) {
    o << (a.profile.Find("data") ? "The data map lists no items.\n\n"
                                 : "**No data map.** List every data item under `data`.\n\n");
  } else {
    o << "| Item | Category | Purposes | Necessary | Stored | Leaves China | Deletion | Correction "
         "|\n";
    o << "| --- | --- | --- | --- | --- | --- | --- | --- |\n";
    auto b = [](std::optional<bool> v) { return v ? (*v ? "yes" : "no") : "?"; };
    for (const ProfileNode& item : items) {
      std::string purposes;
      if (const auto* p = item.List("purposes")) {
        for (const auto& x : *p) purposes += (purposes.empty() ? "" : ", ") + x;
      }
      o << "| " << Cell(item.Text("name").value_or("?")) << " | "
        << item.Text("category").value_or("?") << " | " << (purposes.empty() ? "?" : purposes)
        << " | " << b(item.Bool("necessary")) << " | "
        << Cell(item.Text("stored_in").value_or("?") +
                (item.Text("location") ? " (" + *item.Text("location") + ")" : ""))
        << " | " << b(item.Bool("leaves_china")) << " | "
        << Cell(item.Text("deletion").value_or("?")) << " | "
        << Cell(item.Text("correction").value_or("?")) << " |\n";
    }
    o << "\n";
    if (a.data_findings.empty()) {
      o << "No data-map findings.\n\n";
    } else {
      o << "Findings:\n\n";
      for (const DataFinding& f : a.data_findings) {
        o << "- **" << f.item << "**: " << f.detail << " (" << f.obligation << ")\n";
      }
      o << "\n";
    }
  }

  o << h << "# Vendor contracts\n\n";
  if (a.vendors.empty()) {
    o << (a.profile.Find("vendors") ? "No vendors listed.\n\n"
                                    : "**Vendors unanswered.** List them under `vendors`.\n\n");
  } else {
    const auto clauses = VendorClauses(a.vendors.front().clauses.size() > 7);
    o << "| Vendor | Kind | Region |";
    for (const auto& [id, label] : clauses) o << " " << label << " |";
    o << " Coverage |\n| --- | --- | --- |";
    for (size_t i = 0; i < clauses.size(); ++i) o << " --- |";
    o << " --- |\n";
    for (const VendorCoverage& v : a.vendors) {
      o << "| " << Cell(v.name) << " | " << v.kind << " | " << v.region << " |";
      for (const ClauseStatus& c : v.clauses) {
        o << " "
          << (c.status == ControlStatus::kMet   ? "yes"
              : c.status == ControlStatus::kGap ? "**no**"
                                                : "?");
        if (c.status != ControlStatus::kUnknown &&
            (c.clause == "patch_timeline_days" || c.clause == "maintenance_period_months")) {
          o << " (" << c.observed << ")";
        }
        o << " |";
      }
      o << " " << Pct(v.covered, v.required) << " |\n";
    }
    o << "\n";
  }

  o << h << "# Action list\n\n";
  if (a.actions.empty()) o << "Nothing to do.\n";
  for (const Action& act : a.actions) {
    o << act.rank << ". **" << act.title << "**";
    if (!act.obligation.empty()) o << " (" << act.obligation << ", " << act.citation << ")";
    if (act.status == ControlStatus::kGap && act.exposure.entity_worst.max > 0) {
      o << " — exposure up to " << FormatRange(act.exposure.entity_worst);
    }
    o << "\n   " << act.detail << "\n";
  }
  o << "\n";
}

void Header(std::ostringstream& o, const Assessment& a, const RenderOptions& options,
            const std::string& h) {
  o << h << " CSL assessment: " << a.profile.name() << "\n\n";
  o << "Profile `" << a.profile.source()
    << "` assessed against the PRC Cybersecurity Law as amended "
    << "28 October 2025.";
  if (!options.generated_at.empty()) o << " Generated " << options.generated_at << ".";
  o << "\n\n";
}

}  // namespace

std::string RenderMarkdown(const Assessment& a, const RenderOptions& options) {
  std::ostringstream o;
  Header(o, a, options, "#");
  Summary(o, a);
  Body(o, a, "#");
  return o.str();
}

std::string RenderPortfolioMarkdown(const std::vector<Assessment>& all,
                                    const RenderOptions& options) {
  std::ostringstream o;
  o << "# CSL portfolio assessment\n\n";
  o << all.size()
    << " project profile(s) assessed against the PRC Cybersecurity Law as amended 28 "
       "October 2025.";
  if (!options.generated_at.empty()) o << " Generated " << options.generated_at << ".";
  o << "\n\n| Project | Profile | Tier | CII class | Applicable | Gaps | Unknown | Entity worst "
       "case | "
       "Persons worst case |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
  Exposure sum;
  int gaps = 0;
  for (const Assessment& a : all) {
    o << "| " << Cell(a.profile.name()) << " | `" << a.profile.source() << "` | "
      << ReviewTierLabel(a.tier.tier) << " | "
      << (a.tier.cii_operator   ? "CII operator"
          : a.tier.cii_adjacent ? "CII-adjacent"
                                : "no")
      << " | " << a.applicable << " | " << a.gaps << " | " << a.unknown << " | "
      << FormatRange(a.total.entity_worst) << " | " << FormatRange(a.total.persons_worst) << " |\n";
    sum += a.total;
    gaps += a.gaps;
  }
  o << "| **All projects** | | | | | **" << gaps << "** | | **" << FormatRange(sum.entity_worst)
    << "** | **" << FormatRange(sum.persons_worst) << "** |\n\n";
  for (const Assessment& a : all) {
    std::ostringstream one;
    Header(one, a, RenderOptions{}, "##");
    Summary(one, a);
    Body(one, a, "##");
    o << one.str();
  }
  return o.str();
}

}  // namespace hegui::assess
