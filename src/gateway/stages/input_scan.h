// input_scan: scans every prompt text (chat message contents and text parts,
// completion prompts, embedding inputs) before anything is forwarded, and
// applies the ScanPolicy: personal information masked by default (the
// upstream then never sees it), prohibited content blocked (400
// content_policy_violation naming the category and article) or queued for
// review. Sets call.carries_personal_information / carries_important_data for
// route (Art. 39) from what is still in the request after masking.
// Scanner errors refuse the call (503 scanner_unavailable): fail closed.
// Reads and masks call.prompts (request_parser.h), never a JSON tree.
#ifndef HEGUI_GATEWAY_STAGES_INPUT_SCAN_H_
#define HEGUI_GATEWAY_STAGES_INPUT_SCAN_H_

#include "gateway/stage_registry.h"
#include "gateway/stages/scan_policy.h"

namespace hegui::gateway {

struct InputScanConfig : StageConfig {
  ScanPolicy policy;
};

StatusOr<std::shared_ptr<const StageConfig>> ParseInputScanConfig(ConfigFields& fields);
StatusOr<std::unique_ptr<StageFactory>> MakeInputScanFactory(
    std::shared_ptr<const StageConfig> config, const StageServices& services);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGES_INPUT_SCAN_H_
