// ScanStageFactory: the StageFactory of a scanning stage (input_scan,
// output_scan). It keeps the stage's parsed configuration alive and gives each
// new stage a pointer to it and to the gateway's services.
//
// Invariant: `config` is a ConfigT (the stage's own parser made it), so the
// downcast in Create() is safe. The services must outlive the factory.
#ifndef HEGUI_GATEWAY_STAGES_SCAN_STAGE_FACTORY_H_
#define HEGUI_GATEWAY_STAGES_SCAN_STAGE_FACTORY_H_

#include <memory>
#include <string_view>
#include <utility>

#include "gateway/stage.h"

namespace hegui::gateway {

class GatewayServices;

template <typename StageT, typename ConfigT>
class ScanStageFactory : public StageFactory {
 public:
  ScanStageFactory(std::string_view name, std::shared_ptr<const StageConfig> config,
                   GatewayServices* services)
      : name_(name), config_(std::move(config)), services_(services) {}
  std::string_view name() const override { return name_; }
  Stage* Create(StageArena& arena) const override {
    return arena.New<StageT>(static_cast<const ConfigT*>(config_.get()), services_);
  }

 private:
  std::string_view name_;
  std::shared_ptr<const StageConfig> config_;
  GatewayServices* services_;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGES_SCAN_STAGE_FACTORY_H_
