#include "read/inputs.h"

#include <fcntl.h>
#include <glob.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/sha256.h"
#include "read/encoding.h"

namespace conduct {
namespace {

namespace fs = std::filesystem;
constexpr std::size_t kHeadBytes = 64 * 1024;
constexpr std::size_t kChunkBytes = 64 * 1024;

bool is_glob(std::string_view path) {
  return path.find_first_of("*?[") != std::string_view::npos;
}

bool is_hidden(const fs::path& name) {
  const std::string text = name.string();
  return text.size() > 1 && text[0] == '.' && text != "..";
}

InputPath file_input(const std::string& path) {
  return {path, escape_invalid_utf8(path), std::nullopt};
}

InputPath error_input(const std::string& path, ErrorCode code, const std::string& what) {
  InputPath input = file_input(path);
  input.error = Error{code, what, input.id, 0};
  return input;
}

// Every regular file under `dir`, and an error entry for each entry that
// cannot be read. Symlinks to folders are not followed, so no loop is walked.
void walk_folder(const fs::path& dir, std::vector<InputPath>& found) {
  std::error_code error;
  fs::directory_iterator it(dir, error);
  if (error) {
    found.push_back(error_input(dir.string(), ErrorCode::unreadable,
                                "cannot read the folder: " + error.message()));
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) break;
    const fs::path& path = it->path();
    if (is_hidden(path.filename())) continue;
    std::error_code link_error;
    std::error_code target_error;
    const fs::file_status link = it->symlink_status(link_error);
    const fs::file_status target = it->status(target_error);
    if (!link_error && fs::is_directory(link)) {
      walk_folder(path, found);
    } else if (!target_error && fs::is_directory(target)) {
      continue;  // a symlink to a folder
    } else if (!target_error && fs::is_regular_file(target)) {
      found.push_back(file_input(path.string()));
    } else if (target_error) {
      const bool dangling = target_error == std::errc::no_such_file_or_directory;
      found.push_back(error_input(
          path.string(), dangling ? ErrorCode::not_found : ErrorCode::unreadable,
          (dangling ? "a broken symlink: " : "cannot read the entry: ") + target_error.message()));
    } else {
      found.push_back(error_input(path.string(), ErrorCode::unreadable,
                                  "not a regular file (a FIFO, socket or device)"));
    }
  }
  if (error) {
    found.push_back(error_input(dir.string(), ErrorCode::unreadable,
                                "cannot list the folder: " + error.message()));
  }
}

void add_folder(const fs::path& folder, std::vector<InputPath>& out) {
  std::vector<InputPath> found;
  walk_folder(folder, found);
  std::stable_sort(found.begin(), found.end(),
                   [](const InputPath& a, const InputPath& b) { return a.path < b.path; });
  out.insert(out.end(), found.begin(), found.end());
}

std::string record_id_fallback(const InputPath& input, std::size_t line) {
  return input.id + ":" + std::to_string(line);
}

Error too_large(const std::string& id, std::size_t limit) {
  return Error{
      ErrorCode::file_too_large,
      "larger than the limit of " + std::to_string(limit) + " bytes; split it or raise --max-bytes",
      id, 0};
}

}  // namespace

// An open input: a file's descriptor, or stdin's (not closed here).
class RecordReader::Source {
 public:
  Source(int fd, bool owned) : fd_(fd), owned_(owned) {
    struct stat info {};
    if (::fstat(fd, &info) == 0) {
      regular_ = S_ISREG(info.st_mode);
      folder_ = S_ISDIR(info.st_mode);
      size_ = static_cast<std::uint64_t>(info.st_size);
    }
  }
  ~Source() {
    if (owned_) ::close(fd_);
  }
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  int fd() const { return fd_; }
  bool regular() const { return regular_; }
  bool folder() const { return folder_; }
  std::uint64_t size() const { return size_; }
  // True when a read would not wait: always for a regular file.
  bool ready() const {
    if (regular_) return true;
    pollfd poll_fd{fd_, POLLIN, 0};
    return ::poll(&poll_fd, 1, 0) != 0;
  }
  bool ended = false;
  int failure = 0;  // errno of a failed read

 private:
  int fd_;
  bool owned_;
  bool regular_ = false;
  bool folder_ = false;
  std::uint64_t size_ = 0;
};

std::vector<InputPath> expand_inputs(const std::vector<std::string>& paths) {
  std::vector<InputPath> out;
  if (paths.empty()) return {file_input("-")};
  for (const std::string& path : paths) {
    if (path == "-") {
      out.push_back(file_input("-"));
      continue;
    }
    std::error_code error;
    if (fs::is_directory(path, error)) {
      add_folder(path, out);
      continue;
    }
    if (!fs::exists(path, error) && is_glob(path)) {
      glob_t matches{};
      if (::glob(path.c_str(), 0, nullptr, &matches) == 0) {
        for (std::size_t i = 0; i < matches.gl_pathc; ++i) {
          const std::string match = matches.gl_pathv[i];
          if (fs::is_directory(match, error)) {
            add_folder(match, out);
          } else {
            out.push_back(file_input(match));
          }
        }
        globfree(&matches);
        continue;
      }
      globfree(&matches);
    }
    out.push_back(file_input(path));
  }
  return out;
}

