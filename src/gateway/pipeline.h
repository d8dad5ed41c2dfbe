// Pipeline: the stage factories built from one configuration, and the chain
// of stage instances that serves one call.
//
// Pipeline::Build validates that every configured stage can be built with the
// services at hand (a scanner for the scan stages, the store for
// authenticate, ...) and fails naming the stage otherwise. It is immutable and
// shared by all threads; CreateChain() makes the per-call instances.
//
// StageChain runs one hook over the stages in order and implements the
// manager's side of the StageVerdict contract (stage.h): it stops at the
// first kLocalReply, passes the bytes a stage releases to the next one, and
// runs OnComplete on every stage even after a failure, in order, waiting for a
// stage that completes asynchronously (its report is posted back to the
// calling coroutine's executor, so the chain never runs on another thread).
// Not thread-safe: one chain per call.
#ifndef HEGUI_GATEWAY_PIPELINE_H_
#define HEGUI_GATEWAY_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/status_or.h"
#include "gateway/asio.h"
#include "gateway/stage.h"
#include "gateway/stage_registry.h"

namespace hegui::gateway {

class StageChain {
 public:
  // Not copyable or movable: the stages live inside it (its StageArena).
  // Pipeline::CreateChain returns it as a prvalue, built in place.
  StageChain(const StageChain&) = delete;
  StageChain& operator=(const StageChain&) = delete;

  // kContinue or kLocalReply (call.reply set).
  StageVerdict OnRequest(Call& call);
  StageVerdict OnResponse(Call& call);
  // `text`: in, the delta from upstream; out, the bytes every stage released.
  // kContinue, kHoldBack (something is held) or kLocalReply.
  StageVerdict OnChunk(Call& call, std::string& text);
  // Asks every stage in order to release what it can now (the upstream
  // paused); `text` receives the released bytes.
  StageVerdict OnPause(Call& call, std::string& text);
  // Flushes every stage in order; `text` receives the released bytes.
  StageVerdict OnStreamEnd(Call& call, std::string& text);
  // Runs every stage's OnComplete (or OnCompleteAsync). The first failure
  // replaces call.reply with 503 audit_log_unavailable and is returned.
  net::awaitable<Status> OnComplete(Call& call);

 private:
  friend class Pipeline;
  // The stages of every factory (`all`) or of those named `only`, in order.
  StageChain(const std::vector<std::unique_ptr<StageFactory>>& factories, bool all,
             std::string_view only);

  // OnPause and OnStreamEnd: each stage first takes what the stages before
  // it released (OnChunk), then adds what it releases itself (`release`).
  StageVerdict Release(Call& call, std::string& text,
                       StageVerdict (Stage::*release)(Call&, std::string&));

  StageArena arena_;  // Owns the stages; stages() lists them in order.
};

class Pipeline {
 public:
  static StatusOr<std::unique_ptr<Pipeline>> Build(const GatewayConfig& config,
                                                   const StageServices& services);

  StageChain CreateChain() const;
  // A chain with only the named stage (e.g. authenticate for GET /v1/models),
  // empty if the pipeline does not have it.
  StageChain CreateChainOf(std::string_view name) const;

 private:
  std::vector<std::unique_ptr<StageFactory>> factories_;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_PIPELINE_H_
