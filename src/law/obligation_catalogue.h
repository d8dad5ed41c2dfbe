// ObligationCatalogue: the immutable set of CSL obligations loaded from
// data/obligations/csl.yaml (format: docs/obligations.md).
//
// Loading validates the file completely (ids unique and well formed, id agrees
// with article/paragraph/item, article in 1..81, known addressee and area,
// parseable evidence checks, at least one control and check each) and either
// returns a catalogue or an InvalidArgument status naming file:line:column and
// the field. Fact names and evidence paths are checked by assess/ (the law
// module does not know the profile vocabulary).
//
// A loaded catalogue is read-only: safe to share between threads. Pointers
// returned by Find() live as long as the catalogue.
//
// Example:
//   HEGUI_ASSIGN_OR_RETURN(auto catalogue, ObligationCatalogue::LoadDefault());
//   const Obligation* o = catalogue.Find(ObligationId("CSL-23-3"));
#ifndef HEGUI_LAW_OBLIGATION_CATALOGUE_H_
#define HEGUI_LAW_OBLIGATION_CATALOGUE_H_

#include <string>
#include <vector>

#include "core/status_or.h"
#include "law/obligation.h"

namespace hegui::law {

class ObligationCatalogue {
 public:
  // Parses YAML text; `source_name` is used in error messages.
  static StatusOr<ObligationCatalogue> LoadFromString(const std::string& yaml,
                                                      const std::string& source_name);
  static StatusOr<ObligationCatalogue> LoadFile(const std::string& path);
  // DataDir()/obligations/csl.yaml.
  static StatusOr<ObligationCatalogue> LoadDefault();

  // In id order (ObligationId ordering).
  const std::vector<Obligation>& obligations() const { return obligations_; }
  // nullptr when absent.
  const Obligation* Find(const ObligationId& id) const;

 private:
  std::vector<Obligation> obligations_;
};

}  // namespace hegui::law

#endif  // HEGUI_LAW_OBLIGATION_CATALOGUE_H_
