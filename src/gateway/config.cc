#include "gateway/config.h"

#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <set>

#include "core/file.h"
#include "gateway/config_fields.h"
#include "gateway/stage_registry.h"

namespace hegui::gateway {

bool UpstreamConfig::Serves(std::string_view model) const {
  for (const auto& m : models) {
    if (m == model || m == "*") return true;
  }
  return false;
}

bool GatewayConfig::HasStage(std::string_view name) const {
  for (const auto& s : pipeline) {
    if (s.name == name) return true;
  }
  return false;
}

namespace {

std::chrono::milliseconds Ms(ConfigFields& f, const std::string& key,
                             std::chrono::milliseconds fallback) {
  return std::chrono::milliseconds(f.Int(key, fallback.count(), 1, 24LL * 3600 * 1000));
}

void ParseListen(ConfigFields& root, GatewayConfig* c) {
  std::string listen =
      root.String("listen", c->listen_address + ":" + std::to_string(c->listen_port));
  size_t colon = listen.rfind(':');
  std::string port = colon == std::string::npos ? "" : listen.substr(colon + 1);
  if (colon == std::string::npos || port.empty() ||
      port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 ||
      std::stoul(port) > 65535) {
    root.Fail(root.ErrorAt(root.Child("listen"), "listen",
                           "expected ADDRESS:PORT such as 127.0.0.1:8080"));
    return;
  }
  c->listen_address = listen.substr(0, colon);
  if (c->listen_address.size() > 2 && c->listen_address.front() == '[') {
    c->listen_address = c->listen_address.substr(1, c->listen_address.size() - 2);
  }
  c->listen_port = static_cast<uint16_t>(std::stoul(port));
}

void ParseLimits(ConfigFields& root, GatewayConfig* c) {
  ConfigFields f(root.Child("limits"), "limits", root.source());
  c->limits.max_body_bytes = f.Int("max_body_bytes", c->limits.max_body_bytes, 1024, 1LL << 30);
  c->limits.max_header_bytes =
      f.Int("max_header_bytes", c->limits.max_header_bytes, 1024, 1LL << 20);
  c->limits.max_header_count = f.Int("max_header_count", c->limits.max_header_count, 4, 10000);
  c->limits.read_timeout = Ms(f, "read_timeout_ms", c->limits.read_timeout);
  c->limits.idle_timeout = Ms(f, "idle_timeout_ms", c->limits.idle_timeout);
  c->limits.write_timeout = Ms(f, "write_timeout_ms", c->limits.write_timeout);
  c->max_upstream_response_bytes =
      f.Int("max_upstream_response_bytes", c->max_upstream_response_bytes, 1024, 1LL << 30);
  root.Fail(f.Finish());
}

void ParseDeployment(ConfigFields& root, GatewayConfig* c) {
  ConfigFields f(root.Child("deployment"), "deployment", root.source());
  c->deployment.critical_information_infrastructure = f.Bool(
      "critical_information_infrastructure", c->deployment.critical_information_infrastructure);
  c->deployment.localisation_required =
      f.Bool("localisation_required", c->deployment.localisation_required);
  c->deployment.real_identity_required =
      f.Bool("real_identity_required", c->deployment.real_identity_required);
  root.Fail(f.Finish());
}

void ParseStorage(ConfigFields& root, GatewayConfig* c) {
  c->data_dir = root.String("data_dir", c->data_dir);
  {
    ConfigFields f(root.Child("store"), "store", root.source());
    c->store_backend = f.Enum("backend", c->store_backend, {"sqlite", "postgres"});
    c->store_path = f.String("path", c->data_dir + "/hegui.db");
    c->store_postgres = f.String("postgres", "");
    if (c->store_backend == "postgres" && c->store_postgres.empty() && f.ok()) {
      f.Fail(f.ErrorAt(root.Child("store"), "store.postgres",
                       "required when store.backend is postgres (a libpq connection string)"));
    }
    root.Fail(f.Finish());
  }
  {
    ConfigFields f(root.Child("audit"), "audit", root.source());
    c->audit_dir = f.String("dir", c->data_dir + "/audit");
    c->audit_durability = f.Enum("durability", c->audit_durability, {"sync", "written"});
    root.Fail(f.Finish());
  }
  {
    ConfigFields f(root.Child("scan"), "scan", root.source());
    c->lexicon_path = f.String("lexicon", "");
    root.Fail(f.Finish());
  }
  {
    ConfigFields f(root.Child("admin"), "admin", root.source());
    std::string env = f.String("token_env", "HEGUI_ADMIN_TOKEN");
    const char* token = std::getenv(env.c_str());
    c->admin_token = token ? token : "";
    c->demo_key_file = f.String("demo_key_file", c->data_dir + "/demo-api-key");
    root.Fail(f.Finish());
  }
}

void ParseUpstreams(ConfigFields& root, GatewayConfig* c) {
  const YAML::Node& list = root.Child("upstreams");
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    root.Fail(root.ErrorAt(list, "upstreams", "expected a list of upstreams"));
    return;
  }
  std::set<std::string> names;
  for (size_t i = 0; i < list.size() && root.ok(); ++i) {
    std::string path = "upstreams[" + std::to_string(i) + "]";
    ConfigFields f(list[i], path, root.source());
    UpstreamConfig u;
    u.name = f.String("name", "");
    u.url = f.String("url", "");
    u.region = f.String("region", "");
    u.models = f.Strings("models");
    std::string key_env = f.String("api_key_env", "");
    u.options.connect_timeout = Ms(f, "connect_timeout_ms", u.options.connect_timeout);
    u.options.response_timeout = Ms(f, "response_timeout_ms", u.options.response_timeout);
    u.options.read_timeout = Ms(f, "read_timeout_ms", u.options.read_timeout);
    u.options.max_idle_connections =
        f.Int("max_idle_connections", u.options.max_idle_connections, 0, 100000);
    u.options.connect_retries = static_cast<int>(f.Int("connect_retries", 1, 0, 10));
    u.options.tls_verify = f.Bool("tls_verify", true);
    u.options.ca_file = f.String("ca_file", "");
    if (f.ok() && u.name.empty()) f.Fail(f.ErrorAt(list[i], path + ".name", "required"));
    if (f.ok() && !names.insert(u.name).second) {
      f.Fail(
          f.ErrorAt(list[i]["name"], path + ".name", "duplicate upstream name '" + u.name + "'"));
    }
    if (f.ok()) {
      auto parsed = ParseUpstreamUrl(u.url);
      if (!parsed.ok()) {
        f.Fail(f.ErrorAt(list[i]["url"], path + ".url", parsed.status().message()));
      } else {
        u.parsed_url = *parsed;
      }
    }
    if (f.ok() && u.region.empty()) {
      f.Fail(f.ErrorAt(list[i], path + ".region",
                       "required: 'cn' for mainland China, or the region code of an overseas "
                       "location such as 'us' (Art. 39 routing depends on it)"));
    }
    if (f.ok() && u.models.empty()) {
      f.Fail(f.ErrorAt(list[i], path + ".models", "required: the models this upstream serves"));
    }
    if (f.ok() && !key_env.empty()) {
      const char* key = std::getenv(key_env.c_str());
      if (!key || !*key) {
        f.Fail(f.ErrorAt(list[i]["api_key_env"], path + ".api_key_env",
                         "environment variable '" + key_env + "' is not set"));
      } else {
        u.api_key = key;
      }
    }
    u.overseas = u.region != "cn";
    root.Fail(f.Finish());
    c->upstreams.push_back(std::move(u));
  }
}

void ParseMock(ConfigFields& root, GatewayConfig* c) {
  ConfigFields f(root.Child("mock_upstream"), "mock_upstream", root.source());
  c->mock_when_no_upstream = f.Bool("enabled", true);
  std::vector<std::string> models = f.Strings("models");
  if (!models.empty()) c->mock.models = models;
  c->mock.chunk_chars = f.Int("chunk_chars", c->mock.chunk_chars, 1, 1 << 20);
  c->mock.chunk_delay = Ms(f, "chunk_delay_ms", std::chrono::milliseconds(1));
  if (!f.Has("chunk_delay_ms")) c->mock.chunk_delay = std::chrono::milliseconds(0);
  root.Fail(f.Finish());
  if (root.ok() && c->upstreams.empty()) {
    if (!c->mock_when_no_upstream) {
      root.Fail(root.ErrorAt(root.Child("upstreams"), "upstreams",
                             "no upstream configured and mock_upstream.enabled is false"));
    }
  }
}

void ParsePipeline(ConfigFields& root, GatewayConfig* c) {
  const YAML::Node& list = root.Child("pipeline");
  std::vector<std::pair<std::string, YAML::Node>> entries;
  if (!list.IsDefined() || list.IsNull()) {
    for (const auto& name : CanonicalStageOrder()) entries.emplace_back(name, YAML::Node());
  } else if (!list.IsSequence()) {
    root.Fail(root.ErrorAt(list, "pipeline", "expected a list of stages"));
    return;
  } else {
    for (size_t i = 0; i < list.size(); ++i) {
      const YAML::Node& item = list[i];
      std::string path = "pipeline[" + std::to_string(i) + "]";
      if (item.IsScalar()) {
        entries.emplace_back(item.as<std::string>(), YAML::Node());
      } else if (item.IsMap() && item.size() == 1) {
        entries.emplace_back(item.begin()->first.as<std::string>(), item.begin()->second);
      } else {
        root.Fail(root.ErrorAt(item, path,
                               "expected a stage name, or a mapping of one stage name to its "
                               "settings"));
        return;
      }
    }
  }
  const auto& order = CanonicalStageOrder();
  size_t last_rank = 0;
  bool first = true;
  for (size_t i = 0; i < entries.size() && root.ok(); ++i) {
    const auto& [name, node] = entries[i];
    std::string path = "pipeline[" + std::to_string(i) + "]";
    size_t rank = 0;
    while (rank < order.size() && order[rank] != name) ++rank;
    const YAML::Node& at = list.IsSequence() ? list[i] : list;
    if (rank == order.size()) {
      std::string known;
      for (const auto& n : order) known += (known.empty() ? "" : ", ") + n;
      root.Fail(root.ErrorAt(at, path, "unknown stage '" + name + "'; stages are: " + known));
      return;
    }
    if (!first && rank <= last_rank) {
      root.Fail(root.ErrorAt(at, path,
                             "stage '" + name +
                                 "' is duplicated or out of order; the order is "
                                 "authenticate, identity, rate_limit, input_scan, route, "
                                 "output_scan, audit, metrics"));
      return;
    }
    first = false;
    last_rank = rank;
    ConfigFields f(node, path + "." + name, root.source());
    auto stage_config = ParseStageConfig(name, f);
    if (!stage_config.ok()) {
      root.Fail(stage_config.status());
      return;
    }
    c->pipeline.push_back(StageSpec{name, std::move(stage_config).value()});
  }
  if (!root.ok()) return;
  for (const char* required : {"route", "audit"}) {
    if (!c->HasStage(required)) {
      root.Fail(root.ErrorAt(list, "pipeline",
                             std::string("stage '") + required +
                                 "' is required (route picks the upstream; audit keeps the "
                                 "evidence log without which the gateway refuses service)"));
      return;
    }
  }
  for (const char* needs_key : {"identity", "rate_limit"}) {
    if (c->HasStage(needs_key) && !c->HasStage("authenticate")) {
      root.Fail(
          root.ErrorAt(list, "pipeline",
                       std::string("stage '") + needs_key + "' needs 'authenticate' before it"));
      return;
    }
  }
}

}  // namespace

