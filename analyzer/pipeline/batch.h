// Runs a per-record function over a stream of input records on N threads and
// hands the results back in input order, whatever N. At most a few records
// per thread are in flight, so memory is bounded by the largest records, not
// by the batch.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "read/inputs.h"

namespace conduct {

struct BatchCounts {
  std::size_t read = 0;     // records the reader gave
  std::size_t records = 0;  // outputs emitted: equal to `read` by construction
  std::size_t errors = 0;
};

/// What a worker returns for one record: its serialized output line(s) and
/// whether it is an error record.
struct RecordOutput {
  std::string text;
  bool is_error = false;
  long long points = 0;  // the document's points (0 for an error record)
  /// When set, the output is not `text` but what this hands, piece by
  /// piece, to the function it is given: a record too large to hold whole is
  /// written as it is made, when its turn to be emitted comes.
  std::function<void(const std::function<void(std::string_view piece)>&)> write_pieces = nullptr;
};

/// Turns an exception that escaped `process` for one record into that
/// record's output (an error record): `what` is the exception's message.
using FailureHandler = std::function<RecordOutput(const InputRecord&, const std::string& what)>;

/// Calls `process` for every record of `reader` on `jobs` threads (jobs <= 1,
/// or when no thread can be made: on the calling thread) and `emit` for
/// every result in input order, on the calling thread. `process` must be safe
/// to call concurrently; it may take what it needs out of the record (the
/// bytes of a file, no longer needed once its document is read, are half
/// the memory of one large document). An exception from `process` ends no batch:
/// `on_failure` makes that record's output and the batch goes on (counted as
/// an error). Before the reader waits for input that is not there yet (a
/// pipe), every record read so far is finished and emitted, then `flush` is
/// called: a stream's results come out as soon as they and all before them
/// are done. The workers block SIGINT and SIGTERM so that a signal interrupts
/// the reading thread, whose reader then stops (RecordReader::stop_when); the
/// records already read are finished and emitted.
BatchCounts run_batch(RecordReader& reader, unsigned jobs,
                      const std::function<RecordOutput(InputRecord&)>& process,
                      const std::function<void(const RecordOutput&)>& emit,
                      const FailureHandler& on_failure, const std::function<void()>& flush);

}  // namespace conduct
