// Any valid UTF-8 through the normalizer (both paths) and the segmenter:
// the offset map covers every output byte and points inside the source,
// the fast path equals the ICU path, sentences and words lie in the text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.h"
#include "normalize/normalizer.h"
#include "normalize/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using conduct::fuzz::check;
  const std::string_view source(reinterpret_cast<const char*>(data), size);
  // Callers validate first (read_document refuses invalid UTF-8).
  if (!conduct::is_valid_utf8(source)) return 0;
  const conduct::NormalizedText normalized = conduct::normalize(source);
  check(normalized.offsets.size() == normalized.text.size(),
        "offset map size differs from the text");
  for (std::size_t i = 0; i < normalized.text.size(); ++i) {
    check(normalized.original_begin(i) <= normalized.original_end(i) &&
              normalized.original_end(i) <= source.size(),
          "normalized byte maps outside the source");
  }
  check(conduct::is_valid_utf8(normalized.text), "normalized text is not UTF-8");
  const conduct::NormalizedText by_icu = conduct::normalize_with_icu(source);
  check(by_icu.text == normalized.text && by_icu.offsets == normalized.offsets,
        "fast path differs from the ICU path");
  for (const conduct::ByteSpan& sentence : conduct::split_sentences(normalized.text)) {
    check(sentence.begin <= sentence.end && sentence.end <= normalized.text.size(),
          "sentence outside the text");
    const conduct::ByteSpan original = normalized.to_original(sentence);
    check(original.begin <= original.end && original.end <= source.size(),
          "sentence maps outside the source");
  }
  for (const conduct::ByteSpan& word : conduct::split_words(normalized.text)) {
    check(word.begin <= word.end && word.end <= normalized.text.size(), "word outside the text");
  }
  return 0;
}
