#include "core/config_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace conduct {

Result<std::string> read_config_file(const std::filesystem::path& path, std::size_t max_bytes) {
  auto fail = [&path](const std::string& what) {
    return Error{ErrorCode::unreadable_file, what, path.string(), 0};
  };
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return fail(std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) return fail(std::strerror(errno));
  if (!S_ISREG(info.st_mode)) {
    return fail(S_ISDIR(info.st_mode) ? "a folder, not a file"
                                      : "not a regular file (a device, FIFO or socket)");
  }
  if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    return fail("larger than the limit of " + std::to_string(max_bytes) + " bytes");
  }
  std::string bytes(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (true) {
    if (done == bytes.size()) {
      if (bytes.size() >= max_bytes) break;  // grown while read: stop at the limit
      bytes.resize(std::min(max_bytes, bytes.size() + 4096));
    }
    const ssize_t got = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return fail(std::strerror(errno));
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  bytes.resize(done);
  return bytes;
}

}  // namespace conduct
