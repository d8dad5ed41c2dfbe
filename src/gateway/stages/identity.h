// identity: CSL Art. 26 real identity. Where the deployment is an information
// publication, instant messaging or other public-facing service
// (deployment.real_identity_required, or this stage's `required`), a caller
// whose identity is not verified in the store gets no service: 403
// identity_not_verified. Runs after authenticate.
#ifndef HEGUI_GATEWAY_STAGES_IDENTITY_H_
#define HEGUI_GATEWAY_STAGES_IDENTITY_H_

#include <optional>

#include "gateway/stage_registry.h"

namespace hegui::gateway {

struct IdentityConfig : StageConfig {
  // Overrides deployment.real_identity_required when set.
  std::optional<bool> required;
};

StatusOr<std::shared_ptr<const StageConfig>> ParseIdentityConfig(ConfigFields& fields);
StatusOr<std::unique_ptr<StageFactory>> MakeIdentityFactory(
    std::shared_ptr<const StageConfig> config, const StageServices& services);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGES_IDENTITY_H_
