#include "gateway/read_deadline.h"

namespace hegui::gateway {

ReadDeadline::ReadDeadline(beast::tcp_stream& stream) : state_(std::make_shared<State>(stream)) {}

ReadDeadline::~ReadDeadline() {
  state_->closed = true;
  state_->timer.cancel();
}

void ReadDeadline::Start(std::chrono::milliseconds limit) {
  State& s = *state_;
  s.deadline = Clock::now() + limit;
  s.reading = true;
  s.expired = false;
  if (!s.armed || s.deadline < s.armed_for) Arm(state_);
}

bool ReadDeadline::Stop() {
  state_->reading = false;
  return state_->expired;
}

void ReadDeadline::Arm(const std::shared_ptr<State>& state) {
  State& s = *state;
  s.armed = true;
  s.armed_for = s.deadline;
  uint64_t generation = ++s.generation;
  s.timer.expires_at(s.deadline);  // Cancels the older wait, if any.
  s.timer.async_wait([state, generation](boost::system::error_code) {
    State& s = *state;
    if (s.closed || generation != s.generation) return;
    s.armed = false;
    if (!s.reading) return;  // The next read arms it again.
    if (Clock::now() < s.deadline) {
      Arm(state);  // The deadline moved on since this wait began.
      return;
    }
    s.expired = true;
    boost::system::error_code ignored;
    s.socket->cancel(ignored);
  });
}

}  // namespace hegui::gateway
