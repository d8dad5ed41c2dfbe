// Penalty exposure arithmetic: what a gap could cost under the CSL's penalty
// provisions (Art. 61-77), for the entity and for the responsible persons, in
// the base case and the worst case.
//
// Definitions (docs/profile.md, "Penalty exposure"), for one obligation:
//   base case  = the provision's first-instance tier: the `base` fine range if
//                the provision has one, otherwise 0 (order to correct/warning).
//   worst case = the provision's highest fined tier (particularly serious >
//                serious > correction refused > base), for the entity and,
//                separately, the highest fine on responsible persons.
//   per gap    = the componentwise maximum over the provisions that punish the
//                obligation (they are alternatives, not cumulative).
//   total      = the sum over the DISTINCT provisions punishing at least one
//                gap: several gaps under one provision share one fine range.
// Provisions that refer to other laws (Art. 71) or fine a multiple of an
// unknown amount (Art. 63, 67) add nothing to the sums and are flagged.
// Amounts are whole RMB yuan. Pure value types and functions; thread-safe.
#ifndef HEGUI_ASSESS_EXPOSURE_H_
#define HEGUI_ASSESS_EXPOSURE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hegui::assess {

struct FineRange {
  int64_t min = 0;  // RMB yuan
  int64_t max = 0;
  FineRange& operator+=(const FineRange& o) {
    min += o.min;
    max += o.max;
    return *this;
  }
  bool operator==(const FineRange&) const = default;
};
FineRange Max(const FineRange& a, const FineRange& b);  // componentwise

enum class PenaltyTierKind { kWarning, kBase, kCorrectionRefused, kSerious, kParticularlySerious };
std::string_view PenaltyTierName(PenaltyTierKind k);  // "warning", "base", ...

struct PenaltyTierTerms {
  PenaltyTierKind kind = PenaltyTierKind::kBase;
  std::optional<FineRange> entity;
  std::optional<FineRange> persons;
  std::vector<std::string> applies_to;  // obligation ids; empty: all the provision punishes
};

// One penalty provision as assess needs it (converted from law/'s penalties).
struct PenaltyTerms {
  std::string id;        // "PEN-61-1"
  std::string citation;  // "Art. 61 para 1"
  int article = 0;
  std::vector<PenaltyTierTerms> tiers;
  std::vector<std::string> sanctions;  // non-monetary: suspension, licence revocation...
  std::string unquantified;            // e.g. "1-10x the procurement amount"; empty if none
  bool referred = false;               // punished under other laws (Art. 71)
  std::vector<std::string> punishes;   // obligation ids
};

struct Exposure {
  FineRange entity_base;
  FineRange entity_worst;
  FineRange persons_base;
  FineRange persons_worst;
  bool operator==(const Exposure&) const = default;
};

// The provision's exposure for a violation of `obligation_id` (tiers whose
// applies_to excludes it are skipped).
Exposure ExposureOf(const PenaltyTerms& p, std::string_view obligation_id);
Exposure Max(const Exposure& a, const Exposure& b);
Exposure& operator+=(Exposure& a, const Exposure& b);

// The provisions among `penalties` that punish `obligation_id`, in the given order.
std::vector<const PenaltyTerms*> PenaltiesFor(const std::vector<PenaltyTerms>& penalties,
                                              std::string_view obligation_id);

// Exposure of one gap (componentwise max over its provisions).
Exposure GapExposure(const std::vector<const PenaltyTerms*>& provisions,
                     std::string_view obligation_id);

// Total over a set of gaps: the sum over distinct provisions, each provision
// at the componentwise max over the gaps it punishes.
Exposure TotalExposure(const std::vector<PenaltyTerms>& penalties,
                       const std::vector<std::string>& gap_obligation_ids);

// "RMB 10,000-50,000", "RMB 0", "RMB 2,000,000-10,000,000".
std::string FormatRmb(int64_t yuan);
std::string FormatRange(const FineRange& r);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_EXPOSURE_H_
