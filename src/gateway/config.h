// GatewayConfig: the whole configuration of `hegui serve`, validated once
// from one YAML file (docs/config.md) into an immutable object.
//
// LoadGatewayConfig() either returns a complete, consistent configuration or
// an error naming the file, line, column and field; a bad file can never
// produce a running gateway. Every stage's own section is validated here too
// (by the stage's parser), so a reload that would fail is refused before
// anything changes. The object is shared read-only by all threads; a reload
// (SIGHUP) builds a new one and swaps it in whole.
#ifndef HEGUI_GATEWAY_CONFIG_H_
#define HEGUI_GATEWAY_CONFIG_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status_or.h"
#include "gateway/http_server.h"
#include "gateway/mock_upstream.h"
#include "gateway/upstream_client.h"

namespace hegui::gateway {

// A stage's validated configuration; each stage defines its own subclass.
struct StageConfig {
  virtual ~StageConfig() = default;
};

struct StageSpec {
  std::string name;                           // authenticate, identity, ...
  std::shared_ptr<const StageConfig> config;  // Never null.
};

struct UpstreamConfig {
  std::string name;
  std::string url;
  UpstreamUrl parsed_url;
  std::string region;  // "cn" or any other region code (overseas).
  bool overseas = false;
  std::vector<std::string> models;
  std::string api_key;  // Resolved from api_key_env at load; sent as a Bearer token.
  UpstreamOptions options;

  bool Serves(std::string_view model) const;
};

// Facts about the deployment that decide which CSL duties bind (docs/config.md).
struct DeploymentConfig {
  // Critical information infrastructure operator (Art. 39 localisation).
  bool critical_information_infrastructure = false;
  // Policy requires PI and important data to stay in China even when not CII.
  bool localisation_required = true;
  // Information publication / instant messaging / public-facing service
  // (Art. 26: real identity before service).
  bool real_identity_required = true;
};

struct GatewayConfig {
  std::string source;  // Where it was loaded from ("(defaults)" for none).

  std::string listen_address = "127.0.0.1";
  uint16_t listen_port = 8080;
  int threads = 2;
  ServerLimits limits;
  size_t max_upstream_response_bytes = 16 << 20;

  DeploymentConfig deployment;

  std::string data_dir = "hegui-data";
  std::string store_backend = "sqlite";  // sqlite | postgres
  std::string store_path;                // SQLite file; default <data_dir>/hegui.db
  std::string store_postgres;            // libpq connection string
  std::string audit_dir;                 // default <data_dir>/audit
  // audit.durability: when a call's record counts as kept, so that its answer
  // may go out. "sync": after fdatasync (audit::Durability::kSync);
  // "written": once written to the operating system (kRelaxed).
  std::string audit_durability = "sync";
  std::string admin_token;    // Resolved from admin.token_env; empty: admin API off.
  std::string demo_key_file;  // default <data_dir>/demo-api-key
  std::string lexicon_path;   // scan.lexicon; empty: the shipped default lexicon

  std::vector<UpstreamConfig> upstreams;
  // With no upstream configured, start the mock upstream in-process and route
  // every model to it (region cn). Off: no upstream is a configuration error.
  bool mock_when_no_upstream = true;
  MockUpstreamOptions mock;

  std::vector<StageSpec> pipeline;

  // True if `name` is in the pipeline.
  bool HasStage(std::string_view name) const;
};

// Reads and validates `path`.
StatusOr<std::shared_ptr<const GatewayConfig>> LoadGatewayConfig(const std::string& path);
// Validates YAML text; `source` names it in errors. Empty text gives the defaults.
StatusOr<std::shared_ptr<const GatewayConfig>> ParseGatewayConfig(std::string_view yaml,
                                                                  const std::string& source);

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_CONFIG_H_
