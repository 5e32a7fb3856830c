// Any bytes through every whole-file JSON reader: Amazon Transcribe, Amazon
// Connect, Whisper, Google CCAI and JSON records (one or an array). Each
// reader gets the same bytes, so any JSON seed reaches every reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "read/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using conduct::Format;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const conduct::ReadOptions options;
  for (Format format :
       {Format::aws, Format::connect, Format::whisper, Format::ccai, Format::json}) {
    conduct::fuzz::check_parts(conduct::read_documents("input", bytes, format, options), bytes);
  }
  return 0;
}
