// audit: the evidence log (CSL Art. 23(3), 49). Before forwarding it checks
// that the log can take records and refuses with 503 audit_log_unavailable if
// not; when the outcome is known it appends the call's model_call record
// (and an interface_failure record for upstream failures) durably, before the
// last byte reaches the client. If that append fails the client gets an error
// instead of the answer (a stream ends with an error event instead of
// [DONE]): no evidence, no service. Blocked and withheld content goes into
// the record sealed under the data subject's key (audit/).
#ifndef HEGUI_GATEWAY_STAGES_AUDIT_H_
#define HEGUI_GATEWAY_STAGES_AUDIT_H_

#include "gateway/stage_registry.h"

namespace hegui::gateway {

struct AuditConfig : StageConfig {};

StatusOr<std::shared_ptr<const StageConfig>> ParseAuditConfig(ConfigFields& fields);
StatusOr<std::unique_ptr<StageFactory>> MakeAuditFactory(std::shared_ptr<const StageConfig> config,
                                                         const StageServices& services);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGES_AUDIT_H_
