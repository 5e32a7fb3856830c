// Work started on another thread while the caller goes on: loading the
// lexicon files and the models overlaps, which a small file's start-up is
// mostly made of.
#pragma once

#include <future>
#include <system_error>
#include <type_traits>

namespace conduct {

/// Runs `task` on a thread of its own when one can be started, else when
/// the result is first asked for (out of threads, loading still works).
/// `task` is copied: capture by reference only what outlives the future.
template <typename Task>
std::future<std::invoke_result_t<Task>> run_in_background(Task task) {
  try {
    return std::async(std::launch::async, task);
  } catch (const std::system_error&) {
    return std::async(std::launch::deferred, task);
  }
}

}  // namespace conduct
