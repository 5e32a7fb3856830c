// The progress line `analyze` keeps on stderr when stderr is a terminal:
// documents and megabytes done, the rate, and the time left when the total
// size is known. Redrawn at most a few times a second, so that it costs
// nothing per document.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace conduct::cli {

class ProgressLine {
 public:
  /// `total_bytes`: the size of all inputs, when known (regular files only).
  explicit ProgressLine(std::optional<std::uint64_t> total_bytes);

  /// Redraws the line if enough time has passed since the last time.
  void update(std::size_t documents, std::uint64_t bytes);
  /// Clears the line, so that what follows starts at the left margin.
  void clear();

 private:
  using Clock = std::chrono::steady_clock;
  std::optional<std::uint64_t> total_bytes_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
  bool drawn_ = false;
};

/// "1.2 MB", "340 kB": bytes for people.
std::string megabytes(std::uint64_t bytes);

}  // namespace conduct::cli