StatusOr<std::shared_ptr<const GatewayConfig>> ParseGatewayConfig(std::string_view yaml,
                                                                  const std::string& source) {
  YAML::Node doc;
  try {
    doc = YAML::Load(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    return InvalidArgumentError(source + ":" + std::to_string(e.mark.line + 1) + ":" +
                                std::to_string(e.mark.column + 1) + ": invalid YAML: " + e.msg);
  } catch (const YAML::Exception& e) {
    return InvalidArgumentError(source + ": invalid YAML: " + e.what());
  }
  auto config = std::make_shared<GatewayConfig>();
  config->source = source;
  ConfigFields root(doc, "", source);
  try {
    ParseListen(root, config.get());
    config->threads = static_cast<int>(root.Int("threads", config->threads, 1, 256));
    ParseLimits(root, config.get());
    ParseDeployment(root, config.get());
    ParseStorage(root, config.get());
    ParseUpstreams(root, config.get());
    ParseMock(root, config.get());
    ParsePipeline(root, config.get());
  } catch (const YAML::Exception& e) {
    root.Fail(InvalidArgumentError(source + ": invalid configuration: " + e.what()));
  }
  HEGUI_RETURN_IF_ERROR(root.Finish());
  return std::shared_ptr<const GatewayConfig>(std::move(config));
}

StatusOr<std::shared_ptr<const GatewayConfig>> LoadGatewayConfig(const std::string& path) {
  HEGUI_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path, 4 << 20));
  return ParseGatewayConfig(text, path);
}

}  // namespace hegui::gateway
