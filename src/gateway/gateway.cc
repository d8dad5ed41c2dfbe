#include "gateway/gateway.h"

#include <openssl/rand.h>

#include <cstring>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "gateway/admin_api.h"
#include "gateway/http_server.h"
#include "gateway/metrics.h"
#include "gateway/mock_upstream.h"
#include "gateway/model_call.h"
#include "gateway/runtime.h"
#include "gateway/services.h"

namespace hegui::gateway {

namespace {

// "req-" and 24 hex digits: 32 random bits per thread, then a keyed bijective
// mix of the thread's request counter (so distinct within a thread, and not
// guessable from another id). OpenSSL's RNG is asked once per thread, not
// per request (each RAND_bytes call also costs a getpid system call).
std::string NewRequestId() {
  struct Generator {
    uint32_t prefix = 0;
    uint64_t key = 0;
    uint64_t counter = 0;
    Generator() {
      unsigned char seed[12];
      if (RAND_bytes(seed, sizeof seed) != 1) {
        std::random_device device;
        for (unsigned char& b : seed) b = static_cast<unsigned char>(device());
      }
      std::memcpy(&prefix, seed, 4);
      std::memcpy(&key, seed + 4, 8);
    }
  };
  thread_local Generator generator;
  // splitmix64's finaliser: a bijection on 64 bits.
  uint64_t z = ++generator.counter + generator.key;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  static const char* kHex = "0123456789abcdef";
  std::string id = "req-";
  id.reserve(28);
  for (int shift = 28; shift >= 0; shift -= 4) id.push_back(kHex[(generator.prefix >> shift) & 15]);
  for (int shift = 60; shift >= 0; shift -= 4) id.push_back(kHex[(z >> shift) & 15]);
  return id;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

struct Gateway::Impl {
  GatewayServices* services = nullptr;
  AdminApi* admin = nullptr;
  Metrics metrics;
  std::unique_ptr<MockUpstream> mock;
  std::mutex mu;
  std::shared_ptr<const Runtime> runtime;  // Guarded by mu.
  std::shared_ptr<const GatewayConfig> original;
  std::unique_ptr<HttpServer> server;

  std::shared_ptr<const Runtime> Current() {
    std::lock_guard lock(mu);
    return runtime;
  }

  // The configuration with the in-process mock upstream added when none is set.
  std::shared_ptr<const GatewayConfig> Effective(std::shared_ptr<const GatewayConfig> config) {
    if (!config->upstreams.empty() || !mock) return config;
    auto copy = std::make_shared<GatewayConfig>(*config);
    UpstreamConfig u;
    u.name = "mock";
    u.url = mock->url();
    u.parsed_url = *ParseUpstreamUrl(u.url);
    u.region = "cn";
    u.overseas = false;
    u.models = config->mock.models;
    copy->upstreams.push_back(std::move(u));
    return copy;
  }

  StatusOr<std::shared_ptr<const Runtime>> Build(std::shared_ptr<const GatewayConfig> config,
                                                 const Runtime* previous) {
    auto runtime = std::make_shared<Runtime>();
    runtime->config = Effective(std::move(config));
    StageServices stage_services{runtime->config.get(), &metrics, services};
    HEGUI_ASSIGN_OR_RETURN(runtime->pipeline, Pipeline::Build(*runtime->config, stage_services));
    for (const UpstreamConfig& u : runtime->config->upstreams) {
      if (previous) {
        auto it = previous->clients.find(u.name);
        if (it != previous->clients.end() && it->second->url().host == u.parsed_url.host &&
            it->second->url().port == u.parsed_url.port &&
            it->second->url().tls == u.parsed_url.tls &&
            it->second->url().base_path == u.parsed_url.base_path &&
            it->second->options() == u.options) {
          runtime->clients[u.name] = it->second;
          continue;
        }
      }
      auto client = UpstreamClient::Create(u.name, u.parsed_url, u.options);
      if (!client.ok()) return client.status();
      runtime->clients[u.name] = *client;
    }
    return std::shared_ptr<const Runtime>(std::move(runtime));
  }

  net::awaitable<void> Send(Responder& out, int status, std::string_view type, std::string body) {
    (void)co_await out.Send(status, type, std::move(body));
  }

  // The model endpoints' POSTs (nearly all traffic) go straight to
  // ServeModelCall's coroutine, without a coroutine frame of Handle's own;
  // every other request to HandleOther.
  net::awaitable<void> Handle(HttpRequest& request, Responder& out) {
    std::optional<Endpoint> endpoint = ModelEndpoint(request);
    if (endpoint && request.method() == http::verb::post) {
      return ServeModelCall(Current(), *endpoint, request, out, NewRequestId(),
                            out.remote_address());
    }
    return HandleOther(request, out);
  }

  static std::string_view Path(const HttpRequest& request) {
    std::string_view target(request.target().data(), request.target().size());
    return target.substr(0, target.find('?'));
  }

  static std::optional<Endpoint> ModelEndpoint(const HttpRequest& request) {
    std::string_view path = Path(request);
    if (path == "/v1/chat/completions") return Endpoint::kChatCompletions;
    if (path == "/v1/completions") return Endpoint::kCompletions;
    if (path == "/v1/embeddings") return Endpoint::kEmbeddings;
    return std::nullopt;
  }

  net::awaitable<void> HandleOther(HttpRequest& request, Responder& out) {
    std::string_view target(request.target().data(), request.target().size());
    std::string_view path = Path(request);
    http::verb method = request.method();
    std::shared_ptr<const Runtime> rt = Current();
    if (path == "/healthz") {
      co_await Send(out, 200, "text/plain", "ok\n");
      co_return;
    }
    if (path == "/readyz") {
      Status healthy = services ? services->EvidenceLogHealthy() : OkStatus();
      if (healthy.ok()) {
        co_await Send(out, 200, "text/plain", "ready\n");
      } else {
        co_await Send(out, 503, "text/plain", "not ready: " + healthy.message() + "\n");
      }
      co_return;
    }
    if (path == "/metrics" && method == http::verb::get) {
      co_await Send(out, 200, "text/plain; version=0.0.4", metrics.Render());
      co_return;
    }
    if (path.starts_with("/admin/") || path == "/admin") {
      co_await Admin(request, target.substr(6), out);  // With the query (?status=...).
      co_return;
    }
    if (ModelEndpoint(request)) {  // Not a POST (Handle took those).
      co_await Send(out, 405, "application/json",
                    InvalidRequest("Use POST for " + std::string(path)).ToJson());
      co_return;
    }
    if (path == "/v1/models" && method == http::verb::get) {
      co_await Models(*rt, request, out);
      co_return;
    }
    co_await Send(out, 404, "application/json",
                  NotFound("No such endpoint: " + std::string(path)).ToJson());
  }

  net::awaitable<void> Models(const Runtime& rt, HttpRequest& request, Responder& out) {
    Call call;
    auto auth = request.find(http::field::authorization);
    if (auth != request.end()) call.authorization = std::string(auth->value());
    StageChain chain = rt.pipeline->CreateChainOf("authenticate");
    if (chain.OnRequest(call) == StageVerdict::kLocalReply) {
      co_await Send(out, call.reply->http_status, "application/json", call.reply->ToJson());
      co_return;
    }
    nlohmann::json data = nlohmann::json::array();
    std::set<std::string> seen;
    for (const UpstreamConfig& u : rt.config->upstreams) {
      for (const std::string& m : u.models) {
        if (m == "*" || !seen.insert(m).second) continue;
        data.push_back({{"id", m}, {"object", "model"}, {"created", 0}, {"owned_by", u.name}});
      }
    }
    std::string body = nlohmann::json{{"object", "list"}, {"data", data}}.dump();
    co_await Send(out, 200, "application/json", std::move(body));
  }

  net::awaitable<void> Admin(HttpRequest& request, std::string_view path, Responder& out) {
    const std::string& token = original->admin_token;
    if (!admin || token.empty()) {
      co_await Send(out, 404, "application/json",
                    NotFound("The admin API is off: set the admin token environment variable "
                             "(admin.token_env, default HEGUI_ADMIN_TOKEN)")
                        .ToJson());
      co_return;
    }
    auto auth = request.find(http::field::authorization);
    std::string_view given = auth == request.end()
                                 ? std::string_view()
                                 : std::string_view(auth->value().data(), auth->value().size());
    if (!given.starts_with("Bearer ") || !ConstantTimeEquals(given.substr(7), token)) {
      co_await Send(
          out, 401, "application/json",
          InvalidApiKey("The admin API needs 'Authorization: Bearer <admin token>'").ToJson());
      co_return;
    }
    std::string method(request.method_string());
    AdminResponse response = admin->Handle(method, path, request.body());
    co_await Send(out, response.status, "application/json", std::move(response.body));
  }
};

Gateway::Gateway(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Gateway::~Gateway() { Stop(); }

StatusOr<std::unique_ptr<Gateway>> Gateway::Start(std::shared_ptr<const GatewayConfig> config,
                                                  GatewayServices* services, AdminApi* admin) {
  auto impl = std::make_unique<Impl>();
  impl->services = services;
  impl->admin = admin;
  impl->original = config;
  if (config->upstreams.empty() && config->mock_when_no_upstream) {
    MockUpstreamOptions mock_options = config->mock;
    mock_options.address = "127.0.0.1";
    mock_options.port = 0;
    HEGUI_ASSIGN_OR_RETURN(impl->mock, MockUpstream::Start(mock_options));
  }
  HEGUI_ASSIGN_OR_RETURN(impl->runtime, impl->Build(config, nullptr));
  HttpServer::Options options;
  options.address = config->listen_address;
  options.port = config->listen_port;
  options.threads = config->threads;
  options.limits = config->limits;
  Impl* raw = impl.get();
  HEGUI_ASSIGN_OR_RETURN(impl->server,
                         HttpServer::Start(options, [raw](HttpRequest& r, Responder& o) {
                           return raw->Handle(r, o);
                         }));
  return std::unique_ptr<Gateway>(new Gateway(std::move(impl)));
}

uint16_t Gateway::port() const { return impl_->server->port(); }

std::string Gateway::mock_upstream_url() const { return impl_->mock ? impl_->mock->url() : ""; }

Metrics& Gateway::metrics() { return impl_->metrics; }

Status Gateway::Reload(std::shared_ptr<const GatewayConfig> config) {
  const GatewayConfig& old = *impl_->original;
  if (config->listen_address != old.listen_address || config->listen_port != old.listen_port ||
      config->threads != old.threads ||
      config->limits.max_body_bytes != old.limits.max_body_bytes ||
      config->limits.max_header_bytes != old.limits.max_header_bytes ||
      config->limits.max_header_count != old.limits.max_header_count ||
      config->limits.read_timeout != old.limits.read_timeout ||
      config->limits.idle_timeout != old.limits.idle_timeout ||
      config->limits.write_timeout != old.limits.write_timeout ||
      config->store_backend != old.store_backend || config->store_path != old.store_path ||
      config->store_postgres != old.store_postgres || config->audit_dir != old.audit_dir ||
      config->audit_durability != old.audit_durability ||
      (config->upstreams.empty() && !impl_->mock && config->mock_when_no_upstream)) {
    impl_->metrics.config_reloads.Inc({"refused"});
    return FailedPreconditionError(
        "the new configuration changes listen, threads, limits, store, audit or the mock "
        "upstream; those take effect only on restart");
  }
  auto previous = impl_->Current();
  auto built = impl_->Build(config, previous.get());
  if (!built.ok()) {
    impl_->metrics.config_reloads.Inc({"failed"});
    return built.status();
  }
  {
    std::lock_guard lock(impl_->mu);
    impl_->runtime = *built;
    impl_->original = config;
  }
  impl_->metrics.config_reloads.Inc({"ok"});
  return OkStatus();
}

void Gateway::Stop() {
  if (!impl_->server) return;
  impl_->server->Stop();
  // Reports of evidence-log appends resume their coroutines on the server's
  // io_contexts, which the server's destructor destroys: let them land first.
  if (impl_->services) impl_->services->WaitForPendingRecords();
  {
    std::lock_guard lock(impl_->mu);
    if (impl_->runtime) {
      for (auto& [name, client] : impl_->runtime->clients) client->Close();
    }
  }
  impl_->server.reset();
  impl_->mock.reset();
}

}  // namespace hegui::gateway
