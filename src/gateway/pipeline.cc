#include "gateway/pipeline.h"

namespace hegui::gateway {

std::string_view EndpointName(Endpoint endpoint) {
  switch (endpoint) {
    case Endpoint::kChatCompletions:
      return "chat_completions";
    case Endpoint::kCompletions:
      return "completions";
    case Endpoint::kEmbeddings:
      return "embeddings";
  }
  return "unknown";
}

StageVerdict StageChain::OnRequest(Call& call) {
  for (auto& stage : stages_) {
    if (stage->OnRequest(call) == StageVerdict::kLocalReply) {
      if (!call.reply)
        call.reply = ServiceUnavailable("internal_error", "a stage refused without a reason");
      if (call.outcome == "ok") call.outcome = "refused";
      return StageVerdict::kLocalReply;
    }
  }
  return StageVerdict::kContinue;
}

StageVerdict StageChain::OnResponse(Call& call) {
  for (auto& stage : stages_) {
    if (stage->OnResponse(call) == StageVerdict::kLocalReply) {
      if (!call.reply)
        call.reply = ServiceUnavailable("internal_error", "a stage refused without a reason");
      if (call.outcome == "ok") call.outcome = "refused";
      return StageVerdict::kLocalReply;
    }
  }
  return StageVerdict::kContinue;
}

StageVerdict StageChain::OnChunk(Call& call, std::string& text) {
  StageVerdict result = StageVerdict::kContinue;
  for (auto& stage : stages_) {
    StageVerdict v = stage->OnChunk(call, text);
    if (v == StageVerdict::kLocalReply) {
      if (!call.reply)
        call.reply = ServiceUnavailable("internal_error", "a stage cut without a reason");
      if (call.outcome == "ok") call.outcome = "cut";
      text.clear();
      return v;
    }
    if (v == StageVerdict::kHoldBack) result = v;
  }
  return result;
}

StageVerdict StageChain::OnPause(Call& call, std::string& text) {
  return Release(call, text, &Stage::OnPause);
}

StageVerdict StageChain::OnStreamEnd(Call& call, std::string& text) {
  return Release(call, text, &Stage::OnStreamEnd);
}

StageVerdict StageChain::Release(Call& call, std::string& text,
                                 StageVerdict (Stage::*release)(Call&, std::string&)) {
  std::string carry;
  for (auto& stage : stages_) {
    if (!carry.empty() && stage->OnChunk(call, carry) == StageVerdict::kLocalReply) {
      if (!call.reply)
        call.reply = ServiceUnavailable("internal_error", "a stage cut without a reason");
      if (call.outcome == "ok") call.outcome = "cut";
      return StageVerdict::kLocalReply;
    }
    if (((*stage).*release)(call, carry) == StageVerdict::kLocalReply) {
      if (!call.reply)
        call.reply = ServiceUnavailable("internal_error", "a stage cut without a reason");
      if (call.outcome == "ok") call.outcome = "cut";
      return StageVerdict::kLocalReply;
    }
  }
  text += carry;
  return StageVerdict::kContinue;
}

namespace {

// Runs stage.OnCompleteAsync and resumes the calling coroutine on its own
// executor with the reported status.
net::awaitable<Status> AwaitCompletion(Stage& stage, Call& call) {
  auto executor = co_await net::this_coro::executor;
  Status status = co_await net::async_initiate<decltype(net::use_awaitable), void(Status)>(
      [&stage, &call, executor](auto handler) {
        auto shared = std::make_shared<decltype(handler)>(std::move(handler));
        stage.OnCompleteAsync(call, [shared, executor](Status status) {
          net::post(executor, [handler = std::move(*shared), status = std::move(status)]() mutable {
            handler(std::move(status));
          });
        });
      },
      net::use_awaitable);
  co_return status;
}

}  // namespace

net::awaitable<Status> StageChain::OnComplete(Call& call) {
  Status first;
  for (auto& stage : stages_) {
    // (No co_await inside ?: : GCC 12 miscompiles it.)
    Status s;
    if (stage->completes_async()) {
      s = co_await AwaitCompletion(*stage, call);
    } else {
      s = stage->OnComplete(call);
    }
    if (!s.ok() && first.ok()) {
      first = s;
      call.outcome = "audit_failed";
      call.reply = ServiceUnavailable(
          "audit_log_unavailable",
          "The call could not be recorded in the evidence log (" + s.message() +
              "), so its result is not delivered; every model call must be recorded (CSL Art. "
              "23)");
    }
  }
  co_return first;
}

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Build(const GatewayConfig& config,
                                                    const StageServices& services) {
  auto pipeline = std::make_unique<Pipeline>();
  for (const StageSpec& spec : config.pipeline) {
    HEGUI_ASSIGN_OR_RETURN(std::unique_ptr<StageFactory> factory, MakeStageFactory(spec, services));
    pipeline->factories_.push_back(std::move(factory));
  }
  return pipeline;
}

StageChain Pipeline::CreateChain() const {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.reserve(factories_.size());
  for (const auto& f : factories_) stages.push_back(f->Create());
  return StageChain(std::move(stages));
}

StageChain Pipeline::CreateChainOf(std::string_view name) const {
  std::vector<std::unique_ptr<Stage>> stages;
  for (const auto& f : factories_) {
    if (f->name() == name) stages.push_back(f->Create());
  }
  return StageChain(std::move(stages));
}

}  // namespace hegui::gateway
