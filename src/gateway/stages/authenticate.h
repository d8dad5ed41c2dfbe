// authenticate: the first stage. Reads the API key from
// "Authorization: Bearer <key>" and asks the store whose it is (keys are
// stored hashed; see store/). Refuses with 401 invalid_api_key when the key
// is missing, unknown or revoked, and with 503 store_unavailable when the
// store cannot answer (fail closed). Sets call.principal.
#ifndef HEGUI_GATEWAY_STAGES_AUTHENTICATE_H_
#define HEGUI_GATEWAY_STAGES_AUTHENTICATE_H_

#include "gateway/stage_registry.h"

namespace hegui::gateway {

struct AuthenticateConfig : StageConfig {};

StatusOr<std::shared_ptr<const StageConfig>> ParseAuthenticateConfig(ConfigFields& fields);
StatusOr<std::unique_ptr<StageFactory>> MakeAuthenticateFactory(
    std::shared_ptr<const StageConfig> config, const StageServices& services);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGES_AUTHENTICATE_H_
