#include "assess/obligation_check.h"

#include "assess/evaluation.h"
#include "law/law_check.h"

namespace hegui::assess {

void CheckObligations(const law::ArticleCatalogue& articles, const law::PenaltyCatalogue& penalties,
                      const law::ObligationCatalogue& obligations, law::CheckReport* report) {
  std::vector<std::string> ids;
  for (const law::Obligation& o : obligations.obligations()) {
    ids.push_back(o.id.str());
    const std::string where = o.id.str();
    report->Count("obligations");
    if (!articles.HasProvision(o.provision())) {
      report->Add("obligations", where,
                  "cites " + o.Citation() + ", which the official text does not have");
    }
    StatusOr<law::ProvisionRef> by_rule = law::ObligationProvision(o.id.str());
    if (!by_rule.ok()) {
      report->Add("obligations", where, by_rule.status().message());
    } else if (!(*by_rule == o.provision())) {
      report->Add("obligations", where,
                  "id names " + by_rule->ToString() + " but the entry cites " + o.Citation());
    }
  }
  report->Count("obligations");
  Status vocabulary = ValidateCatalogueVocabulary(obligations);
  if (!vocabulary.ok())
    report->Add("obligations", "data/obligations/csl.yaml", vocabulary.message());
  law::ValidateObligationLinks(penalties, ids, report);
}

}  // namespace hegui::assess
