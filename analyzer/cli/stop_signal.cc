#include "cli/stop_signal.h"

#include <csignal>

namespace conduct::cli {
namespace {

// Written only by the handler; lock-free atomics are async-signal-safe.
std::atomic<bool> stop_requested{false};
std::atomic<int> stopped_by{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

extern "C" void request_stop(int signal) {
  stopped_by.store(signal, std::memory_order_relaxed);
  stop_requested.store(true, std::memory_order_relaxed);
}

}  // namespace

const std::atomic<bool>& stop_on_signals() {
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // no SA_RESTART: a waiting read returns EINTR
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  return stop_requested;
}

int stop_signal() {
  return stopped_by.load(std::memory_order_relaxed);
}

}  // namespace conduct::cli
