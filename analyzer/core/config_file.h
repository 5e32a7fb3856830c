// Reading a configuration file (policy, lexicon, lists, sentiment lexicon
// and overlay, model) whole, within limits: it must be a regular file, so
// that a policy linked to /dev/zero or a FIFO is an error rather than a read
// that never ends, and no larger than a bound, checked before reading.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "core/error.h"

namespace conduct {

/// Largest text configuration file read: policy, lexicons, lists, sentiment
/// lexicon and overlay (the shipped ones are under 0.5 MB).
inline constexpr std::size_t kMaxConfigFileBytes = std::size_t{64} << 20;
/// Largest model file read (the shipped ones are a few MB).
inline constexpr std::size_t kMaxModelFileBytes = std::size_t{1} << 30;

/// The bytes of `path` (a symlink to a regular file is followed). Error
/// unreadable_file (file: `path`; message: the reason alone, for callers to
/// put in their words) when it cannot be opened or read, is not a
/// regular file (a folder, device or FIFO: nothing is read), or is larger
/// than `max_bytes`; callers give the error their own code where they have
/// one.
Result<std::string> read_config_file(const std::filesystem::path& path,
                                     std::size_t max_bytes = kMaxConfigFileBytes);

}  // namespace conduct
