// Assessment: everything `hegui assess` reports about one project profile —
// tier, intake questions, obligations with status and evidence, penalty
// exposure per gap, per area and in total, data-map findings, vendor-contract
// coverage and the action list — computed by Assess() in one pass.
//
// An Assessment borrows the obligation catalogue and the penalty terms (the
// ObligationResult and GapRow pointers point into them): both must outlive it.
// It owns a copy of the profile. Deterministic: the same inputs give the same
// assessment, in the same order. Immutable once built; thread-safe to read.
#ifndef HEGUI_ASSESS_ASSESSMENT_H_
#define HEGUI_ASSESS_ASSESSMENT_H_

#include <string>
#include <vector>

#include "assess/data_map.h"
#include "assess/evaluation.h"
#include "assess/exposure.h"
#include "assess/facts.h"
#include "assess/intake.h"
#include "assess/profile.h"
#include "assess/tier.h"
#include "assess/vendor_coverage.h"
#include "law/obligation_catalogue.h"

namespace hegui::assess {

// Penalty provisions that punish one applicable obligation, and its exposure
// if it is a gap.
struct PenaltyLink {
  std::vector<const PenaltyTerms*> provisions;  // borrowed
  Exposure exposure;
};

struct AreaExposure {
  std::string area;
  int gaps = 0;
  Exposure exposure;  // sum over the distinct provisions of the area's gaps
};

struct Action {
  int rank = 0;                                // 1-based, after ordering
  std::string title;                           // what to do
  std::string detail;                          // advice
  std::string obligation;                      // related obligation id, may be empty
  std::string citation;                        // "Art. 23(3)"
  ControlStatus status = ControlStatus::kGap;  // gap: fix it; unknown: answer/confirm it
  Exposure exposure;                           // of the related obligation if a gap, else zero
};

struct Assessment {
  Profile profile;
  FactSet facts;
  TierDecision tier;
  std::vector<IntakeQuestion> intake;
  std::vector<ObligationResult> obligations;  // catalogue order; applicable and not
  std::vector<PenaltyLink> penalties;         // parallel to `obligations`
  Exposure total;                             // over all gaps, distinct provisions once
  std::vector<AreaExposure> by_area;          // ObligationAreas() order, areas with gaps only
  std::vector<DataFinding> data_findings;
  std::vector<VendorCoverage> vendors;
  std::vector<Action> actions;     // ordered by exposure
  bool unquantified_gaps = false;  // some gap's provision is not in RMB terms

  int applicable = 0, met = 0, gaps = 0, unknown = 0;
  bool has_gaps() const { return gaps > 0; }
};

Assessment Assess(const Profile& profile, const law::ObligationCatalogue& catalogue,
                  const std::vector<PenaltyTerms>& penalties);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_ASSESSMENT_H_
