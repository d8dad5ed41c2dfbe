// PenaltyCatalogue: the penalty provisions of Arts. 61-77, loaded from
// data/law/penalties.yaml (format: docs/law-data.md), with lookups by id, by
// obligation id and by article, and the fine exposure an obligation carries.
//
// Immutable after loading; every const method is thread-safe. Returned
// pointers point into the catalogue and live as long as it.
// Loading checks the file's shape (types, enum values, unknown fields, each
// naming file:line:column); whether the amounts equal the official text is
// law check's job (law_check.h).
//
// Example:
//   HEGUI_ASSIGN_OR_RETURN(PenaltyCatalogue p, PenaltyCatalogue::Load(DataDir()));
//   for (const Penalty* pen : p.ForObligation("CSL-23-3")) { ... }   // PEN-61-1
//   FineExposure e = p.ExposureFor("CSL-23-3");   // base RMB 10,000-50,000 ... worst 10,000,000
#ifndef HEGUI_LAW_PENALTY_CATALOGUE_H_
#define HEGUI_LAW_PENALTY_CATALOGUE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status_or.h"
#include "law/penalty.h"

namespace hegui::law {

// Yuan fines an obligation's violation can draw, over all penalties that
// punish it. "Base" is the lowest tier that states a yuan fine; "worst" the
// highest maximum of any tier. Multiples of illegal income or purchase amount
// cannot be priced without those figures: they are flagged, not added.
struct FineExposure {
  std::vector<std::string> penalty_ids;
  std::optional<AmountRange> base;           // On the offender.
  std::optional<int64_t> worst_max;          // On the offender.
  std::optional<AmountRange> persons_base;   // On the responsible persons.
  std::optional<int64_t> persons_worst_max;  // On the responsible persons.
  bool has_multiples = false;  // Some tier fines a multiple of illegal income / purchase amount.
  bool referral_only = false;  // Only Art. 71-style referrals to other laws apply.
};

class PenaltyCatalogue {
 public:
  [[nodiscard]] static StatusOr<PenaltyCatalogue> Load(const std::string& data_dir);
  [[nodiscard]] static StatusOr<PenaltyCatalogue> Parse(std::string_view yaml,
                                                        std::string_view source_name);

  const std::vector<Penalty>& penalties() const { return penalties_; }
  const std::string& source_name() const { return source_name_; }

  // nullptr if no penalty has this id.
  const Penalty* Find(std::string_view id) const;
  // Penalties whose `punishes` lists the obligation, in file order.
  std::vector<const Penalty*> ForObligation(std::string_view obligation_id) const;
  // Penalties set out in article N (N in 61..77).
  std::vector<const Penalty*> InArticle(ArticleId article) const;
  // Penalties that cite article N: it is among their violations or the
  // article of an obligation they punish.
  std::vector<const Penalty*> Citing(ArticleId article) const;
  // The tiers of `penalty` that apply to `obligation_id` (applies_to honoured).
  static std::vector<const Tier*> TiersFor(const Penalty& penalty, std::string_view obligation_id);
  FineExposure ExposureFor(std::string_view obligation_id) const;

 private:
  PenaltyCatalogue() = default;
  std::string source_name_;
  std::vector<Penalty> penalties_;
};

// The provision an obligation id names, by the team's rule: CSL-<article> is
// the whole article; CSL-<article>-<n> is paragraph n, except in Arts. 23 and
// 36 where n is the item of the article's list. InvalidArgument if malformed.
[[nodiscard]] StatusOr<ProvisionRef> ObligationProvision(std::string_view obligation_id);

}  // namespace hegui::law

#endif  // HEGUI_LAW_PENALTY_CATALOGUE_H_
