// Any bytes through the format-detecting entry point, as `conduct analyze`
// reads a file: detect_format, then read_documents (which runs infer_roles).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "read/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const conduct::ReadOptions options;
  // No extension: the content alone decides (the extension only breaks ties).
  const conduct::Format format = conduct::detect_format("input", bytes);
  if (format == conduct::Format::jsonl) {
    // Whole JSON Lines files are streamed line by line (fuzz_jsonl_stream);
    // one line here.
    const auto line_end = bytes.find('\n');
    const auto record = conduct::read_jsonl_record(bytes.substr(0, line_end), "input:1", options);
    if (record.ok()) {
      conduct::fuzz::check_document(record.value(), bytes);
    } else {
      conduct::fuzz::check_error(record.error());
    }
    return 0;
  }
  conduct::fuzz::check_parts(conduct::read_documents("input", bytes, format, options), bytes);
  return 0;
}
