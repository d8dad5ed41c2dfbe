// Runtime: everything one configuration generation serves with — the
// validated config, the pipeline built from it and the upstream clients.
//
// Immutable once built and shared by all threads through a shared_ptr; a call
// keeps the generation it started with, so a reload (SIGHUP) never changes a
// call midway and never drops a connection. Upstream clients whose name and
// URL did not change are carried over so their pooled connections survive.
#ifndef HEGUI_GATEWAY_RUNTIME_H_
#define HEGUI_GATEWAY_RUNTIME_H_

#include <map>
#include <memory>
#include <string>

#include "gateway/config.h"
#include "gateway/pipeline.h"
#include "gateway/upstream_client.h"

namespace hegui::gateway {

struct Runtime {
  std::shared_ptr<const GatewayConfig> config;
  std::unique_ptr<Pipeline> pipeline;
  std::map<std::string, std::shared_ptr<UpstreamClient>> clients;  // By upstream name.
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_RUNTIME_H_
