// Evaluation of the obligation catalogue against one profile: which
// obligations apply and why, and whether each control is met, a gap or
// unknown, with the evidence relied on.
//
// Applicability is the obligation's trigger over the facts (Kleene logic): an
// obligation whose trigger is unknown is treated as applicable ("assumed")
// until the profile answers the question. A check over an unanswered field is
// unknown. Control status: gap if any check fails, else unknown if any check
// is unknown, else met. Obligation status: the worst of its applicable
// controls (gap > unknown > met). Pure functions; thread-safe.
#ifndef HEGUI_ASSESS_EVALUATION_H_
#define HEGUI_ASSESS_EVALUATION_H_

#include <string>
#include <string_view>
#include <vector>

#include "assess/facts.h"
#include "assess/profile.h"
#include "core/status.h"
#include "law/obligation.h"
#include "law/obligation_catalogue.h"

namespace hegui::assess {

enum class ControlStatus { kMet, kGap, kUnknown };
std::string_view ControlStatusName(ControlStatus s);  // "met", "gap", "unknown"

struct CheckResult {
  std::string check;     // the check as written in the catalogue
  std::string observed;  // what the profile says, e.g. "90" or "unanswered"
  ControlStatus status = ControlStatus::kUnknown;
};

struct ControlResult {
  const law::Control* control = nullptr;  // borrowed from the catalogue
  std::vector<CheckResult> checks;
  ControlStatus status = ControlStatus::kUnknown;
};

struct ObligationResult {
  const law::Obligation* obligation = nullptr;  // borrowed from the catalogue
  Truth applies = Truth::kFalse;                // kUnknown: applies by assumption
  std::vector<std::string> why;                 // one reason per fact in the trigger
  std::vector<ControlResult> controls;          // applicable controls only
  ControlStatus status = ControlStatus::kMet;
};

// Evaluates a trigger; appends the reasons of the deciding facts to `why`.
Truth EvaluateCondition(const law::FactCondition& condition, const FactSet& facts,
                        std::vector<std::string>* why);

// Evaluates one check against the profile and derived counts.
CheckResult EvaluateCheck(const law::EvidenceCheck& check, const Profile& profile,
                          const FactSet& facts);

// All obligations of the catalogue, in catalogue order (applicable or not).
// The results borrow from `catalogue`, which must outlive them.
std::vector<ObligationResult> EvaluateObligations(const law::ObligationCatalogue& catalogue,
                                                  const Profile& profile, const FactSet& facts);

// Checks that every fact name and evidence path in the catalogue is in the
// vocabulary of facts.h and profile_schema.h, and that each check's operator
// and value fit the field's type. InvalidArgument names the obligation.
Status ValidateCatalogueVocabulary(const law::ObligationCatalogue& catalogue);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_EVALUATION_H_
