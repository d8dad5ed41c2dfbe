// Stage: one step of the gateway's request pipeline, in the manner of an
// Envoy HTTP filter.
//
// The pipeline (pipeline.h) runs the stages in configuration order:
//   authenticate -> identity -> rate_limit -> input_scan -> route
//   -> [forward] -> output_scan -> audit -> metrics
// OnRequest hooks run first to last before forwarding; OnResponse (whole
// answers) and OnChunk/OnStreamEnd (streamed answers) run first to last after;
// OnComplete runs for every stage of every call, refused or not, after the
// outcome is known and BEFORE the last byte reaches the client. A stage whose
// completion waits for I/O (audit: the durable append) says so with
// completes_async() and implements OnCompleteAsync instead: the server thread
// goes on serving other connections meanwhile, and the next stage's
// completion runs once it has reported.
//
// Each hook returns a StageVerdict telling the manager what to do next.
// Refusing means setting `call.reply` (a LocalReply always carries a reason)
// and returning kLocalReply. A stage never throws.
//
// FAIL CLOSED: any doubt refuses. A stage that cannot do its job (its service
// is down, its input is malformed) refuses the call; it never lets the call
// through unchecked. A non-OK status from OnComplete (audit could not write
// the record) turns the call into an error for the client, streaming or not.
//
// A StageFactory is built once per configuration from an immutable, validated
// config and is shared by all threads; Create() makes a fresh Stage for each
// call, so a Stage may keep per-call state (a stream scanner) without locks.
// The call's StageArena (stage_arena.h) holds the stages, so a chain costs no
// heap allocation; the arena destroys them when the call is over.
#ifndef HEGUI_GATEWAY_STAGE_H_
#define HEGUI_GATEWAY_STAGE_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "gateway/call.h"
#include "gateway/stage_arena.h"

namespace hegui::gateway {

enum class StageVerdict {
  // Go on: the next stage runs; after the last one the call is forwarded
  // (request side) or the bytes are delivered (response side).
  kContinue,
  // Streams only: the stage keeps (some of) the bytes for now. Nothing it
  // kept is delivered until a later chunk or the stream's end releases it.
  kHoldBack,
  // Stop: answer the client with `call.reply` (must be set). On a stream
  // already started this cuts it with a final event carrying the reason.
  kLocalReply,
};

class Stage {
 public:
  virtual ~Stage() = default;

  // Before forwarding. May rewrite call.request (masking) or refuse.
  virtual StageVerdict OnRequest(Call& /*call*/) { return StageVerdict::kContinue; }
  // After a whole (non-streamed) answer; call.response holds it.
  virtual StageVerdict OnResponse(Call& /*call*/) { return StageVerdict::kContinue; }
  // A streamed text delta. On entry `text` holds the bytes the previous stage
  // released; on return it holds the bytes this stage releases now (possibly
  // fewer: the rest is held back, and kHoldBack says so).
  virtual StageVerdict OnChunk(Call& /*call*/, std::string& /*text*/) {
    return StageVerdict::kContinue;
  }
  // The upstream paused (one read's events are done): release (into `text`,
  // appended) what no later byte can change, rather than wait for more.
  virtual StageVerdict OnPause(Call& /*call*/, std::string& /*text*/) {
    return StageVerdict::kContinue;
  }
  // The stream ended: release (into `text`, appended) whatever was held back.
  virtual StageVerdict OnStreamEnd(Call& /*call*/, std::string& /*text*/) {
    return StageVerdict::kContinue;
  }
  // The outcome is known (call.outcome, call.reply). Non-OK fails the call.
  virtual Status OnComplete(Call& /*call*/) { return OkStatus(); }

  // Whether the chain must call OnCompleteAsync instead of OnComplete.
  virtual bool completes_async() const { return false; }
  // As OnComplete, but reports through `done`, exactly once, from any thread
  // (the call stays alive and untouched by others until then). `done` must
  // not block. The default runs OnComplete and reports at once.
  virtual void OnCompleteAsync(Call& call, std::function<void(Status)> done) {
    done(OnComplete(call));
  }
};

class StageFactory {
 public:
  virtual ~StageFactory() = default;
  virtual std::string_view name() const = 0;
  // A new stage for one call, placed in `arena` (arena.New<T>(...)), which
  // owns it.
  virtual Stage* Create(StageArena& arena) const = 0;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_STAGE_H_
