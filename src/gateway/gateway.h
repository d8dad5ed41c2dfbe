// Gateway: `hegui serve` as a library — the HTTP server, the OpenAI-compatible
// endpoints through the stage pipeline, /metrics, /healthz, /readyz and the
// admin API, over one configuration generation at a time.
//
// Start() validates that the pipeline can be built with `services`, starts
// the mock upstream in-process when the configuration has no upstream (and
// routes every model to it), then listens. Reload() builds a complete new
// generation first and swaps it in atomically only if that worked: calls in
// flight finish on the generation they started with, connections stay open.
// Listen address, threads and limits are fixed at start (a reload that
// changes them is refused with a message saying to restart).
//
// Thread-safe. `services` must outlive the Gateway. Stop() (or the
// destructor) drains in-flight requests for up to two seconds.
//
// Example:
//   auto config = LoadGatewayConfig("gateway.yaml");
//   auto gateway = Gateway::Start(*config, &services);
//   ... (*gateway)->port() ...
#ifndef HEGUI_GATEWAY_GATEWAY_H_
#define HEGUI_GATEWAY_GATEWAY_H_

#include <cstdint>
#include <memory>
#include <string>

#include "core/status_or.h"
#include "gateway/config.h"

namespace hegui::gateway {

class GatewayServices;
struct Metrics;
class AdminApi;

class Gateway {
 public:
  // `admin` may be null (no admin API); it must outlive the gateway.
  static StatusOr<std::unique_ptr<Gateway>> Start(std::shared_ptr<const GatewayConfig> config,
                                                  GatewayServices* services,
                                                  AdminApi* admin = nullptr);
  ~Gateway();
  Gateway(const Gateway&) = delete;
  Gateway& operator=(const Gateway&) = delete;

  uint16_t port() const;
  // The in-process mock upstream's URL, or "" when real upstreams are set.
  std::string mock_upstream_url() const;
  Status Reload(std::shared_ptr<const GatewayConfig> config);
  void Stop();
  Metrics& metrics();

 private:
  struct Impl;
  explicit Gateway(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_GATEWAY_H_