std::optional<std::uint64_t> total_input_bytes(const std::vector<InputPath>& inputs) {
  std::uint64_t total = 0;
  for (const InputPath& input : inputs) {
    if (input.error) continue;
    struct stat info {};
    if (input.path == "-" || ::stat(input.path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
      return std::nullopt;
    }
    total += static_cast<std::uint64_t>(info.st_size);
  }
  return total;
}

RecordReader::RecordReader(std::vector<InputPath> inputs, ReadOptions options, InputLimits limits)
    : inputs_(std::move(inputs)), options_(std::move(options)), limits_(limits) {}

RecordReader::~RecordReader() = default;

bool RecordReader::should_stop() {
  if (stop_ != nullptr && stop_->load(std::memory_order_relaxed)) stopped_ = true;
  return stopped_;
}

std::size_t RecordReader::read_some(char* out, std::size_t size) {
  if (!source_ || source_->ended) return 0;
  if (before_waiting_ && !source_->ready()) before_waiting_();
  while (!should_stop()) {
    const ssize_t got = ::read(source_->fd(), out, size);
    if (got > 0) {
      bytes_read_ += static_cast<std::uint64_t>(got);
      return static_cast<std::size_t>(got);
    }
    if (got < 0 && errno == EINTR) continue;  // a signal: the loop checks the stop flag
    if (got < 0) source_->failure = errno;
    break;
  }
  source_->ended = true;
  return 0;
}

// Appends to `out` until the input ends (true) or `out` holds more than
// `limit` bytes (false): never more than limit + 1, and nothing is read past
// that, so an endless input costs nothing. With `stop_at_line`, also stops
// (false) once a newline has been read.
bool RecordReader::read_up_to(std::string& out, std::size_t limit, bool stop_at_line) {
  while (out.size() <= limit) {
    const std::size_t want = std::min(kChunkBytes, limit + 1 - out.size());
    const std::size_t old = out.size();
    out.resize(old + want);
    const std::size_t got = read_some(out.data() + old, want);
    out.resize(old + got);
    if (got == 0) return true;
    if (stop_at_line && out.find('\n', old) != std::string::npos) return false;
  }
  return false;
}

bool RecordReader::next(InputRecord& record) {
  while (!should_stop()) {
    if (!split_.empty()) {
      record = std::move(split_.front());
      split_.pop_front();
      return true;
    }
    if (streaming_jsonl_) {
      if (next_jsonl_line(record)) return !stopped_;
      streaming_jsonl_ = false;
      source_.reset();
      continue;
    }
    if (next_input_ >= inputs_.size()) return false;
    if (open_next_input(record)) return !stopped_;
  }
  return false;
}

bool RecordReader::open_next_input(InputRecord& record) {
  const InputPath input = inputs_[next_input_++];
  record = InputRecord{};
  record.id = input.id;
  record.source.path = input.id;
  if (input.error) {
    record.error = input.error;
    return true;
  }

  if (input.path == "-") {
    source_ = std::make_unique<Source>(STDIN_FILENO, false);
  } else {
    const int fd = ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      const int failure = errno;
      record.error = Error{failure == ENOENT ? ErrorCode::not_found : ErrorCode::unreadable,
                           "cannot open " + input.id + ": " + std::strerror(failure), input.id, 0};
      return true;
    }
    source_ = std::make_unique<Source>(fd, true);
  }
  if (source_->folder()) {
    record.error = Error{ErrorCode::unreadable, input.id + " is a folder", input.id, 0};
    source_.reset();
    return true;
  }
  // Detect from the head: up to kHeadBytes of a file; of a pipe or terminal,
  // no more than its first line, so that a stream's first record is analysed
  // before the producer writes a second. A JSON Lines input is then streamed
  // line by line.
  std::string bytes;
  bool whole = read_up_to(bytes, kHeadBytes, !source_->regular());
  // The rest of a whole file, up to the limit and not a byte further.
  auto within_limit = [&] {
    return whole ? bytes.size() <= limits_.max_record_bytes
                 : read_up_to(bytes, limits_.max_record_bytes);
  };
  auto give_up_too_large = [&] {
    record.error = too_large(input.id, limits_.max_record_bytes);
    source_.reset();
    return !stopped_;
  };
  if (stopped_) return false;
  if (const auto order = utf16_bom(bytes)) {
    // UTF-16 is decoded whole: its lines are not lines until then.
    if (source_->regular() && source_->size() > limits_.max_record_bytes) {
      return give_up_too_large();
    }
    if (!within_limit()) return give_up_too_large();
    if (stopped_) return false;
    whole = true;
    record.source.bytes = bytes.size();
    record.source.sha256 = sha256_hex(bytes);
    auto decoded = decode_utf16(bytes);
    source_.reset();
    if (!decoded.ok()) {
      record.error = decoded.error();
      record.error->file = input.id;
      return true;
    }
    bytes = std::move(decoded).value();
    record.warnings.push_back("decoded from " + std::string(*order) +
                              "; offsets are into the UTF-8 text");
  }
  const Format head_format = options_.format ? *options_.format : detect_format(input.path, bytes);
  if (head_format == Format::jsonl) {
    streaming_jsonl_ = true;
    jsonl_input_ = input;
    jsonl_line_ = 0;
    jsonl_warnings_ = std::move(record.warnings);
    pending_ = std::move(bytes);
    pending_at_ = 0;
    return false;  // next() pulls the first line
  }

  // A regular file is measured rather than read past its head; any other
  // input is read up to the limit and no further.
  if (source_ && source_->regular() && source_->size() > limits_.max_record_bytes) {
    return give_up_too_large();
  }
  if (!within_limit()) return give_up_too_large();
  if (stopped_) return false;
  if (source_ && source_->failure != 0) {
    record.error =
        Error{ErrorCode::unreadable,
              "reading failed: " + std::string(std::strerror(source_->failure)), input.id, 0};
  }
  source_.reset();
  if (record.source.sha256.empty()) {
    record.source.bytes = bytes.size();
    record.source.sha256 = sha256_hex(bytes);
  }
  record.bytes = std::move(bytes);
  record.source.format =
      options_.format ? *options_.format : detect_format(input.path, record.bytes);
  if (!record.error && holds_several_documents(*record.source.format)) {
    split_documents(record);
    return false;  // next() hands out the documents
  }
  return true;
}

