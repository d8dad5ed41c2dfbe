// Data-map findings (practical advice 05): per data item, what the map shows
// is wrong or unanswered — personal information not necessary for the
// service, personal information without consent, personal information or
// important data stored overseas or leaving China without an outbound
// assessment, and personal information with no deletion or correction path.
// Each finding names the obligation it bears on. Pure; thread-safe.
#ifndef HEGUI_ASSESS_DATA_MAP_H_
#define HEGUI_ASSESS_DATA_MAP_H_

#include <string>
#include <vector>

#include "assess/facts.h"
#include "assess/profile.h"

namespace hegui::assess {

struct DataFinding {
  std::string item;        // data item name
  std::string kind;        // unnecessary_personal_info, no_consent, overseas_without_assessment,
                           // no_deletion_path, no_correction_path, unanswered
  std::string detail;      // one sentence for the report
  std::string obligation;  // "CSL-43", ...
};

// In data-map order, then finding order.
std::vector<DataFinding> DataMapFindings(const Profile& profile, const FactSet& facts);

}  // namespace hegui::assess

#endif  // HEGUI_ASSESS_DATA_MAP_H_
