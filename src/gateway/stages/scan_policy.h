// ScanPolicy: what input_scan and output_scan do with each finding — the
// scanner finds, the policy decides (DESIGN.md, scan/).
//
// Actions: allow (record only), mask (replace the bytes with "[type]"),
// block (refuse / cut), review (queue for a human; `review_mode` says whether
// the item is held or delivered flagged). Precedence for a finding: its
// category's entry in `categories`; else `pi` for personal information;
// else allow for the important-data categories (they are not forbidden, but
// route must keep them in China); else `prohibited`. Immutable after parsing.
#ifndef HEGUI_GATEWAY_STAGES_SCAN_POLICY_H_
#define HEGUI_GATEWAY_STAGES_SCAN_POLICY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gateway/config_fields.h"
#include "gateway/services.h"

namespace hegui::gateway {

enum class ScanAction { kAllow, kMask, kBlock, kReview };
std::string_view ScanActionName(ScanAction action);
// allow < mask < review < block: the call takes its worst finding's action.
int Severity(ScanAction action);

struct ScanPolicy {
  ScanAction pi = ScanAction::kMask;
  ScanAction prohibited = ScanAction::kBlock;
  std::map<std::string, ScanAction> categories;
  bool review_holds = true;  // review_mode: hold (true) | deliver_flagged (false)
  std::vector<std::string> important_data_categories = {"important_data"};

  ScanAction ActionFor(const ScanHit& hit) const;
  bool IsImportantData(const ScanHit& hit) const;
};

// Reads pi, prohibited, categories, review_mode, important_data_categories.
ScanPolicy ParseScanPolicy(ConfigFields& fields, ScanAction default_pi);

// `text` with the bytes of each hit replaced by "[<type>]". Hits must lie in
// `text` (offsets relative to it); overlapping hits are merged.
std::string MaskHits(std::string_view text, std::vector<ScanHit> hits);

// Records `hits` in call.findings (where = "input"/"output", offsets shifted
// by `base`), each with the action the policy takes.
void RecordFindings(Call& call, const ScanPolicy& policy, std::string_view where,
                    const std::vector<ScanHit>& hits, size_t base = 0);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGES_SCAN_POLICY_H_
