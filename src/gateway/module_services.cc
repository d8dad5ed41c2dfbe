#include "gateway/module_services.h"

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>

#include "audit/log.h"
#include "audit/record.h"
#include "core/json_object_writer.h"
#include "scan/scanner.h"
#include "store/api_key_token.h"
#include "store/open.h"
#include "store/store.h"

namespace hegui::gateway {

namespace {

// "CSL-13-2" -> "13-2"; other forms are kept.
std::string ArticleNumber(const std::string& article) {
  if (article.rfind("CSL-", 0) == 0) return article.substr(4);
  return article;
}

ScanHit FromFinding(const scan::Finding& f, uint64_t shift = 0) {
  return ScanHit{f.kind == scan::FindingKind::kPersonalInfo ? "pi" : "lexicon",
                 f.category,
                 ArticleNumber(f.article),
                 f.rule_id,
                 static_cast<size_t>(f.begin - shift),
                 static_cast<size_t>(f.end - f.begin)};
}

}  // namespace

// The scan/ Scanner as the gateway's TextScanner: lexicon terms over the
// lexicon view and personal information over the PI view (full-width digits
// folded, zero-width characters dropped), every finding
// pointing at the original bytes, exactly as `hegui scan` reports them.
class ModuleScanner : public TextScanner {
 public:
  explicit ModuleScanner(std::shared_ptr<const scan::Scanner> scanner)
      : scanner_(std::move(scanner)) {}

  StatusOr<std::vector<ScanHit>> Scan(std::string_view text) const override {
    HEGUI_ASSIGN_OR_RETURN(std::vector<scan::Finding> findings, scanner_->Scan(text));
    std::vector<ScanHit> hits;
    hits.reserve(findings.size());
    for (const auto& f : findings) {
      if (f.kind != scan::FindingKind::kInvalidUtf8) hits.push_back(FromFinding(f));
    }
    return hits;
  }

  // scan::ScanStream holds back what a lexicon term or a PI value still open
  // at the end could cover, so released bytes are final.
  class Stream : public StreamScan {
   public:
    explicit Stream(const scan::Scanner& scanner) : stream_(scanner.OpenStream()) {}

    Status Feed(std::string_view chunk, std::string* released,
                std::vector<ScanHit>* hits) override {
      HEGUI_RETURN_IF_ERROR(stream_->Feed(chunk, &update_));
      Take(released, hits);
      return OkStatus();
    }
    Status Drain(std::string* released, std::vector<ScanHit>* hits) override {
      HEGUI_RETURN_IF_ERROR(stream_->Drain(&update_));
      Take(released, hits);
      return OkStatus();
    }
    Status Finish(std::string* released, std::vector<ScanHit>* hits) override {
      HEGUI_RETURN_IF_ERROR(stream_->Close(&update_));
      Take(released, hits);
      return OkStatus();
    }

   private:
    void Take(std::string* released, std::vector<ScanHit>* hits) {
      for (const auto& f : update_.findings) {
        if (f.kind != scan::FindingKind::kInvalidUtf8) hits->push_back(FromFinding(f));
      }
      released->append(update_.released);
    }

    std::unique_ptr<scan::ScanStream> stream_;
    scan::StreamUpdate update_;
  };

  std::unique_ptr<StreamScan> OpenStream() const override {
    return std::make_unique<Stream>(*scanner_);
  }

 private:
  std::shared_ptr<const scan::Scanner> scanner_;
};

ModuleServices::~ModuleServices() {
  if (log_) (void)log_->Close();
}

StatusOr<std::unique_ptr<ModuleServices>> ModuleServices::Open(const GatewayConfig& config) {
  std::unique_ptr<ModuleServices> s(new ModuleServices());
  std::error_code ec;
  std::string url;
  if (config.store_backend == "sqlite") {
    std::filesystem::path path(config.store_path);
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) {
      return UnavailableError("cannot create the directory of store.path '" + config.store_path +
                              "': " + ec.message());
    }
    url = "sqlite://" + config.store_path;
  } else {
    url = config.store_postgres;
  }
  auto store = store::Open(url);
  if (!store.ok()) return store.status().WithContext("store");
  s->store_ = std::move(store).value();

  audit::LogOptions options;
  options.create_if_missing = true;
  options.origin = "hegui.local/gateway";
  options.durability =
      config.audit_durability == "written" ? audit::Durability::kRelaxed : audit::Durability::kSync;
  std::filesystem::create_directories(std::filesystem::path(config.audit_dir).parent_path(), ec);
  auto log = audit::Log::Open(config.audit_dir, options);
  if (!log.ok()) return log.status().WithContext("evidence log '" + config.audit_dir + "'");
  s->log_ = std::move(log).value();

