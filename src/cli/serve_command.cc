// `hegui serve`: the compliance gateway (gateway/gateway.h) in the foreground.
// SIGHUP reloads the configuration file; SIGINT/SIGTERM stop after draining.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "core/file.h"
#include "gateway/gateway.h"
#include "gateway/module_admin_api.h"
#include "gateway/module_services.h"
#include "store/store.h"

namespace hegui::cli {
namespace {

struct ServeArgs {
  std::string config;
};

StatusOr<std::shared_ptr<const gateway::GatewayConfig>> LoadConfig(const std::string& path) {
  if (path.empty()) return gateway::ParseGatewayConfig("", "(built-in defaults)");
  return gateway::LoadGatewayConfig(path);
}

// On first run (no user in the store) creates a verified demo user and a key,
// written to demo_key_file, so a new user can call the gateway at once.
Status EnsureDemoKey(const gateway::GatewayConfig& config, gateway::ModuleServices& services) {
  HEGUI_ASSIGN_OR_RETURN(std::vector<store::User> users, services.store().ListUsers());
  if (!users.empty()) {
    if (std::filesystem::exists(config.demo_key_file)) {
      std::cout << "demo API key: in " << config.demo_key_file << "\n";
    } else {
      std::cout << "API keys: create one with `hegui keys create --user <id>` (users: `hegui "
                   "users list`)\n";
    }
    return OkStatus();
  }
  HEGUI_ASSIGN_OR_RETURN(store::User user, services.store().CreateUser("demo", store::Role::kUser));
  auto now =
      std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
  HEGUI_ASSIGN_OR_RETURN(user, services.store().VerifyUserIdentity(user.id, "demo", now));
  HEGUI_ASSIGN_OR_RETURN(store::IssuedApiKey key,
                         services.store().CreateApiKey(user.id, "demo key created by serve"));
  HEGUI_RETURN_IF_ERROR(WriteFileAtomically(config.demo_key_file, key.token + "\n", 0600));
  HEGUI_RETURN_IF_ERROR(services.RecordAdminEvent("permission_change", "system",
                                                  nlohmann::json{{"action", "demo_user_created"},
                                                                 {"user_id", user.id},
                                                                 {"key_id", key.key.key_id},
                                                                 {"identity_verified", true}}
                                                      .dump()));
  std::cout << "first run: created user 'demo' (identity marked verified for the demo) and an "
               "API key, written to "
            << config.demo_key_file << "\n";
  return OkStatus();
}

Status Run(const ServeArgs& args) {
  std::string path = args.config;
  if (path.empty() && std::filesystem::exists("hegui.yaml")) path = "hegui.yaml";
  HEGUI_ASSIGN_OR_RETURN(std::shared_ptr<const gateway::GatewayConfig> config, LoadConfig(path));
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // Every thread started below inherits it.
  std::signal(SIGPIPE, SIG_IGN);

  HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<gateway::ModuleServices> services,
                         gateway::ModuleServices::Open(*config));
  HEGUI_RETURN_IF_ERROR(EnsureDemoKey(*config, *services));
  gateway::ModuleAdminApi admin(services.get());
  HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<gateway::Gateway> gw,
                         gateway::Gateway::Start(config, services.get(), &admin));
  std::string base = "http://" + config->listen_address + ":" + std::to_string(gw->port());
  std::cout << "config: " << config->source << "\n"
            << "store: " << config->store_backend << " "
            << (config->store_backend == "sqlite" ? config->store_path : "(postgres)") << "\n"
            << "evidence log: " << config->audit_dir << "\n"
            << "admin API: "
            << (config->admin_token.empty() ? "off (set HEGUI_ADMIN_TOKEN to enable)"
                                            : "on, under /admin (Bearer admin token)")
            << "\n";
  if (!gw->mock_upstream_url().empty()) {
    std::cout << "upstream: none configured, so the built-in mock model server runs at "
              << gw->mock_upstream_url() << " (add `upstreams:` to the config for a real one; "
              << "see docs/config.md)\n";
  } else {
    for (const auto& u : config->upstreams) {
      std::cout << "upstream: " << u.name << " " << u.url << " (region " << u.region << ")\n";
    }
  }
  std::cout << "hegui serve listening on " << base << "  (OpenAI base URL: " << base << "/v1)"
            << std::endl;
  for (;;) {
    int signal = 0;
    sigwait(&signals, &signal);
    if (signal != SIGHUP) break;
    if (path.empty()) {
      std::cout << "SIGHUP: running on built-in defaults, nothing to reload" << std::endl;
      continue;
    }
    auto fresh = gateway::LoadGatewayConfig(path);
    Status reloaded = fresh.ok() ? gw->Reload(*fresh) : fresh.status();
    (void)services->RecordAdminEvent(
        "config_change", "system",
        nlohmann::json{{"action", "reload"},
                       {"path", path},
                       {"ok", reloaded.ok()},
                       {"error", reloaded.ok() ? "" : reloaded.message()}}
            .dump());
    if (reloaded.ok()) {
      std::cout << "SIGHUP: configuration reloaded from " << path << std::endl;
    } else {
      std::cerr << "hegui: SIGHUP: kept the running configuration: " << reloaded.ToString()
                << std::endl;
    }
  }
  std::cout << "hegui serve: stopping" << std::endl;
  gw->Stop();
  return OkStatus();
}

}  // namespace

void AddServeCommand(CLI::App& app, CommandResult& result) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Run the compliance gateway: an OpenAI-compatible proxy enforcing the CSL");
  cmd->add_option("-c,--config", args->config,
                  "Gateway configuration (YAML, docs/config.md); default ./hegui.yaml if present, "
                  "else built-in defaults");
  cmd->callback([args, &result] {
    Status status = Run(*args);
    result.exit_code = status.ok() ? ExitCode::kOk : ReportError(status);
  });
}

}  // namespace hegui::cli
