// The intake checklist (practical advice 01): the questions every AI project
// must answer before review, each tied to the profile fields that answer it.
// A question is unanswered while any of its fields is. Pure; thread-safe.
#ifndef HEGUI_ASSESS_INTAKE_H_
#define HEGUI_ASSESS_INTAKE_H_

#include <string>
#include <vector>

#include "assess/facts.h"
#include "assess/profile.h"

namespace hegui::assess {

struct IntakeQuestion {
  std::string id;                    // "deployment", "security_owner", ...
  std::string question;              // "Where is the system deployed?"
  std::vector<std::string> fields;   // profile paths that answer it
  std::vector<std::string> missing;  // the unanswered ones (empty: answered)
  std::string answer;                // the answer as given, when answered
  bool answered() const { return missing.empty(); }
};

// The five core questions always; the data-map, sector and scale questions
// too. In a fixed order.
std::vector<IntakeQuestion> IntakeQuestions(const Profile& profile, const FactSet& facts);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_INTAKE_H_
