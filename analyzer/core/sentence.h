// A sentence as later stages see it: views into the document's original text
// and into its turn's normalized text, plus where it sits.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/span.h"

namespace conduct {

struct Sentence {
  /// Index of the turn in Document::turns.
  std::size_t turn = 0;
  /// Original byte range, in the same coordinates as Evidence: file offsets for
  /// text formats, offsets in the turn's decoded text for JSON formats.
  ByteSpan original;
  /// Range in the turn's normalized text.
  ByteSpan normalized;
  /// 1-based line where the sentence starts (0 when unknown).
  std::size_t line = 0;
  /// The original text (a view into Document::turns[turn].text).
  std::string_view text;
  /// The normalized text (a view into the turn's NormalizedText::text).
  std::string_view normalized_text;
};

/// The text from the start of `first` to the end of `second`: two views into
/// one string, `second` after `first` (the same text of two sentences of one
/// turn, original or normalized).
inline std::string_view joined(std::string_view first, std::string_view second) {
  return {first.data(), static_cast<std::size_t>(second.data() + second.size() - first.data())};
}

}  // namespace conduct
