#include "cli/progress.h"

#include <cstdio>
#include <iostream>

namespace conduct::cli {
namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(250);

std::string clock_time(double seconds) {
  const auto whole = static_cast<long>(seconds + 0.5);
  char text[32];
  std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", whole / 3600, whole / 60 % 60, whole % 60);
  return text;
}

}  // namespace

std::string megabytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

ProgressLine::ProgressLine(std::optional<std::uint64_t> total_bytes) : total_bytes_(total_bytes) {}

void ProgressLine::update(std::size_t documents, std::uint64_t bytes) {
  const auto now = Clock::now();
  if (now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(bytes) / seconds : 0;
  std::string line = "conduct: " + std::to_string(documents) + " documents, " + megabytes(bytes);
  if (total_bytes_ && *total_bytes_ > 0) line += " of " + megabytes(*total_bytes_);
  line += ", " + megabytes(static_cast<std::uint64_t>(rate)) + "/s";
  if (total_bytes_ && rate > 0 && *total_bytes_ >= bytes) {
    line += ", " + clock_time(static_cast<double>(*total_bytes_ - bytes) / rate) + " left";
  }
  std::cerr << "\r\033[K" << line << std::flush;
  drawn_ = true;
}

void ProgressLine::clear() {
  if (drawn_) std::cerr << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace conduct::cli
