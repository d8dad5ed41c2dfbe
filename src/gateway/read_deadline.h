// ReadDeadline: the deadline of the reads (and writes) on one connection, kept
// by one timer for the connection's life instead of one timer operation per
// read.
//
// beast::tcp_stream's own timeout arms its timer at every operation and closes
// the socket when it fires. ReadDeadline instead CANCELS the pending
// operations when the deadline passes (the server can then still answer 408;
// the upstream client reports a timeout and drops the connection). Starting a
// read only sets the deadline: the timer is moved only when the new deadline
// comes before the one it waits for, and when it fires early (the deadline
// moved on) it waits again, so a kept-alive connection with a long timeout
// costs about no timer operation per request.
//
// Example:
//   ReadDeadline deadline(stream);
//   deadline.Start(std::chrono::seconds(60));
//   co_await http::async_read_header(stream, buffer, parser, redirect_error(use_awaitable, ec));
//   if (deadline.Stop() && ec) ... timed out ...
//
// Lifetime: the stream must outlive the ReadDeadline; the timer's handler holds
// only the shared state and touches the socket only while a read is watched.
// Thread-safety: used from the stream's (single-threaded) io_context only.
#ifndef HEGUI_GATEWAY_READ_DEADLINE_H_
#define HEGUI_GATEWAY_READ_DEADLINE_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <utility>  // Before Asio (see asio.h).

#include "gateway/asio.h"

namespace hegui::gateway {

class ReadDeadline {
 public:
  explicit ReadDeadline(beast::tcp_stream& stream);
  ~ReadDeadline();
  ReadDeadline(const ReadDeadline&) = delete;
  ReadDeadline& operator=(const ReadDeadline&) = delete;

  // Watches the operations that must be complete within `limit` from now.
  void Start(std::chrono::milliseconds limit);
  // They are over; returns whether they were cancelled by the deadline.
  bool Stop();

 private:
  using Clock = std::chrono::steady_clock;
  struct State {
    explicit State(beast::tcp_stream& stream)
        : timer(stream.get_executor()), socket(&stream.socket()) {}
    net::steady_timer timer;
    tcp::socket* socket;
    Clock::time_point deadline;
    Clock::time_point armed_for;
    uint64_t generation = 0;  // Of the newest wait; older waits are stale.
    bool armed = false;
    bool reading = false;
    bool expired = false;
    bool closed = false;
  };

  static void Arm(const std::shared_ptr<State>& state);

  std::shared_ptr<State> state_;
};

}  // namespace hegui::gateway

#endif  // HEGUI_GATEWAY_READ_DEADLINE_H_
