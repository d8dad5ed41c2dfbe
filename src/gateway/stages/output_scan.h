// output_scan: scans the model's answer before any of it reaches the client.
//
// Whole answers (OnResponse): every choice's text is scanned — message
// content (or completion text), refusal, and the arguments of tool calls and
// of a legacy function call, which a client acts on; a prohibited
// finding withholds the answer (400 content_policy_violation), PI is masked
// by default, review queues the item (held: 403 held_for_review; or
// delivered with a "hegui": {"review_id", "flagged"} field).
//
// Streams (OnChunk/OnPause/OnStreamEnd): deltas go through the scanner's
// stream scan, which releases only bytes it has scanned and that cannot be the
// start of a match still open (a bounded hold-back window), so a term split
// across two deltas is caught and no byte reaches the client unscanned. The
// scan may gather deltas into batches; at each pause of the upstream
// (OnPause) it releases what it can at once, so slow answers are not held. On a violation
// the stream is cut: the held bytes are never released and the manager sends a
// final event with the reason. PI is masked in the released bytes; if a PI
// match began in bytes already released (impossible with a correct window)
// the stream is cut rather than leak. Scanner errors cut too (fail closed).
#ifndef HEGUI_GATEWAY_STAGES_OUTPUT_SCAN_H_
#define HEGUI_GATEWAY_STAGES_OUTPUT_SCAN_H_

#include "gateway/stage_registry.h"
#include "gateway/stages/scan_policy.h"

namespace hegui::gateway {

struct OutputScanConfig : StageConfig {
  ScanPolicy policy;
};

StatusOr<std::shared_ptr<const StageConfig>> ParseOutputScanConfig(ConfigFields& fields);
StatusOr<std::unique_ptr<StageFactory>> MakeOutputScanFactory(
    std::shared_ptr<const StageConfig> config, const StageServices& services);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGES_OUTPUT_SCAN_H_
