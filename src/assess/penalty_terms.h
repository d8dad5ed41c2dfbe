// Converts the law module's penalty catalogue (law/penalty_catalogue.h) into
// the PenaltyTerms that assess's exposure arithmetic works on
// (assess/exposure.h): yuan ranges per tier for the offender and the
// responsible persons, the obligations each tier applies to, non-monetary
// sanctions, and flags for referrals (Art. 71) and fines stated as multiples
// of an amount the profile does not give (Arts. 63, 67).
//
// Only provisions that punish at least one obligation are converted. Pure
// function; thread-safe.
#ifndef HEGUI_ASSESS_PENALTY_TERMS_H_
#define HEGUI_ASSESS_PENALTY_TERMS_H_

#include <vector>

#include "assess/exposure.h"
#include "law/penalty_catalogue.h"

namespace hegui::assess {

std::vector<PenaltyTerms> PenaltyTermsFrom(const law::PenaltyCatalogue& catalogue);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_PENALTY_TERMS_H_
