// Sentence and word boundaries from ICU's BreakIterator.
#pragma once

#include <string_view>
#include <vector>

#include "core/span.h"

namespace conduct {

/// Splits original (not case-folded) text into sentences with ICU's sentence
/// BreakIterator, then repairs breaks after abbreviations common in call
/// notes ("Mr.", "Ms.", "Dr.", "approx.", "a.m.", "p.m.", "e.g.", "etc." when
/// followed by a lower-case word, "No." before a number ...). Returned spans
/// are byte offsets in `text`, trimmed of surrounding whitespace; sentences
/// that are only whitespace are dropped. Together the spans cover every
/// non-space byte of `text`.
std::vector<ByteSpan> split_sentences(std::string_view text);

/// Words of `text` (typically normalized text) from ICU's word BreakIterator:
/// spans of letters, numbers, emoji and ideographs; punctuation and spaces are
/// left out.
std::vector<ByteSpan> split_words(std::string_view text);

}  // namespace conduct
