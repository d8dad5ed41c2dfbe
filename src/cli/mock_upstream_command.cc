// `hegui mock-upstream`: runs the deterministic OpenAI-compatible model server
// (gateway/mock_upstream.h) in the foreground until SIGINT or SIGTERM.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "gateway/mock_upstream.h"

namespace hegui::cli {
namespace {

struct MockArgs {
  std::string listen = "127.0.0.1:9000";
  int threads = 1;
  std::vector<std::string> models = {"mock-1", "mock-embed"};
  size_t chunk_chars = 4;
  int latency_ms = 0;
  int chunk_delay_ms = 0;
  int fail_every = 0;
};

Status Run(const MockArgs& args) {
  gateway::MockUpstreamOptions options;
  size_t colon = args.listen.rfind(':');
  if (colon == std::string::npos) {
    return InvalidArgumentError("--listen '" + args.listen + "': expected ADDRESS:PORT");
  }
  options.address = args.listen.substr(0, colon);
  try {
    int port = std::stoi(args.listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    options.port = static_cast<uint16_t>(port);
  } catch (const std::exception&) {
    return InvalidArgumentError("--listen '" + args.listen + "': invalid port");
  }
  options.threads = args.threads;
  options.models = args.models;
  options.chunk_chars = args.chunk_chars;
  options.latency = std::chrono::milliseconds(args.latency_ms);
  options.chunk_delay = std::chrono::milliseconds(args.chunk_delay_ms);
  options.fail_every = args.fail_every;
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // Server threads inherit the mask.
  auto mock = gateway::MockUpstream::Start(options);
  if (!mock.ok()) return mock.status();
  std::cout << "hegui mock upstream listening on " << (*mock)->url() << " (models:";
  for (const auto& m : options.models) std::cout << " " << m;
  std::cout << ")" << std::endl;
  int signal = 0;
  sigwait(&signals, &signal);
  std::cout << "hegui mock upstream: stopping" << std::endl;
  return OkStatus();
}

}  // namespace

void AddMockUpstreamCommand(CLI::App& app, CommandResult& result) {
  auto args = std::make_shared<MockArgs>();
  CLI::App* cmd = app.add_subcommand(
      "mock-upstream",
      "Run a deterministic OpenAI-compatible model server for demos, tests and benchmarks");
  cmd->add_option("--listen", args->listen, "ADDRESS:PORT to listen on")->capture_default_str();
  cmd->add_option("--threads", args->threads, "Server threads")->check(CLI::Range(1, 64));
  cmd->add_option("--models", args->models, "Model names served")->capture_default_str();
  cmd->add_option("--chunk-chars", args->chunk_chars, "Characters per streamed delta")
      ->check(CLI::Range(1, 1 << 20))
      ->capture_default_str();
  cmd->add_option("--latency-ms", args->latency_ms, "Delay before each answer")
      ->check(CLI::Range(0, 600000));
  cmd->add_option("--chunk-delay-ms", args->chunk_delay_ms, "Delay between streamed deltas")
      ->check(CLI::Range(0, 600000));
  cmd->add_option("--fail-every", args->fail_every,
                  "Answer every Nth model call with HTTP 500 (0: never)")
      ->check(CLI::Range(0, 1000000));
  cmd->callback([args, &result] {
    Status status = Run(*args);
    result.exit_code = status.ok() ? ExitCode::kOk : ReportError(status);
  });
}

}  // namespace hegui::cli
