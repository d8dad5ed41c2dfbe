#include "assess/report_text.h"

namespace hegui::assess::report {

std::string CiiClass(const Assessment& a) {
  if (a.tier.cii_operator) return "designated CII operator";
  if (!a.tier.cii_adjacent) return "no";
  const Fact& f = a.facts.Get("cii_adjacent");
  std::string s = "CII-adjacent (" + f.reason + ")";
  if (f.value == Truth::kUnknown) s += ", assumed until answered";
  return s;
}

std::string DescribeProvision(const PenaltyTerms& p) {
  std::string s = p.id + " (" + p.citation + ")";
  if (p.referred) return s + ": handled under other laws and administrative regulations";
  std::string tiers;
  for (const PenaltyTierTerms& t : p.tiers) {
    std::string part;
    switch (t.kind) {
      case PenaltyTierKind::kWarning:
        part = "warning";
        break;
      case PenaltyTierKind::kBase:
        part = "base";
        break;
      case PenaltyTierKind::kCorrectionRefused:
        part = "correction refused";
        break;
      case PenaltyTierKind::kSerious:
        part = "serious";
        break;
      case PenaltyTierKind::kParticularlySerious:
        part = "particularly serious";
        break;
    }
    if (t.entity) part += " " + FormatRange(*t.entity);
    if (t.persons) part += " (persons " + FormatRange(*t.persons) + ")";
    if (!t.entity && !t.persons) part += " (no fine in RMB)";
    tiers += (tiers.empty() ? "" : "; ") + part;
  }
  if (!tiers.empty()) s += ": " + tiers;
  if (!p.unquantified.empty()) s += "; fine of " + p.unquantified;
  if (!p.sanctions.empty()) {
    std::string list;
    for (const auto& x : p.sanctions) list += (list.empty() ? "" : ", ") + x;
    s += "; also " + list;
  }
  return s;
}

std::string EntityWorst(const PenaltyLink& link) {
  std::string s = FormatRange(link.exposure.entity_worst);
  for (const PenaltyTerms* p : link.provisions) {
    if (!p->unquantified.empty()) s += " + " + p->unquantified;
    if (p->referred) s += " + other laws";
  }
  return s;
}

std::string ShortExposure(const PenaltyLink& link) {
  if (link.provisions.empty()) return "no CSL penalty provision";
  bool referred = true;
  for (const PenaltyTerms* p : link.provisions) referred &= p->referred;
  if (referred) return "other laws (Art. 71)";
  return EntityWorst(link);
}

std::string StatusWord(ControlStatus s) {
  switch (s) {
    case ControlStatus::kMet:
      return "met";
    case ControlStatus::kGap:
      return "GAP";
    case ControlStatus::kUnknown:
      return "unknown";
  }
  return "?";
}

}  // namespace hegui::assess::report
