#include "assess/exposure.h"

#include <algorithm>

namespace hegui::assess {

FineRange Max(const FineRange& a, const FineRange& b) {
  return FineRange{std::max(a.min, b.min), std::max(a.max, b.max)};
}

std::string_view PenaltyTierName(PenaltyTierKind k) {
  switch (k) {
    case PenaltyTierKind::kWarning:
      return "warning";
    case PenaltyTierKind::kBase:
      return "base";
    case PenaltyTierKind::kCorrectionRefused:
      return "correction_refused";
    case PenaltyTierKind::kSerious:
      return "serious";
    case PenaltyTierKind::kParticularlySerious:
      return "particularly_serious";
  }
  return "?";
}

Exposure ExposureOf(const PenaltyTerms& p, std::string_view obligation_id) {
  Exposure e;
  if (p.referred) return e;
  const PenaltyTierTerms* worst_entity = nullptr;
  const PenaltyTierTerms* worst_persons = nullptr;
  for (const PenaltyTierTerms& t : p.tiers) {
    if (!t.applies_to.empty() &&
        std::find(t.applies_to.begin(), t.applies_to.end(), obligation_id) == t.applies_to.end()) {
      continue;
    }
    if (t.kind == PenaltyTierKind::kBase) {
      if (t.entity) e.entity_base = *t.entity;
      if (t.persons) e.persons_base = *t.persons;
    }
    if (t.entity && (worst_entity == nullptr || t.kind > worst_entity->kind)) worst_entity = &t;
    if (t.persons && (worst_persons == nullptr || t.kind > worst_persons->kind)) worst_persons = &t;
  }
  if (worst_entity != nullptr) e.entity_worst = *worst_entity->entity;
  if (worst_persons != nullptr) e.persons_worst = *worst_persons->persons;
  return e;
}

Exposure Max(const Exposure& a, const Exposure& b) {
  return Exposure{Max(a.entity_base, b.entity_base), Max(a.entity_worst, b.entity_worst),
                  Max(a.persons_base, b.persons_base), Max(a.persons_worst, b.persons_worst)};
}

Exposure& operator+=(Exposure& a, const Exposure& b) {
  a.entity_base += b.entity_base;
  a.entity_worst += b.entity_worst;
  a.persons_base += b.persons_base;
  a.persons_worst += b.persons_worst;
  return a;
}

std::vector<const PenaltyTerms*> PenaltiesFor(const std::vector<PenaltyTerms>& penalties,
                                              std::string_view obligation_id) {
  std::vector<const PenaltyTerms*> out;
  for (const PenaltyTerms& p : penalties) {
    if (std::find(p.punishes.begin(), p.punishes.end(), obligation_id) != p.punishes.end()) {
      out.push_back(&p);
    }
  }
  return out;
}

Exposure GapExposure(const std::vector<const PenaltyTerms*>& provisions,
                     std::string_view obligation_id) {
  Exposure e;
  for (const PenaltyTerms* p : provisions) e = Max(e, ExposureOf(*p, obligation_id));
  return e;
}

Exposure TotalExposure(const std::vector<PenaltyTerms>& penalties,
                       const std::vector<std::string>& gap_obligation_ids) {
  Exposure total;
  for (const PenaltyTerms& p : penalties) {
    bool any = false;
    Exposure provision;
    for (const std::string& id : gap_obligation_ids) {
      if (std::find(p.punishes.begin(), p.punishes.end(), id) == p.punishes.end()) continue;
      any = true;
      provision = Max(provision, ExposureOf(p, id));
    }
    if (any) total += provision;
  }
  return total;
}

std::string FormatRmb(int64_t yuan) {
  std::string digits = std::to_string(yuan < 0 ? -yuan : yuan);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (yuan < 0 ? "-" : "") + out;
}

std::string FormatRange(const FineRange& r) {
  if (r.min == r.max) return "RMB " + FormatRmb(r.max);
  return "RMB " + FormatRmb(r.min) + "-" + FormatRmb(r.max);
}

}  // namespace hegui::assess
