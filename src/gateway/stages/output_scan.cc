#include "gateway/stages/output_scan.h"

#include "gateway/stages/scan_stage_factory.h"

namespace hegui::gateway {

namespace {

std::string Reason(const ScanHit& hit) {
  return "category '" + hit.type + "'" +
         (hit.article.empty() ? "" : " (CSL Art. " + hit.article + ")");
}

class OutputScanStage : public Stage {
 public:
  OutputScanStage(const OutputScanConfig* config, GatewayServices* services)
      : policy_(config->policy), services_(services) {}

  StageVerdict OnResponse(Call& call) override {
    Answer& answer = call.answer;
    if (!answer.has_choices) {
      return StageVerdict::kContinue;  // Embeddings and the like carry no text.
    }
    // Every string the client would read or act on (answer_parser.h): each
    // choice's message content (or completion text), and the arguments of
    // its tool calls and legacy function call (a model can put anything there).
    size_t base = 0;
    for (BodyText& text : answer.texts) {
      const std::string& content = text.text;
      StatusOr<std::vector<ScanHit>> hits = services_->scanner()->Scan(content);
      if (!hits.ok()) {
        call.withheld_text = content;
        call.reply = ServiceUnavailable(
            "scanner_unavailable",
            "The answer could not be scanned, so it was withheld: " + hits.status().message());
        return StageVerdict::kLocalReply;
      }
      RecordFindings(call, policy_, "output", *hits, base);
      base += content.size() + 1;
      const ScanHit* worst = nullptr;
      for (const ScanHit& h : *hits) {
        if (!worst || Severity(policy_.ActionFor(h)) > Severity(policy_.ActionFor(*worst))) {
          worst = &h;
        }
      }
      if (!worst) continue;
      ScanAction action = policy_.ActionFor(*worst);
      if (action == ScanAction::kBlock) {
        call.output_verdict = "block";
        call.outcome = "blocked";
        call.withheld_text = content;
        call.reply = ContentPolicyViolation("The model's answer was withheld: it contains " +
                                            Reason(*worst));
        return StageVerdict::kLocalReply;
      }
      if (action == ScanAction::kReview) {
        if (!Review(call, *worst, content)) return StageVerdict::kLocalReply;
        if (policy_.review_holds) {
          call.withheld_text = content;
          return StageVerdict::kLocalReply;
        }
        answer.review_id = call.review_id;
        call.response_rewritten = true;
      }
      std::vector<ScanHit> to_mask;
      for (const ScanHit& h : *hits) {
        if (policy_.ActionFor(h) == ScanAction::kMask) to_mask.push_back(h);
      }
      if (!to_mask.empty()) {
        text.text = MaskHits(content, std::move(to_mask));
        text.rewritten = true;
        call.response_rewritten = true;
        if (call.output_verdict == "allow") call.output_verdict = "mask";
      }
    }
    return StageVerdict::kContinue;
  }

  StageVerdict OnChunk(Call& call, std::string& text) override {
    if (!stream_) stream_ = services_->scanner()->OpenStream();
    pending_ += text;
    std::string released;
    std::vector<ScanHit> hits;
    Status status = stream_->Feed(text, &released, &hits);
    text.clear();
    return Apply(call, status, std::move(released), hits, text);
  }

  StageVerdict OnPause(Call& call, std::string& text) override {
    return Release(call, &StreamScan::Drain, text);
  }

  StageVerdict OnStreamEnd(Call& call, std::string& text) override {
    return Release(call, &StreamScan::Finish, text);
  }

 private:
  // OnPause and OnStreamEnd: what the stream scan releases without more
  // input (`release`: Drain or Finish), appended to `text`.
  StageVerdict Release(Call& call,
                       Status (StreamScan::*release)(std::string*, std::vector<ScanHit>*),
                       std::string& text) {
    if (!stream_) return StageVerdict::kContinue;
    std::string released;
    std::vector<ScanHit> hits;
    Status status = ((*stream_).*release)(&released, &hits);
    std::string out;
    StageVerdict v = Apply(call, status, std::move(released), hits, out);
    text += out;
    return v;
  }

  bool Review(Call& call, const ScanHit& hit, const std::string& content) {
    call.output_verdict = "review";
    StatusOr<std::string> id = services_->QueueReview(
        ReviewRequest{call.request_id, call.principal ? call.principal->user_id : "", "output",
                      hit.type, hit.article, content, policy_.review_holds});
    if (!id.ok()) {
      call.reply = ServiceUnavailable(
          "review_queue_unavailable",
          "The answer needs human review but the review queue cannot be written: " +
              id.status().message());
      return false;
    }
    call.review_id = *id;
    if (policy_.review_holds) {
      call.outcome = "held_for_review";
      call.reply = PendingReview("The answer was held for human review (item " + *id + ", " +
                                 Reason(hit) + ")");
    }
    return true;
  }

