#include "assess/penalty_terms.h"

#include <algorithm>

namespace hegui::assess {
namespace {

PenaltyTierKind KindOf(law::TierLevel level) {
  switch (level) {
    case law::TierLevel::kBase:
      return PenaltyTierKind::kBase;
    case law::TierLevel::kCorrectionRefused:
      return PenaltyTierKind::kCorrectionRefused;
    case law::TierLevel::kSerious:
      return PenaltyTierKind::kSerious;
    case law::TierLevel::kParticularlySerious:
      return PenaltyTierKind::kParticularlySerious;
  }
  return PenaltyTierKind::kBase;
}

// A yuan range, or nullopt (and a note) for multiples of another amount.
std::optional<FineRange> Yuan(const std::optional<law::Fine>& fine, std::string* note) {
  if (!fine) return std::nullopt;
  const law::AmountRange& r = fine->range;
  if (r.basis != law::AmountBasis::kYuan) {
    if (note->empty()) *note = r.ToString();
    return std::nullopt;
  }
  return FineRange{r.min.value_or(0), r.max.value_or(r.min.value_or(0))};
}

std::string Label(law::Sanction s) {
  std::string name(law::SanctionName(s));
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

}  // namespace

std::vector<PenaltyTerms> PenaltyTermsFrom(const law::PenaltyCatalogue& catalogue) {
  std::vector<PenaltyTerms> out;
  for (const law::Penalty& p : catalogue.penalties()) {
    if (p.punishes.empty()) continue;
    if (p.kind != law::PenaltyKind::kFine && p.kind != law::PenaltyKind::kReferral) continue;
    PenaltyTerms t;
    t.id = p.id;
    t.citation = p.provision().ToString();
    t.article = p.article.number();
    t.referred = p.kind == law::PenaltyKind::kReferral;
    t.punishes = p.punishes;
    for (const law::Tier& tier : p.tiers) {
      PenaltyTierTerms tt;
      tt.kind = KindOf(tier.level);
      tt.entity = Yuan(tier.fine, &t.unquantified);
      tt.persons = Yuan(tier.persons_fine, &t.unquantified);
      tt.applies_to = tier.applies_to;
      t.tiers.push_back(std::move(tt));
      for (const auto* list : {&tier.sanctions, &tier.discretionary_sanctions}) {
        for (law::Sanction s : *list) {
          if (s == law::Sanction::kRectificationOrder || s == law::Sanction::kWarning) continue;
          std::string label = Label(s);
          if (std::find(t.sanctions.begin(), t.sanctions.end(), label) == t.sanctions.end()) {
            t.sanctions.push_back(label);
          }
        }
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace hegui::assess
