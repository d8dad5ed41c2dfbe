// Assessor: the law data `hegui assess` needs (obligation catalogue, penalty
// terms, article texts), loaded and cross-checked once, plus the entry points
// that assess one profile or a directory of profiles.
//
// Loading fails (InvalidArgument) if the obligation catalogue names a fact or
// profile path outside assess's vocabulary. An Assessor is immutable after
// loading and thread-safe; Assessments it returns borrow from it, so it must
// outlive them.
//
// Example:
//   HEGUI_ASSIGN_OR_RETURN(Assessor assessor, Assessor::LoadDefault());
//   HEGUI_ASSIGN_OR_RETURN(Profile p, LoadProfileFile("copilot.yaml"));
//   Assessment a = assessor.Assess(p);
#ifndef HEGUI_ASSESS_ASSESSOR_H_
#define HEGUI_ASSESS_ASSESSOR_H_

#include <memory>
#include <string>
#include <vector>

#include "assess/assessment.h"
#include "assess/render.h"
#include "core/status_or.h"
#include "law/obligation_catalogue.h"

namespace hegui::assess {

class Assessor {
 public:
  // Law data from DataDir().
  static StatusOr<Assessor> LoadDefault();
  // For tests: explicit parts.
  Assessor(law::ObligationCatalogue catalogue, std::vector<PenaltyTerms> penalties,
           std::function<std::optional<std::string>(int)> article_text);

  Assessment Assess(const Profile& profile) const;

  // The profiles of a directory: every *.yaml / *.yml file directly inside
  // it, in byte order of their names. The first invalid one fails the call.
  StatusOr<std::vector<Profile>> LoadDirectory(const std::string& dir) const;

  // Render options carrying the article texts (and `generated_at`).
  RenderOptions Options(std::string generated_at = "") const;

  const law::ObligationCatalogue& catalogue() const { return *catalogue_; }
  const std::vector<PenaltyTerms>& penalties() const { return *penalties_; }

 private:
  // Held by pointer so Assessments stay valid when the Assessor is moved.
  std::shared_ptr<const law::ObligationCatalogue> catalogue_;
  std::shared_ptr<const std::vector<PenaltyTerms>> penalties_;
  std::function<std::optional<std::string>(int)> article_text_;
};

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_ASSESSOR_H_
