// Where `analyze` writes its records: standard output, or the file of -o.
// Only whole records are ever written: the buffer goes out at record ends,
// so a reader of the output (or a process killed mid-run) never sees half a
// line. A file is written as a temporary file beside it and renamed over it
// when complete, so that an interrupted or failed run leaves the old file as
// it was.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace conduct::cli {

class RecordSink {
 public:
  /// Standard output for "" or "-". A regular file (or a new one) is written
  /// through a temporary file in its folder; anything else that exists (a
  /// device such as /dev/null, a FIFO) is written directly. Error io_error.
  static Result<RecordSink> open(const std::string& path);

  RecordSink(RecordSink&& other) noexcept;
  RecordSink& operator=(RecordSink&&) = delete;
  RecordSink(const RecordSink&) = delete;
  RecordSink& operator=(const RecordSink&) = delete;
  /// Removes the temporary file unless commit() succeeded.
  ~RecordSink();

  /// Appends `text`, which must end a record (the caller adds the newline).
  void write(std::string_view text);
  /// Writes out what is buffered: whole records only.
  void flush();
  /// Flushes and, for a file, renames the temporary file to its name.
  /// Error io_error when anything could not be written.
  std::optional<Error> commit();
  /// Gives the output up: the temporary file is removed, the old file stays.
  void abandon();

 private:
  RecordSink(int fd, std::string path, std::string temporary);

  int fd_ = -1;
  std::string path_;       // the name asked for ("" for stdout)
  std::string temporary_;  // the file written, renamed to path_ on commit; "" if none
  std::string buffer_;
  int failure_ = 0;  // errno of the first failed write
};

}  // namespace conduct::cli