  StageVerdict Cut(Call& call, LocalReply reply, std::string outcome) {
    call.withheld_text += pending_;
    pending_.clear();
    call.outcome = std::move(outcome);
    if (call.output_verdict == "allow" || call.output_verdict == "mask") {
      call.output_verdict = "cut";
    }
    call.reply = std::move(reply);
    return StageVerdict::kLocalReply;
  }

  // `released` is what the stream scan let go of; `out` receives what this
  // stage releases (masked).
  StageVerdict Apply(Call& call, const Status& status, std::string released,
                     const std::vector<ScanHit>& hits, std::string& out) {
    if (!status.ok()) {
      return Cut(
          call,
          ServiceUnavailable("scanner_unavailable",
                             "The answer was cut: it could not be scanned: " + status.message()),
          "scanner_error");
    }
    RecordFindings(call, policy_, "output", hits);
    const ScanHit* worst = nullptr;
    for (const ScanHit& h : hits) {
      if (!worst || Severity(policy_.ActionFor(h)) > Severity(policy_.ActionFor(*worst))) {
        worst = &h;
      }
    }
    if (worst && policy_.ActionFor(*worst) == ScanAction::kBlock) {
      return Cut(call, ContentPolicyViolation("The answer was cut: it contains " + Reason(*worst)),
                 "cut");
    }
    if (worst && policy_.ActionFor(*worst) == ScanAction::kReview) {
      if (!Review(call, *worst, call.delivered_text + pending_)) {
        return Cut(call, *call.reply, "review_error");
      }
      if (policy_.review_holds) return Cut(call, *call.reply, "held_for_review");
    }
    // Mask PI inside the released range [released_base_, +released.size()).
    size_t base = released_base_;
    // Bytes of a masked match released only now (its start was masked in an
    // earlier piece) are dropped.
    size_t skip = 0;
    if (mask_until_ > base) skip = std::min(mask_until_ - base, released.size());
    std::vector<ScanHit> to_mask;
    for (const ScanHit& h : hits) {
      if (policy_.ActionFor(h) != ScanAction::kMask) continue;
      if (h.offset < base) {
        return Cut(call,
                   ContentPolicyViolation("The answer was cut: personal information was found "
                                          "in text already scanned"),
                   "cut");
      }
      ScanHit local = h;
      local.offset -= base;
      if (h.offset + h.length > base + released.size()) {
        mask_until_ = std::max(mask_until_, h.offset + h.length);
        local.length = base + released.size() - h.offset;
      }
      to_mask.push_back(local);
    }
    std::string visible = released.substr(skip);
    for (ScanHit& h : to_mask) {
      h.offset = h.offset >= skip ? h.offset - skip : 0;
    }
    if (!to_mask.empty()) {
      visible = MaskHits(visible, std::move(to_mask));
      if (call.output_verdict == "allow") call.output_verdict = "mask";
    }
    released_base_ += released.size();
    pending_.erase(0, std::min(pending_.size(), released.size()));
    out += visible;
    return pending_.empty() ? StageVerdict::kContinue : StageVerdict::kHoldBack;
  }

  const ScanPolicy& policy_;
  GatewayServices* services_;
  std::unique_ptr<StreamScan> stream_;
  std::string pending_;       // Bytes fed but not yet released.
  size_t released_base_ = 0;  // Stream offset of the next released byte.
  size_t mask_until_ = 0;     // Stream offset up to which released bytes are masked away.
};

}  // namespace

StatusOr<std::shared_ptr<const StageConfig>> ParseOutputScanConfig(ConfigFields& fields) {
  auto config = std::make_shared<OutputScanConfig>();
  config->policy = ParseScanPolicy(fields, ScanAction::kMask);
  HEGUI_RETURN_IF_ERROR(fields.Finish());
  return std::shared_ptr<const StageConfig>(std::move(config));
}

StatusOr<std::unique_ptr<StageFactory>> MakeOutputScanFactory(
    std::shared_ptr<const StageConfig> config, const StageServices& services) {
  if (!services.services || !services.services->scanner()) {
    return FailedPreconditionError("output_scan needs a scanner (scan/)");
  }
  return std::unique_ptr<StageFactory>(
      std::make_unique<ScanStageFactory<OutputScanStage, OutputScanConfig>>(
          "output_scan", std::move(config), services.services));
}

}  // namespace hegui::gateway
