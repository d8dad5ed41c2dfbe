// Metrics: the gateway's counters and histograms, rendered in the Prometheus
// text exposition format (version 0.0.4) at GET /metrics.
//
// Families are declared once (name, help, label names); a sample is addressed
// by its label values. Thread-safe: Inc/Observe may be called from every
// server thread; Render() takes a consistent-enough snapshot (each sample is
// read atomically). Label values are escaped on output. Cost: one mutex-guarded
// map lookup per update. Outlives every Stage that records into it.
#ifndef HEGUI_GATEWAY_METRICS_H_
#define HEGUI_GATEWAY_METRICS_H_

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hegui::gateway {

class CounterFamily {
 public:
  CounterFamily(std::string name, std::string help, std::vector<std::string> labels);
  void Inc(const std::vector<std::string>& values, double by = 1);
  double Get(const std::vector<std::string>& values) const;
  void Render(std::string* out) const;

 private:
  std::string name_, help_;
  std::vector<std::string> labels_;
  mutable std::mutex mu_;
  std::map<std::vector<std::string>, double> samples_;
};

class HistogramFamily {
 public:
  // `bounds` are the bucket upper bounds, ascending (seconds for latencies).
  HistogramFamily(std::string name, std::string help, std::vector<std::string> labels,
                  std::vector<double> bounds);
  void Observe(const std::vector<std::string>& values, double value);
  void Render(std::string* out) const;

 private:
  struct Sample {
    std::vector<double> counts;  // Per bucket, not cumulative.
    double sum = 0;
    double count = 0;
  };
  std::string name_, help_;
  std::vector<std::string> labels_;
  std::vector<double> bounds_;
  mutable std::mutex mu_;
  std::map<std::vector<std::string>, Sample> samples_;
};

// The gateway's metrics (docs/gateway.md, "Metrics").
struct Metrics {
  Metrics();
  std::string Render() const;

  CounterFamily requests;            // endpoint, outcome, status
  CounterFamily blocks;              // where, category, article
  CounterFamily reviews;             // where, category, article
  CounterFamily pi_findings;         // where, type
  CounterFamily upstream_errors;     // upstream, kind
  HistogramFamily request_latency;   // endpoint
  HistogramFamily upstream_latency;  // upstream
  HistogramFamily audit_append_latency;
  CounterFamily config_reloads;  // result
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_METRICS_H_
