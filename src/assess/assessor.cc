#include "assess/assessor.h"

#include <algorithm>
#include <filesystem>

#include "assess/penalty_terms.h"
#include "assess/profile_parser.h"
#include "core/data_dir.h"
#include "law/article_catalogue.h"
#include "law/penalty_catalogue.h"

namespace hegui::assess {

Assessor::Assessor(law::ObligationCatalogue catalogue, std::vector<PenaltyTerms> penalties,
                   std::function<std::optional<std::string>(int)> article_text)
    : catalogue_(std::make_shared<const law::ObligationCatalogue>(std::move(catalogue))),
      penalties_(std::make_shared<const std::vector<PenaltyTerms>>(std::move(penalties))),
      article_text_(std::move(article_text)) {}

StatusOr<Assessor> Assessor::LoadDefault() {
  HEGUI_ASSIGN_OR_RETURN(law::ObligationCatalogue catalogue,
                         law::ObligationCatalogue::LoadDefault());
  HEGUI_RETURN_IF_ERROR(ValidateCatalogueVocabulary(catalogue));
  HEGUI_ASSIGN_OR_RETURN(law::ArticleCatalogue articles, law::ArticleCatalogue::Load(DataDir()));
  auto shared = std::make_shared<const law::ArticleCatalogue>(std::move(articles));
  auto article_text = [shared](int number) -> std::optional<std::string> {
    StatusOr<std::string> zh = shared->ChineseText(law::ProvisionRef{law::ArticleId(number), 0, 0});
    if (!zh.ok()) return std::nullopt;
    return shared->Find(law::ArticleId(number))->heading_zh + "\n" + *zh;
  };
  HEGUI_ASSIGN_OR_RETURN(law::PenaltyCatalogue penalties, law::PenaltyCatalogue::Load(DataDir()));
  return Assessor(std::move(catalogue), PenaltyTermsFrom(penalties), std::move(article_text));
}

Assessment Assessor::Assess(const Profile& profile) const {
  return assess::Assess(profile, *catalogue_, *penalties_);
}

StatusOr<std::vector<Profile>> Assessor::LoadDirectory(const std::string& dir) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> paths;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    if (!it->is_regular_file(ec)) continue;
    if (p.extension() == ".yaml" || p.extension() == ".yml") paths.push_back(p.string());
  }
  if (ec) return InvalidArgumentError(dir + ": cannot list directory: " + ec.message());
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) return InvalidArgumentError(dir + ": no *.yaml or *.yml profiles in it");
  std::vector<Profile> profiles;
  for (const std::string& p : paths) {
    HEGUI_ASSIGN_OR_RETURN(Profile profile, LoadProfileFile(p));
    profiles.push_back(std::move(profile));
  }
  return profiles;
}

RenderOptions Assessor::Options(std::string generated_at) const {
  return RenderOptions{std::move(generated_at), article_text_};
}

}  // namespace hegui::assess