void RecordReader::split_documents(InputRecord& file) {
  for (DocumentPart& part : read_documents(file.id, file.bytes, *file.source.format, options_)) {
    InputRecord record;
    record.id = std::move(part.id);
    record.source = file.source;
    record.source.record = part.line;
    record.warnings = file.warnings;
    if (part.document.ok()) {
      record.document = std::move(part.document).value();
    } else {
      record.error = part.document.error();
      if (record.error->file.empty()) record.error->file = file.source.path;
    }
    split_.push_back(std::move(record));
  }
}

bool RecordReader::next_jsonl_line(InputRecord& record) {
  // Physical lines come first from the bytes read ahead, then from the
  // source; blank lines are skipped; an over-long line is skipped to its end
  // as it is read, never held.
  std::string line;
  bool too_large = false;
  while (true) {
    line.clear();
    too_large = false;
    bool any = false;
    bool ended_by_newline = false;
    while (true) {
      if (pending_at_ >= pending_.size()) {
        pending_.resize(kChunkBytes);
        pending_.resize(read_some(pending_.data(), pending_.size()));
        pending_at_ = 0;
        if (pending_.empty()) break;
      }
      any = true;
      const std::size_t newline = pending_.find('\n', pending_at_);
      const std::size_t end = newline == std::string::npos ? pending_.size() : newline;
      if (!too_large && line.size() + (end - pending_at_) > limits_.max_record_bytes) {
        too_large = true;
        std::string().swap(line);
      }
      if (!too_large) line.append(pending_, pending_at_, end - pending_at_);
      if (newline == std::string::npos) {
        pending_at_ = pending_.size();
        continue;
      }
      pending_at_ = newline + 1;
      ended_by_newline = true;
      break;
    }
    if (stopped_) return false;
    if (!any) break;
    ++jsonl_line_;
    if (too_large || line.find_first_not_of(" \t\r") != std::string::npos) break;
    if (!ended_by_newline) break;
    if (should_stop()) return false;
  }
  const bool have_line = too_large || line.find_first_not_of(" \t\r") != std::string::npos;
  const int failure = source_ ? source_->failure : 0;
  if (!have_line && failure == 0) return false;
  record = InputRecord{};
  record.source.path = jsonl_input_.id;
  record.source.format = Format::jsonl;
  record.warnings = jsonl_warnings_;
  if (!have_line) {  // a read error ends the file: one record says so
    record.id = jsonl_input_.id;
    record.error = Error{
        ErrorCode::unreadable,
        "reading failed after line " + std::to_string(jsonl_line_) + ": " + std::strerror(failure),
        jsonl_input_.id, 0};
    source_->failure = 0;
    return true;
  }
  record.id = record_id_fallback(jsonl_input_, jsonl_line_);
  record.source.record = jsonl_line_;
  if (too_large) {
    record.error = Error{ErrorCode::record_too_large,
                         "line longer than " + std::to_string(limits_.max_record_bytes) +
                             " bytes; raise --max-bytes to read it",
                         jsonl_input_.id, record.source.record};
    return true;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  record.source.bytes = line.size();
  record.source.sha256 = sha256_hex(line);
  record.bytes = std::move(line);
  return true;
}

Result<Document> read_record(const InputRecord& record, const ReadOptions& options) {
  if (record.error) return *record.error;
  Result<Document> document = [&]() -> Result<Document> {
    if (record.document) return *record.document;
    const Format format = record.source.format.value_or(Format::notes);
    if (format == Format::jsonl) return read_jsonl_record(record.bytes, record.id, options);
    return read_document(record.id, record.bytes, format, options);
  }();
  if (document.ok()) {
    auto& warnings = document.value().warnings;
    warnings.insert(warnings.begin(), record.warnings.begin(), record.warnings.end());
  }
  return document;
}

}  // namespace conduct
