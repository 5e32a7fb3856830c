// Any bytes as a JSON Lines file streamed by RecordReader (the reader
// `conduct analyze` uses), each record read by read_record: one record or
// error per line, never an exception.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "read/inputs.h"
#include "read/reader.h"

namespace {

// RecordReader reads paths: each input goes to one file per fuzzing process.
const std::string& scratch_path() {
  static const std::string path = "/tmp/conduct-fuzz-" + std::to_string(getpid()) + ".jsonl";
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  {
    std::ofstream out(scratch_path(), std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  conduct::ReadOptions options;
  options.format = conduct::Format::jsonl;
  conduct::InputLimits limits;
  limits.max_record_bytes = 1 << 16;
  conduct::RecordReader reader({{scratch_path(), "input.jsonl", std::nullopt}}, options, limits);
  conduct::InputRecord record;
  std::size_t records = 0;
  while (reader.next(record)) {
    ++records;
    conduct::fuzz::check(conduct::is_valid_utf8(record.id), "a record id that is not UTF-8");
    if (record.error) conduct::fuzz::check_error(*record.error);
    const auto document = conduct::read_record(record, options);
    if (document.ok()) {
      conduct::fuzz::check_document(document.value(), record.bytes);
    } else {
      conduct::fuzz::check_error(document.error());
    }
    record = {};
  }
  conduct::fuzz::check(records <= bytes.size() + 1, "more records than lines");
  std::remove(scratch_path().c_str());
  return 0;
}
