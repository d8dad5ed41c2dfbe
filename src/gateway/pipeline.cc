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
  for (Stage* stage : arena_.stages()) {
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
  for (Stage* stage : arena_.stages()) {
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
  for (Stage* stage : arena_.stages()) {
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
  for (Stage* stage : arena_.stages()) {
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

// Starts stage.OnCompleteAsync for an awaiting coroutine: its report resumes
// the coroutine on the coroutine's own executor (posted, since the report may
// come from another thread). The handler waits in one heap block that the
// report frees; `done` itself holds only a pointer to it, which std::function
// keeps without a heap block of its own.
struct StartCompletion {
  Stage& stage;
  Call& call;

  template <typename Handler>
  void operator()(Handler handler) const {
    auto* waiting = new Handler(std::move(handler));
    stage.OnCompleteAsync(call, [waiting](Status status) {
      std::unique_ptr<Handler> box(waiting);
      auto executor = net::get_associated_executor(*box);
      net::post(executor, [handler = std::move(*box), status = std::move(status)]() mutable {
        handler(std::move(status));
      });
    });
  }
};

}  // namespace

net::awaitable<Status> StageChain::OnComplete(Call& call) {
  Status first;
  for (Stage* stage : arena_.stages()) {
    // (No co_await inside ?: : GCC 12 miscompiles it.)
    Status s;
    if (stage->completes_async()) {
      s = co_await net::async_initiate<decltype(net::use_awaitable), void(Status)>(
          StartCompletion{*stage, call}, net::use_awaitable);
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

StageChain::StageChain(const std::vector<std::unique_ptr<StageFactory>>& factories, bool all,
                       std::string_view only) {
  for (const auto& f : factories) {
    if (all || f->name() == only) f->Create(arena_);
  }
}

StageChain Pipeline::CreateChain() const { return StageChain(factories_, true, {}); }

StageChain Pipeline::CreateChainOf(std::string_view name) const {
  return StageChain(factories_, false, name);
}

}  // namespace hegui::gateway