  auto lexicon = config.lexicon_path.empty() ? scan::Lexicon::LoadDefault()
                                             : scan::Lexicon::LoadFile(config.lexicon_path);
  if (!lexicon.ok()) return lexicon.status().WithContext("lexicon");
  scan::ScannerConfig scanner_config;
  scanner_config.lexicon = std::move(lexicon).value();
  scanner_config.detect_pi = true;
  auto scanner = scan::Scanner::Create(std::move(scanner_config));
  if (!scanner.ok()) return scanner.status().WithContext("scanner");
  s->scanner_ = std::make_unique<ModuleScanner>(*scanner);
  return s;
}

const TextScanner* ModuleServices::scanner() const { return scanner_.get(); }

StatusOr<Principal> ModuleServices::Authenticate(std::string_view api_key) {
  constexpr size_t kMaxCachedKeys = 10000;
  std::string digest = store::HashApiKeySecret(api_key);
  const auto now = std::chrono::steady_clock::now();
  uint64_t generation;
  {
    std::lock_guard lock(auth_mu_);
    auto it = auth_cache_.find(digest);
    if (it != auth_cache_.end()) {
      if (now < it->second.expires) return it->second.principal;
      auth_cache_.erase(it);
    }
    generation = auth_generation_;
  }
  HEGUI_ASSIGN_OR_RETURN(store::Principal p, store_->Authenticate(api_key));
  Principal principal{"user:" + std::to_string(p.user.id), p.key.key_id,
                      p.user.identity_status == store::IdentityStatus::kVerified};
  std::lock_guard lock(auth_mu_);
  // Not if an invalidation happened meanwhile: the answer may predate it.
  if (generation == auth_generation_) {
    if (auth_cache_.size() >= kMaxCachedKeys) auth_cache_.clear();
    auth_cache_[std::move(digest)] = CachedPrincipal{principal, now + kAuthCacheTtl};
  }
  return principal;
}

void ModuleServices::InvalidateAuthCache() {
  std::lock_guard lock(auth_mu_);
  auth_cache_.clear();
  ++auth_generation_;
}

StatusOr<bool> ModuleServices::CrossBorderPermitted(std::string_view upstream,
                                                    std::string_view region,
                                                    std::string_view data_class) {
  auto now =
      std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
  HEGUI_ASSIGN_OR_RETURN(auto found, store_->FindSecurityAssessment(upstream, data_class, now));
  return found.has_value() && found->region == region;
}

StatusOr<std::string> ModuleServices::QueueReview(const ReviewRequest& item) {
  store::NewReviewItem review;
  review.reason =
      item.where + " scan: policy action review" + (item.held ? " (held)" : " (delivered flagged)");
  review.category = item.category;
  review.article = item.article.empty() ? "" : "CSL-" + item.article;
  // The summary is masked: PI and lexicon hits replaced, at most 200 bytes.
  std::string summary = item.content.substr(0, 600);
  auto hits = scanner_->Scan(summary);
  if (hits.ok()) {
    std::string masked;
    size_t pos = 0;
    std::vector<ScanHit> sorted = *hits;
    std::sort(sorted.begin(), sorted.end(),
              [](const ScanHit& a, const ScanHit& b) { return a.offset < b.offset; });
    for (const ScanHit& h : sorted) {
      if (h.offset < pos) continue;
      masked += summary.substr(pos, h.offset - pos) + "[" + h.type + "]";
      pos = h.offset + h.length;
    }
    masked += summary.substr(std::min(pos, summary.size()));
    summary = masked;
  } else {
    summary = "(not shown: the summary could not be masked)";
  }
  if (summary.size() > 200) {
    size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(summary[cut]) & 0xC0) == 0x80) --cut;
    summary = summary.substr(0, cut) + "…";
  }
  review.request_summary = summary;
  review.request_id = item.request_id;
  review.side = item.where;
  review.held = item.held;
  if (item.user_id.rfind("user:", 0) == 0) {
    review.user_id = std::stoll(item.user_id.substr(5));
  }
  HEGUI_ASSIGN_OR_RETURN(store::ReviewItem created, store_->CreateReviewItem(review));
  return std::to_string(created.id);
}

Status ModuleServices::Fail(const Status& status) {
  {
    std::lock_guard lock(failure_mu_);
    if (log_failure_.empty()) log_failure_ = status.message();
  }
  log_failed_ = true;
  return status;
}

Status ModuleServices::EvidenceLogHealthy() {
  if (log_failed_.load()) {
    std::lock_guard lock(failure_mu_);
    return UnavailableError("an append to the evidence log failed: " + log_failure_);
  }
  return OkStatus();
}

