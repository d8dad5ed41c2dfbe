// FakeServices: an in-memory GatewayServices for the gateway's tests.
//
// Keys map to principals; the scanner finds fixed lexicon terms and mainland
// mobile numbers (1[3-9] + 9 digits) by plain search, with a stream scan that
// holds back (longest term - 1) bytes — enough for a term split across
// chunks. Every record, review and failure switch is visible to the test.
// Thread-safe (one mutex).
#ifndef HEGUI_TESTS_GATEWAY_FAKE_SERVICES_H_
#define HEGUI_TESTS_GATEWAY_FAKE_SERVICES_H_

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "gateway/services.h"

namespace hegui::gateway::testing {

struct FakeTerm {
  std::string term;
  std::string category;
  std::string article;
};

class FakeScanner : public TextScanner {
 public:
  explicit FakeScanner(std::vector<FakeTerm> terms) : terms_(std::move(terms)) {
    for (const auto& t : terms_) max_len_ = std::max(max_len_, t.term.size());
    max_len_ = std::max<size_t>(max_len_, 11);
  }

  StatusOr<std::vector<ScanHit>> Scan(std::string_view text) const override {
    if (fail) return UnavailableError("fake scanner failure");
    std::vector<ScanHit> hits;
    for (const auto& t : terms_) {
      for (size_t pos = text.find(t.term); pos != std::string_view::npos;
           pos = text.find(t.term, pos + 1)) {
        hits.push_back(
            ScanHit{"lexicon", t.category, t.article, "lex-" + t.term, pos, t.term.size()});
      }
    }
    for (size_t i = 0; i + 11 <= text.size(); ++i) {
      bool mobile = text[i] == '1' && text[i + 1] >= '3' && text[i + 1] <= '9';
      for (size_t k = 2; mobile && k < 11; ++k)
        mobile = isdigit(static_cast<unsigned char>(text[i + k]));
      bool bounded = (i == 0 || !isdigit(static_cast<unsigned char>(text[i - 1]))) &&
                     (i + 11 == text.size() || !isdigit(static_cast<unsigned char>(text[i + 11])));
      if (mobile && bounded) {
        hits.push_back(ScanHit{"pi", "mobile", "42", "pi-mobile", i, 11});
        i += 10;
      }
    }
    return hits;
  }

  class Stream : public StreamScan {
   public:
    explicit Stream(const FakeScanner* scanner) : scanner_(scanner) {}
    Status Feed(std::string_view chunk, std::string* released,
                std::vector<ScanHit>* hits) override {
      buffer_ += chunk;
      return Step(false, released, hits);
    }
    Status Drain(std::string* released, std::vector<ScanHit>* hits) override {
      return Step(false, released, hits);
    }
    Status Finish(std::string* released, std::vector<ScanHit>* hits) override {
      return Step(true, released, hits);
    }

   private:
    Status Step(bool last, std::string* released, std::vector<ScanHit>* hits) {
      auto found = scanner_->Scan(buffer_);
      if (!found.ok()) return found.status();
      for (const ScanHit& h : *found) {
        if (reported_.insert(base_ + h.offset).second) {
          ScanHit shifted = h;
          shifted.offset += base_;
          hits->push_back(shifted);
        }
      }
      size_t keep = last ? 0 : std::min(buffer_.size(), scanner_->max_len_ - 1);
      size_t n = buffer_.size() - keep;
      released->append(buffer_, 0, n);
      buffer_.erase(0, n);
      base_ += n;
      return OkStatus();
    }
    const FakeScanner* scanner_;
    std::string buffer_;
    size_t base_ = 0;
    std::set<size_t> reported_;
  };

  std::unique_ptr<StreamScan> OpenStream() const override { return std::make_unique<Stream>(this); }

  bool fail = false;

 private:
  std::vector<FakeTerm> terms_;
  size_t max_len_ = 0;
};

class FakeServices : public GatewayServices {
 public:
  FakeServices()
      : scanner_({{"forbiddenword", "prohibited", "12"},
                  {"禁词", "prohibited", "12"},
                  {"reviewme", "borderline", "49"},
                  {"secretplan", "important_data", "21"}}) {}

  StatusOr<Principal> Authenticate(std::string_view key) override {
    std::lock_guard lock(mu);
    if (store_down) return UnavailableError("store down");
    auto it = keys.find(std::string(key));
    if (it == keys.end()) return UnauthenticatedError("unknown key");
    return it->second;
  }
  StatusOr<bool> CrossBorderPermitted(std::string_view upstream, std::string_view,
                                      std::string_view data_class) override {
    std::lock_guard lock(mu);
    if (store_down) return UnavailableError("store down");
    return assessments.count(std::string(upstream) + "/" + std::string(data_class)) > 0;
  }
  StatusOr<std::string> QueueReview(const ReviewRequest& item) override {
    std::lock_guard lock(mu);
    if (store_down) return UnavailableError("store down");
    reviews.push_back(item);
    return "rev-" + std::to_string(reviews.size());
  }
  const TextScanner* scanner() const override { return &scanner_; }
  Status RecordCall(const Call& call) override {
    std::lock_guard lock(mu);
    if (audit_down) return UnavailableError("disk full");
    records.push_back(call);
    return OkStatus();
  }
  Status EvidenceLogHealthy() override {
    std::lock_guard lock(mu);
    return audit_down ? UnavailableError("disk full") : OkStatus();
  }

  std::vector<Call> Records() {
    std::lock_guard lock(mu);
    return records;
  }

  std::mutex mu;
  std::map<std::string, Principal> keys = {{"sk-verified", {"alice", "key-1", true}},
                                           {"sk-unverified", {"bob", "key-2", false}}};
  std::set<std::string> assessments;
  std::vector<ReviewRequest> reviews;
  std::vector<Call> records;
  bool store_down = false;
  bool audit_down = false;
  FakeScanner scanner_;
};

}  // namespace hegui::gateway::testing

#endif  // HEGUI_TESTS_GATEWAY_FAKE_SERVICES_H_
