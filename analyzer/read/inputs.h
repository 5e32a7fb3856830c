// From command-line paths to input records: files, folders (recursive),
// globs, stdin; whole files, or one record per line of a JSON Lines file,
// read as a stream so that memory is bounded by the largest record.
#pragma once

#include <cstddef>
#include <deque>
#include <istream>
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
  std::string path;  // as it will appear in source.path
  std::string id;    // document id: the path relative to the folder given, or the file name
};

/// Expands paths: "-" (or no path at all) is stdin; a folder gives every
/// regular file under it, recursively, sorted, hidden files skipped; a glob
/// (`*`, `?`, `[`) gives its matches, sorted; anything else is taken as a
/// file (a missing one becomes an error record when read).
std::vector<InputPath> expand_inputs(const std::vector<std::string>& paths);

/// One record to analyse: the bytes of a whole file or of one JSON Lines
/// line, a document read already (one of several in a CSV or JSON array
/// file), or the error that prevented reading it.
struct InputRecord {
  std::string id;
  SourceInfo source;
  std::string bytes;
  std::optional<Document> document;
  std::optional<Error> error;
};

struct InputLimits {
  /// Files and JSON Lines records larger than this become error records
  /// (file_too_large / record_too_large) without being held in memory.
  std::size_t max_record_bytes = std::size_t{256} << 20;
};

/// Yields the records of a list of inputs in order. Not thread-safe: one
/// reader feeds the workers. A file that holds several documents (csv, tsv,
/// json: see holds_several_documents) is read whole here, and each of its
/// documents or errors becomes a record of its own; source.bytes and
/// source.sha256 are then those of the whole file.
class RecordReader {
 public:
  RecordReader(std::vector<InputPath> inputs, ReadOptions options, InputLimits limits = {});
  ~RecordReader();
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  /// Fills `record` with the next record; false at the end of all inputs.
  bool next(InputRecord& record);

 private:
  bool open_next_input(InputRecord& record);
  bool next_jsonl_line(InputRecord& record);
  void split_documents(InputRecord& file);

  std::vector<InputPath> inputs_;
  ReadOptions options_;
  InputLimits limits_;
  std::size_t next_input_ = 0;
  // The JSON Lines file being streamed, if any.
  std::unique_ptr<std::istream> owned_stream_;
  std::istream* jsonl_stream_ = nullptr;
  InputPath jsonl_input_;
  std::size_t jsonl_line_ = 0;
  std::string pending_;  // bytes read ahead while detecting the format
  // Documents of a multi-document file, waiting to be handed out.
  std::deque<InputRecord> split_;
};

/// Reads a record into a Document (read_document or read_jsonl_record), or
/// returns the document or error it holds already.
Result<Document> read_record(const InputRecord& record, const ReadOptions& options);

}  // namespace conduct
