// Any bytes through every line-based reader: notes, speaker-labelled text,
// WebVTT, SubRip, CSV and TSV. Each reader gets the same bytes, so seeds of
// any of these formats reach every reader.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "read/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using conduct::Format;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  conduct::ReadOptions options;
  options.agent_labels = {"agent"};
  for (Format format :
       {Format::notes, Format::text, Format::vtt, Format::srt, Format::csv, Format::tsv}) {
    conduct::fuzz::check_parts(conduct::read_documents("input", bytes, format, options), bytes);
  }
  return 0;
}
