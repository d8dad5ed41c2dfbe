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

void CounterFamily::Inc(const std::vector<std::string>& values, double by) {
  std::lock_guard lock(mu_);
  samples_[values] += by;
}

double CounterFamily::Get(const std::vector<std::string>& values) const {
  std::lock_guard lock(mu_);
  auto it = samples_.find(values);
  return it == samples_.end() ? 0 : it->second;
}

void CounterFamily::Render(std::string* out) const {
  *out += "# HELP " + name_ + " " + help_ + "\n# TYPE " + name_ + " counter\n";
  std::lock_guard lock(mu_);
  for (const auto& [values, v] : samples_) {
    *out += name_ + Labels(labels_, values) + " " + Number(v) + "\n";
  }
}

HistogramFamily::HistogramFamily(std::string name, std::string help,
                                 std::vector<std::string> labels, std::vector<double> bounds)
    : name_(std::move(name)),
      help_(std::move(help)),
      labels_(std::move(labels)),
      bounds_(std::move(bounds)) {}

void HistogramFamily::Observe(const std::vector<std::string>& values, double value) {
  std::lock_guard lock(mu_);
  Sample& s = samples_[values];
  if (s.counts.empty()) s.counts.assign(bounds_.size() + 1, 0);
  size_t i = 0;
  while (i < bounds_.size() && value > bounds_[i]) ++i;
  s.counts[i] += 1;
  s.sum += value;
  s.count += 1;
}

void HistogramFamily::Render(std::string* out) const {
  *out += "# HELP " + name_ + " " + help_ + "\n# TYPE " + name_ + " histogram\n";
  std::lock_guard lock(mu_);
  for (const auto& [values, s] : samples_) {
    double cumulative = 0;
    for (size_t i = 0; i <= bounds_.size(); ++i) {
      cumulative += s.counts[i];
      std::string le = i < bounds_.size() ? Number(bounds_[i]) : "+Inf";
      *out += name_ + "_bucket" + Labels(labels_, values, "le=\"" + le + "\"") + " " +
              Number(cumulative) + "\n";
    }
    *out += name_ + "_sum" + Labels(labels_, values) + " " + Number(s.sum) + "\n";
    *out += name_ + "_count" + Labels(labels_, values) + " " + Number(s.count) + "\n";
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
