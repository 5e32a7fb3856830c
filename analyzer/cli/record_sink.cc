#include "cli/record_sink.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace conduct::cli {
namespace {

// Records go out in writes of about this size: big enough to cost nothing.
constexpr std::size_t kWriteBytes = std::size_t{1} << 20;

Error io_error(const std::string& path, const std::string& what, int failure) {
  return Error{ErrorCode::io_error,
               "cannot write " + path + ": " + what + ": " + std::strerror(failure), path, 0};
}

// The mode a new file gets: 0666 less the umask, as open(2) would give it.
mode_t new_file_mode() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

RecordSink::RecordSink(int fd, std::string path, std::string temporary)
    : fd_(fd), path_(std::move(path)), temporary_(std::move(temporary)) {}

RecordSink::RecordSink(RecordSink&& other) noexcept
    : fd_(other.fd_),
      path_(std::move(other.path_)),
      temporary_(std::move(other.temporary_)),
      buffer_(std::move(other.buffer_)),
      failure_(other.failure_) {
  other.fd_ = -1;
  other.temporary_.clear();
}

RecordSink::~RecordSink() {
  abandon();
}

Result<RecordSink> RecordSink::open(const std::string& path) {
  if (path.empty() || path == "-") return RecordSink(STDOUT_FILENO, "", "");
  struct stat info {};
  const bool exists = ::stat(path.c_str(), &info) == 0;
  if (exists && S_ISDIR(info.st_mode)) return io_error(path, "a folder", EISDIR);
  if (exists && !S_ISREG(info.st_mode)) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return io_error(path, "cannot open", errno);
    return RecordSink(fd, path, "");
  }
  const std::filesystem::path target(path);
  const std::filesystem::path folder =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string pattern = (folder / ("." + target.filename().string() + ".conduct-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) return io_error(path, "cannot make a temporary file beside it", errno);
  ::fchmod(fd, exists ? (info.st_mode & 07777) : new_file_mode());
  return RecordSink(fd, path, std::string(name.data()));
}

void RecordSink::write(std::string_view text) {
  buffer_.append(text);
  if (buffer_.size() >= kWriteBytes) flush();
}

void RecordSink::flush() {
  std::size_t done = 0;
  while (done < buffer_.size() && failure_ == 0 && fd_ >= 0) {
    const ssize_t wrote = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (wrote >= 0) {
      done += static_cast<std::size_t>(wrote);
    } else if (errno != EINTR) {
      failure_ = errno;
    }
  }
  buffer_.clear();
}

std::optional<Error> RecordSink::commit() {
  flush();
  const std::string shown = path_.empty() ? "standard output" : path_;
  if (failure_ != 0) return io_error(shown, "write failed", failure_);
  if (temporary_.empty()) return std::nullopt;
  if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
    fd_ = -1;
    return io_error(shown, "write failed", errno);
  }
  fd_ = -1;
  if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
    return io_error(shown, "cannot rename " + temporary_ + " to it", errno);
  }
  temporary_.clear();
  return std::nullopt;
}

void RecordSink::abandon() {
  buffer_.clear();
  if (!temporary_.empty()) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    std::remove(temporary_.c_str());
    temporary_.clear();
  } else if (fd_ > STDERR_FILENO) {
    ::close(fd_);
    fd_ = -1;
  }
}

}  // namespace conduct::cli
