// Metrics: the gateway's counters and histograms, rendered in the Prometheus
// text exposition format (version 0.0.4) at GET /metrics.
//
// Families are declared once (name, help, label names); a sample is addressed
// by its label values. Thread-safe: Inc/Observe may be called from every
// server thread; Render() takes a consistent-enough snapshot (each number is
// read atomically). Label values are escaped on output. Cost: addressing a
// sample by its label values is one mutex-guarded map lookup; Sample()
// returns a handle to it that stays valid for the family's life, and updating
// through a handle takes no lock (the stages resolve their handles once and
// keep them). Outlives every Stage that records into it.
#ifndef HEGUI_GATEWAY_METRICS_H_
#define HEGUI_GATEWAY_METRICS_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hegui::gateway {

class CounterFamily {
 public:
  // One labelled sample. Inc is lock-free.
  class Counter {
   public:
    void Inc(double by = 1) { value_.fetch_add(by, std::memory_order_relaxed); }
    double value() const { return value_.load(std::memory_order_relaxed); }

   private:
    std::atomic<double> value_{0};
  };

  CounterFamily(std::string name, std::string help, std::vector<std::string> labels);
  // The sample with these label values (created at 0 if new).
  Counter& Sample(const std::vector<std::string>& values);
  void Inc(const std::vector<std::string>& values, double by = 1) { Sample(values).Inc(by); }
  double Get(const std::vector<std::string>& values) const;
  void Render(std::string* out) const;

 private:
  std::string name_, help_;
  std::vector<std::string> labels_;
  mutable std::mutex mu_;
  std::map<std::vector<std::string>, Counter> samples_;  // Nodes never move.
};

class HistogramFamily {
 public:
  // One labelled sample. Observe is lock-free.
  class Histogram {
   public:
    explicit Histogram(const std::vector<double>* bounds);
    void Observe(double value);

   private:
    friend class HistogramFamily;
    const std::vector<double>* bounds_;                // The family's.
    std::unique_ptr<std::atomic<uint64_t>[]> counts_;  // Per bucket, not cumulative.
    std::atomic<double> sum_{0};
  };

  // `bounds` are the bucket upper bounds, ascending (seconds for latencies).
  HistogramFamily(std::string name, std::string help, std::vector<std::string> labels,
                  std::vector<double> bounds);
  // The sample with these label values (created empty if new).
  Histogram& Sample(const std::vector<std::string>& values);
  void Observe(const std::vector<std::string>& values, double value) {
    Sample(values).Observe(value);
  }
  void Render(std::string* out) const;

 private:
  std::string name_, help_;
  std::vector<std::string> labels_;
  std::vector<double> bounds_;
  mutable std::mutex mu_;
  std::map<std::vector<std::string>, std::unique_ptr<Histogram>> samples_;
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
