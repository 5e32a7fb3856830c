#include "lexicon/checked_patterns.h"

#include <unistd.h>

#include <fstream>
#include <functional>
#include <system_error>
#include <thread>

#include "core/sha256.h"

namespace conduct {
namespace {

// A line of the file: one lower-case hex SHA-256.
constexpr std::size_t kDigestSize = 64;
// Larger files are not ours (a lexicon of 100,000 rules is 6.5 MB).
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{64} << 20;

bool is_digest(const std::string& line) {
  if (line.size() != kDigestSize) return false;
  for (char c : line) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

CheckedPatterns::CheckedPatterns(const std::filesystem::path& folder)
    : file_(folder / ("checked-patterns-" CONDUCT_VERSION)) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file_, error) ||
      std::filesystem::file_size(file_, error) > kMaxFileBytes || error) {
    return;
  }
  std::ifstream in(file_);
  std::string line;
  while (std::getline(in, line)) {
    if (is_digest(line)) digests_.insert(line);
  }
}

bool CheckedPatterns::contains(std::string_view pattern) const {
  return !digests_.empty() && digests_.count(sha256_hex(pattern)) > 0;
}

void CheckedPatterns::add(std::string_view pattern) {
  if (file_.empty()) return;
  changed_ = digests_.insert(sha256_hex(pattern)).second || changed_;
}

void CheckedPatterns::save() const {
  if (!changed_ || file_.empty()) return;
  std::error_code error;
  std::filesystem::create_directories(file_.parent_path(), error);
  if (error) return;
  // Unique to this process and thread: two loads never share a temporary.
  const std::filesystem::path temporary =
      file_.string() + ".tmp-" + std::to_string(::getpid()) + "-" +
      std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  {
    std::ofstream out(temporary, std::ios::trunc);
    for (const std::string& digest : digests_) out << digest << '\n';
    out.flush();
    if (!out) {
      std::filesystem::remove(temporary, error);
      return;
    }
  }
  std::filesystem::rename(temporary, file_, error);
  if (error) std::filesystem::remove(temporary, error);
}

}  // namespace conduct
