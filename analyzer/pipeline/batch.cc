#include "pipeline/batch.h"

#include <pthread.h>

#include <condition_variable>
#include <csignal>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

namespace conduct {
namespace {

// A slot per record in flight: the reader fills `input`, a worker fills
// `output`, the caller's thread emits slots from the front in order.
struct Slot {
  InputRecord input;
  std::optional<RecordOutput> output;
  bool claimed = false;
};

// Blocks SIGINT and SIGTERM on the calling thread while alive: threads made
// meanwhile inherit the mask, so those signals always reach the reading thread.
class BlockStopSignals {
 public:
  BlockStopSignals() {
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, &saved_);
  }
  ~BlockStopSignals() { pthread_sigmask(SIG_SETMASK, &saved_, nullptr); }
  BlockStopSignals(const BlockStopSignals&) = delete;
  BlockStopSignals& operator=(const BlockStopSignals&) = delete;

 private:
  sigset_t saved_{};
};

}  // namespace

BatchCounts run_batch(RecordReader& reader, unsigned jobs,
                      const std::function<RecordOutput(InputRecord&)>& guarded,
                      const std::function<void(const RecordOutput&)>& emit,
                      const FailureHandler& on_failure, const std::function<void()>& flush) {
  // One document's failure is that document's error record, never the batch's end.
  const auto process = [&](InputRecord& record) -> RecordOutput {
    try {
      return guarded(record);
    } catch (const std::exception& e) {
      RecordOutput output = on_failure(record, e.what());
      output.is_error = true;
      return output;
    } catch (...) {
      RecordOutput output = on_failure(record, "unknown exception");
      output.is_error = true;
      return output;
    }
  };
  BatchCounts counts;
  auto count = [&counts, &emit](const RecordOutput& output) {
    ++counts.records;
    if (output.is_error) ++counts.errors;
    emit(output);
  };

  const std::size_t window = static_cast<std::size_t>(jobs) * 4;
  std::mutex mutex;
  std::condition_variable work_ready;    // a slot waits for a worker, or input ended
  std::condition_variable result_ready;  // the front slot may be done
  std::deque<std::unique_ptr<Slot>> slots;
  bool input_done = false;

  auto worker = [&] {
    std::unique_lock lock(mutex);
    while (true) {
      Slot* todo = nullptr;
      for (auto& slot : slots) {
        if (!slot->claimed) {
          todo = slot.get();
          break;
        }
      }
      if (todo == nullptr) {
        if (input_done) return;
        work_ready.wait(lock);
        continue;
      }
      todo->claimed = true;
      lock.unlock();
      RecordOutput output = process(todo->input);
      lock.lock();
      todo->output = std::move(output);
      result_ready.notify_all();
    }
  };
  std::vector<std::thread> threads;
  if (jobs > 1) {
    const BlockStopSignals blocked;
    threads.reserve(jobs);
    for (unsigned i = 0; i < jobs; ++i) {
      try {
        threads.emplace_back(worker);
      } catch (const std::system_error&) {
        break;  // the system makes no more threads: go on with those there are
      }
    }
  }

  if (threads.empty()) {
    reader.before_waiting(flush);  // every record read is emitted already
    InputRecord record;
    while (reader.next(record)) {
      ++counts.read;
      count(process(record));
    }
    reader.before_waiting({});
    return counts;
  }

  auto emit_ready = [&](std::unique_lock<std::mutex>& lock, bool wait_for_one) {
    while (!slots.empty()) {
      if (!slots.front()->output) {
        if (!wait_for_one) return;
        result_ready.wait(lock);
        continue;
      }
      std::unique_ptr<Slot> done = std::move(slots.front());
      slots.pop_front();
      lock.unlock();
      count(*done->output);
      lock.lock();
      wait_for_one = false;
    }
  };
  reader.before_waiting([&] {
    std::unique_lock lock(mutex);
    while (!slots.empty()) emit_ready(lock, true);
    lock.unlock();
    flush();
  });

  while (true) {
    auto slot = std::make_unique<Slot>();
    if (!reader.next(slot->input)) break;
    ++counts.read;
    std::unique_lock lock(mutex);
    slots.push_back(std::move(slot));
    work_ready.notify_one();
    emit_ready(lock, slots.size() >= window);
  }
  reader.before_waiting({});
  {
    std::unique_lock lock(mutex);
    input_done = true;
    work_ready.notify_all();
    while (!slots.empty()) emit_ready(lock, true);
  }
  for (auto& thread : threads) thread.join();
  return counts;
}

}  // namespace conduct
