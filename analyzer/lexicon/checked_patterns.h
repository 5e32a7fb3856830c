// Rule patterns RE2 has accepted before, remembered in a file of the user's
// cache folder: checking a pattern means compiling it, and compiling every
// rule was half of a small file's start-up. Patterns found here are compiled
// only when a sentence first needs them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_set>

namespace conduct {

/// The digests (SHA-256) of patterns that compiled under
/// rule_regex_options(), within its memory budget, and did not match the
/// empty string. The file is keyed by conduct's version, so another build
/// checks every pattern again. Only saves time: a missing, unreadable or
/// unwritable file means every pattern is checked. Safe to read from several
/// threads; add and save from one.
class CheckedPatterns {
 public:
  /// No file: nothing is known, nothing is saved.
  CheckedPatterns() = default;
  /// The patterns of the cache file in `folder` (none when it is missing or
  /// unreadable); save() writes there.
  explicit CheckedPatterns(const std::filesystem::path& folder);

  bool contains(std::string_view pattern) const;
  void add(std::string_view pattern);
  /// Writes the file when add() gave it new patterns: a temporary file
  /// beside it, renamed over it, so concurrent runs never see half a file.
  /// Failures are ignored.
  void save() const;
  /// The file this cache reads and writes (empty without a folder).
  const std::filesystem::path& file() const { return file_; }
  std::size_t size() const { return digests_.size(); }

 private:
  std::filesystem::path file_;
  std::unordered_set<std::string> digests_;
  bool changed_ = false;
};

}  // namespace conduct
