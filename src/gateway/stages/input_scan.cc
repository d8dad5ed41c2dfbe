#include "gateway/stages/input_scan.h"

#include "gateway/stages/scan_stage_factory.h"

namespace hegui::gateway {

namespace {

class InputScanStage : public Stage {
 public:
  InputScanStage(const InputScanConfig* config, GatewayServices* services)
      : config_(config), services_(services) {}

  StageVerdict OnRequest(Call& call) override {
    const ScanPolicy& policy = config_->policy;
    std::vector<BodyText>& texts = call.prompts;
    std::vector<std::vector<ScanHit>> hits(texts.size());
    ScanAction worst = ScanAction::kAllow;
    const ScanHit* worst_hit = nullptr;
    size_t base = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
      const std::string& text = texts[i].text;
      StatusOr<std::vector<ScanHit>> found = services_->scanner()->Scan(text);
      if (!found.ok()) {
        call.reply = ServiceUnavailable(
            "scanner_unavailable", "The prompt could not be scanned, so it was not forwarded: " +
                                       found.status().message());
        return StageVerdict::kLocalReply;
      }
      hits[i] = std::move(found).value();
      RecordFindings(call, policy, "input", hits[i], base);
      for (const ScanHit& h : hits[i]) {
        ScanAction a = policy.ActionFor(h);
        if (!worst_hit || Severity(a) > Severity(worst)) {
          worst = a;
          worst_hit = &h;
        }
      }
      base += text.size() + 1;
    }
    // Every prompt, each followed by a newline (what a refused prompt keeps
    // sealed and what review sees); built only when it is needed.
    auto joined = [&texts] {
      std::string all;
      for (const BodyText& t : texts) {
        all += t.text;
        all += '\n';
      }
      return all;
    };
    if (worst == ScanAction::kBlock) {
      call.input_verdict = "block";
      call.outcome = "blocked";
      call.withheld_input = joined();
      call.reply = ContentPolicyViolation(
          "The prompt was refused: it contains content of category '" + worst_hit->type + "'" +
          (worst_hit->article.empty() ? "" : " (CSL Art. " + worst_hit->article + ")"));
      return StageVerdict::kLocalReply;
    }
    if (worst == ScanAction::kReview) {
      call.input_verdict = "review";
      StatusOr<std::string> id = services_->QueueReview(
          ReviewRequest{call.request_id, call.principal ? call.principal->user_id : "", "input",
                        worst_hit->type, worst_hit->article, joined(), policy.review_holds});
      if (!id.ok()) {
        call.reply = ServiceUnavailable(
            "review_queue_unavailable",
            "The prompt needs human review but the review queue cannot be written: " +
                id.status().message());
        return StageVerdict::kLocalReply;
      }
      call.review_id = *id;
      if (policy.review_holds) {
        call.outcome = "held_for_review";
        call.withheld_input = joined();
        call.reply = PendingReview("The prompt was held for human review (item " + *id +
                                   ", category '" + worst_hit->type + "')");
        return StageVerdict::kLocalReply;
      }
    }
    // Mask, then note what is still carried for route (Art. 39).
    for (size_t i = 0; i < texts.size(); ++i) {
      std::vector<ScanHit> to_mask;
      for (const ScanHit& h : hits[i]) {
        ScanAction a = policy.ActionFor(h);
        if (a == ScanAction::kMask) {
          to_mask.push_back(h);
        } else if (h.kind == "pi") {
          call.carries_personal_information = true;
        } else if (policy.IsImportantData(h)) {
          call.carries_important_data = true;
        }
      }
      if (!to_mask.empty()) {
        texts[i].text = MaskHits(texts[i].text, std::move(to_mask));
        texts[i].rewritten = true;
        call.request_rewritten = true;
        if (call.input_verdict == "allow") call.input_verdict = "mask";
      }
    }
    return StageVerdict::kContinue;
  }

 private:
  const InputScanConfig* config_;
  GatewayServices* services_;
};

}  // namespace

StatusOr<std::shared_ptr<const StageConfig>> ParseInputScanConfig(ConfigFields& fields) {
  auto config = std::make_shared<InputScanConfig>();
  config->policy = ParseScanPolicy(fields, ScanAction::kMask);
  HEGUI_RETURN_IF_ERROR(fields.Finish());
  return std::shared_ptr<const StageConfig>(std::move(config));
}

StatusOr<std::unique_ptr<StageFactory>> MakeInputScanFactory(
    std::shared_ptr<const StageConfig> config, const StageServices& services) {
  if (!services.services || !services.services->scanner()) {
    return FailedPreconditionError("input_scan needs a scanner (scan/)");
  }
  return std::unique_ptr<StageFactory>(
      std::make_unique<ScanStageFactory<InputScanStage, InputScanConfig>>(
          "input_scan", std::move(config), services.services));
}

}  // namespace hegui::gateway