std::vector<audit::Record> ModuleServices::CallRecords(const Call& call) {
  // Keys in alphabetical order, as nlohmann::json (a std::map) wrote them.
  // Built with JsonObjectWriter: the log takes it as a JSON object without
  // parsing it again (audit::Record::built_body).
  JsonObjectWriter w(512 + call.findings.size() * 160);
  w.Str("client", call.client_address);
  w.Int("completion_tokens", call.completion_tokens);
  w.Str("endpoint", EndpointName(call.endpoint));
  w.Str("error_code", call.reply ? std::string_view(call.reply->code) : std::string_view());
  w.BeginArray("findings");
  for (const CallFinding& f : call.findings) {
    w.BeginObject("");
    w.Str("action", f.action);
    w.Str("article", f.article);
    w.Str("kind", f.kind);
    w.Int("length", static_cast<int64_t>(f.length));
    w.Int("offset", static_cast<int64_t>(f.offset));
    w.Str("rule_id", f.rule_id);
    w.Str("type", f.type);
    w.Str("where", f.where);
    w.End();
  }
  w.End();
  w.Int("http_status", call.reply ? call.reply->http_status : 200);
  w.Bool("identity_verified", call.principal ? call.principal->identity_verified : false);
  w.Str("input_verdict", call.input_verdict);
  w.Double("latency_ms", std::chrono::duration<double, std::milli>(
                             std::chrono::steady_clock::now() - call.started)
                             .count());
  w.Str("model", call.model);
  w.Str("outcome", call.outcome);
  w.Str("output_verdict", call.output_verdict);
  w.Int("prompt_tokens", call.prompt_tokens);
  w.Str("request_id", call.request_id);
  w.Str("review_id", call.review_id);
  w.Bool("stream", call.stream);
  w.Str("upstream", call.upstream ? std::string_view(call.upstream->name) : std::string_view());
  w.Double("upstream_latency_ms",
           std::chrono::duration<double, std::milli>(call.upstream_latency).count());
  w.Str("upstream_region",
        call.upstream ? std::string_view(call.upstream->region) : std::string_view());

  std::vector<audit::Record> records;
  audit::Record record;
  record.kind = audit::RecordKind::kModelCall;
  record.actor = call.principal ? "key:" + call.principal->key_id : "anonymous";
  record.subject = call.principal ? call.principal->user_id : "";
  record.built_body = std::move(w).Finish();
  if (!call.withheld_input.empty() || !call.withheld_text.empty()) {
    if (record.subject.empty()) record.subject = "client:" + call.client_address;
    if (!call.withheld_input.empty()) record.sealed["blocked_input"] = call.withheld_input;
    if (!call.withheld_text.empty()) record.sealed["withheld_output"] = call.withheld_text;
  }
  records.push_back(std::move(record));
  if (!call.failure.empty()) {
    audit::Record failure;
    failure.kind = audit::RecordKind::kInterfaceFailure;
    failure.actor = "system";
    JsonObjectWriter fw;
    fw.Str("failure", call.failure);
    fw.Str("request_id", call.request_id);
    fw.Str("upstream", call.upstream ? std::string_view(call.upstream->name) : std::string_view());
    failure.built_body = std::move(fw).Finish();
    records.push_back(std::move(failure));
  }
  return records;
}

Status ModuleServices::RecordCall(const Call& call) {
  if (log_failed_.load()) return EvidenceLogHealthy();
  auto appended = log_->AppendAll(CallRecords(call));
  if (!appended.ok()) return Fail(appended.status());
  return OkStatus();
}

void ModuleServices::RecordCallAsync(const Call& call, std::function<void(Status)> done) {
  if (log_failed_.load()) {
    done(EvidenceLogHealthy());
    return;
  }
  pending_records_.fetch_add(1, std::memory_order_relaxed);
  log_->AppendAllAsync(CallRecords(call),
                       [this, done = std::move(done)](StatusOr<uint64_t> appended) {
                         done(appended.ok() ? OkStatus() : Fail(appended.status()));
                         // The lock only when a waiter may need waking: it
                         // tests the count under pending_mu_, so it either
                         // sees 0 or is waiting when notified.
                         if (pending_records_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
                           std::lock_guard lock(pending_mu_);
                           pending_cv_.notify_all();
                         }
                       });
}

void ModuleServices::WaitForPendingRecords() {
  std::unique_lock lock(pending_mu_);
  pending_cv_.wait(lock, [&] { return pending_records_.load(std::memory_order_acquire) == 0; });
}

Status ModuleServices::RecordAdminEvent(std::string_view kind, std::string_view actor,
                                        std::string body_json) {
  HEGUI_ASSIGN_OR_RETURN(audit::RecordKind k, audit::ParseRecordKind(kind));
  audit::Record record;
  record.kind = k;
  record.actor = std::string(actor);
  record.body = std::move(body_json);
  auto appended = log_->Append(record);
  if (!appended.ok()) return Fail(appended.status());
  return OkStatus();
}

}  // namespace hegui::gateway
