// From command-line paths to input records: files, folders (recursive),
// globs, stdin; whole files, or one record per line of a JSON Lines file,
// read as a stream so that memory is bounded by the largest record.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "read/reader.h"

namespace conduct {

/// Where a record came from.
struct SourceInfo {
  std::string path;  // as given on the command line; "-" for stdin
  std::optional<Format> format;
  std::size_t bytes = 0;  // of the file, or of the JSON Lines record
  std::string sha256;     // of the same bytes
  // 1-based line where the record starts: a JSON Lines line, the first row of
  // a CSV conversation; 0 for whole files and JSON array elements.
  std::size_t record = 0;
};

/// One file to read, or stdin ("-").
struct InputPath {
  std::string path;  // to open: the bytes as given or found
  /// The document id and source.path: the path as given on the command line
  /// (a folder's files as the folder given joined with their path under it),
  /// bytes that are not UTF-8 escaped as "\xHH". Unique in a batch unless a
  /// file is given twice.
  std::string id;
  /// A folder entry that cannot be read (a broken symlink, an unreadable
  /// folder, a FIFO or device): it becomes this error record.
  std::optional<Error> error;
};

/// Expands paths: "-" (or no path at all) is stdin; a folder gives every
/// regular file under it, recursively, sorted, hidden files skipped, symlinks
/// to files followed and symlinks to folders not; an entry that cannot be
/// read (a broken symlink or a loop, an unreadable subfolder or folder, a
/// FIFO, socket or device) gives an InputPath carrying its error; a glob
/// (`*`, `?`, `[`) gives its matches, sorted; anything else is taken as a file
/// (a missing one becomes an error record when read).
std::vector<InputPath> expand_inputs(const std::vector<std::string>& paths);

/// The bytes of all inputs when every one is a regular file (for an
/// estimate of the time left); nullopt with stdin, a pipe or a device.
std::optional<std::uint64_t> total_input_bytes(const std::vector<InputPath>& inputs);

/// One record to analyse: the bytes of a whole file or of one JSON Lines
/// line, a document read already (one of several in a CSV or JSON array
/// file), or the error that prevented reading it.
struct InputRecord {
  std::string id;
  SourceInfo source;
  std::string bytes;
  std::optional<Document> document;
  std::optional<Error> error;
  /// What reading noticed that the document's warnings should say (a file
  /// decoded from UTF-16).
  std::vector<std::string> warnings;
};

struct InputLimits {
  /// Files and JSON Lines records larger than this become error records
  /// (file_too_large / record_too_large). A regular file is measured before
  /// it is read; any other input is read up to the limit and no further.
  std::size_t max_record_bytes = std::size_t{256} << 20;
};

/// Yields the records of a list of inputs in order. Not thread-safe: one
/// reader feeds the workers. A file that holds several documents (csv, tsv,
/// json: see holds_several_documents) is read whole here, and each of its
/// documents or errors becomes a record of its own; source.bytes and
/// source.sha256 are then those of the whole file. A file that starts with a
/// UTF-16 byte-order mark is decoded to UTF-8 before its format is detected
/// (offsets then refer to the UTF-8 text; source.bytes and source.sha256
/// stay those of the file).
class RecordReader {
 public:
  RecordReader(std::vector<InputPath> inputs, ReadOptions options, InputLimits limits = {});
  ~RecordReader();
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  /// Fills `record` with the next record; false at the end of all inputs, or
  /// once the stop flag is set.
  bool next(InputRecord& record);

  /// Reading ends, without reading further, once `flag` is true (set by a
  /// signal handler): next() returns false, and a read waiting on a pipe or
  /// terminal is given up when a signal interrupts it.
  void stop_when(const std::atomic<bool>& flag) { stop_ = &flag; }
  /// Called just before a read that would wait for input (a pipe or a
  /// terminal with nothing ready), so that what is done so far can be
  /// written out while the producer is slow.
  void before_waiting(std::function<void()> hook) { before_waiting_ = std::move(hook); }
  /// True when reading ended on the stop flag rather than at the end of input.
  bool stopped() const { return stopped_; }
  /// Bytes read from all inputs so far.
  std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  class Source;
  bool open_next_input(InputRecord& record);
  bool next_jsonl_line(InputRecord& record);
  void split_documents(InputRecord& file);
  std::size_t read_some(char* out, std::size_t size);
  bool read_up_to(std::string& out, std::size_t limit, bool stop_at_line = false);
  bool should_stop();

  std::vector<InputPath> inputs_;
  ReadOptions options_;
  InputLimits limits_;
  std::size_t next_input_ = 0;
  const std::atomic<bool>* stop_ = nullptr;
  std::function<void()> before_waiting_;
  bool stopped_ = false;
  std::uint64_t bytes_read_ = 0;
  // The input being read: a file, stdin, or nothing once at its end.
  std::unique_ptr<Source> source_;
  // A JSON Lines input is being streamed from source_ (and pending_).
  bool streaming_jsonl_ = false;
  InputPath jsonl_input_;
  std::size_t jsonl_line_ = 0;
  std::vector<std::string> jsonl_warnings_;
  std::string pending_;  // bytes read ahead: pending_[pending_at_, size) are unused
  std::size_t pending_at_ = 0;
  // Documents of a multi-document file, waiting to be handed out.
  std::deque<InputRecord> split_;
};

/// Reads a record into a Document (read_document or read_jsonl_record), or
/// returns the document or error it holds already.
Result<Document> read_record(const InputRecord& record, const ReadOptions& options);

}  // namespace conduct
