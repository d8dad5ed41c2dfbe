#include "gateway/metrics.h"

#include <cstdio>

namespace hegui::gateway {

namespace {

std::string Escape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string Labels(const std::vector<std::string>& names, const std::vector<std::string>& values,
                   const std::string& extra = "") {
  std::string out;
  for (size_t i = 0; i < names.size() && i < values.size(); ++i) {
    out += out.empty() ? "{" : ",";
    out += names[i] + "=\"" + Escape(values[i]) + "\"";
  }
  if (!extra.empty()) out += (out.empty() ? "{" : ",") + extra;
  if (!out.empty()) out += "}";
  return out;
}

std::string Number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

CounterFamily::CounterFamily(std::string name, std::string help, std::vector<std::string> labels)
    : name_(std::move(name)), help_(std::move(help)), labels_(std::move(labels)) {}

CounterFamily::Counter& CounterFamily::Sample(const std::vector<std::string>& values) {
  std::lock_guard lock(mu_);
  return samples_[values];
}

double CounterFamily::Get(const std::vector<std::string>& values) const {
  std::lock_guard lock(mu_);
  auto it = samples_.find(values);
  return it == samples_.end() ? 0 : it->second.value();
}

void CounterFamily::Render(std::string* out) const {
  *out += "# HELP " + name_ + " " + help_ + "\n# TYPE " + name_ + " counter\n";
  std::lock_guard lock(mu_);
  for (const auto& [values, counter] : samples_) {
    *out += name_ + Labels(labels_, values) + " " + Number(counter.value()) + "\n";
  }
}

HistogramFamily::Histogram::Histogram(const std::vector<double>* bounds)
    : bounds_(bounds), counts_(new std::atomic<uint64_t>[bounds->size() + 1]) {
  for (size_t i = 0; i <= bounds_->size(); ++i) counts_[i].store(0, std::memory_order_relaxed);
}

void HistogramFamily::Histogram::Observe(double value) {
  size_t i = 0;
  while (i < bounds_->size() && value > (*bounds_)[i]) ++i;
  counts_[i].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

HistogramFamily::HistogramFamily(std::string name, std::string help,
                                 std::vector<std::string> labels, std::vector<double> bounds)
    : name_(std::move(name)),
      help_(std::move(help)),
      labels_(std::move(labels)),
      bounds_(std::move(bounds)) {}

HistogramFamily::Histogram& HistogramFamily::Sample(const std::vector<std::string>& values) {
  std::lock_guard lock(mu_);
  std::unique_ptr<Histogram>& h = samples_[values];
  if (!h) h = std::make_unique<Histogram>(&bounds_);
  return *h;
}

void HistogramFamily::Render(std::string* out) const {
  *out += "# HELP " + name_ + " " + help_ + "\n# TYPE " + name_ + " histogram\n";
  std::lock_guard lock(mu_);
  for (const auto& [values, h] : samples_) {
    // _count is the +Inf bucket, so the two always agree.
    uint64_t cumulative = 0;
    for (size_t i = 0; i <= bounds_.size(); ++i) {
      cumulative += h->counts_[i].load(std::memory_order_relaxed);
      std::string le = i < bounds_.size() ? Number(bounds_[i]) : "+Inf";
      *out += name_ + "_bucket" + Labels(labels_, values, "le=\"" + le + "\"") + " " +
              Number(static_cast<double>(cumulative)) + "\n";
    }
    *out += name_ + "_sum" + Labels(labels_, values) + " " +
            Number(h->sum_.load(std::memory_order_relaxed)) + "\n";
    *out += name_ + "_count" + Labels(labels_, values) + " " +
            Number(static_cast<double>(cumulative)) + "\n";
  }
}

namespace {
const std::vector<double> kLatencyBounds = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                            0.1,    0.25,  0.5,    1,     2.5,  5,     10};
}

Metrics::Metrics()
    : requests("hegui_requests_total", "Model calls by endpoint, outcome and HTTP status.",
               {"endpoint", "outcome", "status"}),
      blocks("hegui_blocks_total", "Calls blocked or cut, by where, category and CSL article.",
             {"where", "category", "article"}),
      reviews("hegui_reviews_total", "Items sent to human review, by where, category and article.",
              {"where", "category", "article"}),
      pi_findings("hegui_pi_findings_total", "Personal information found, by where and type.",
                  {"where", "type"}),
      upstream_errors("hegui_upstream_errors_total", "Upstream failures by upstream and kind.",
                      {"upstream", "kind"}),
      request_latency("hegui_request_duration_seconds", "Whole-call latency seen by the gateway.",
                      {"endpoint"}, kLatencyBounds),
      upstream_latency("hegui_upstream_duration_seconds",
                       "Upstream latency until the response headers.", {"upstream"},
                       kLatencyBounds),
      audit_append_latency("hegui_audit_append_duration_seconds",
                           "Latency of a durable evidence-log append.", {}, kLatencyBounds),
      config_reloads("hegui_config_reloads_total", "Configuration reloads by result.", {"result"}) {
}

std::string Metrics::Render() const {
  std::string out;
  requests.Render(&out);
  blocks.Render(&out);
  reviews.Render(&out);
  pi_findings.Render(&out);
  upstream_errors.Render(&out);
  request_latency.Render(&out);
  upstream_latency.Render(&out);
  audit_append_latency.Render(&out);
  config_reloads.Render(&out);
  return out;
}

}  // namespace hegui::gateway
