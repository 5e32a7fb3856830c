// Sentence and word boundaries from ICU's BreakIterator.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace conduct {

/// Splits original (not case-folded) text into sentences with ICU's sentence
/// BreakIterator, then repairs breaks after abbreviations common in call
/// notes: titles ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Sr.", "Prof."),
/// "approx.", "e.g.", "i.e.", "vs.", single initials ("F. C. Manning");
/// "a.m.", "p.m.", "etc.", "Inc.", "Co.", "Ltd." when a lower-case word or a
/// number follows; "No." before a number. Line breaks: a blank line always
/// ends a sentence; a single newline ends one only after a heading-like line
/// (under 60 characters, no terminal punctuation) when the next line starts
/// with a capital; otherwise a newline is a space (wrapped lines).
/// Returned spans are byte offsets in `text`, in order, not overlapping,
/// trimmed of surrounding whitespace (and of controls and default-ignorables
/// such as U+200B at the start, or next to trailing whitespace); sentences
/// that are only whitespace are dropped. Together the spans cover every byte
/// of `text` except whitespace and those invisible characters. A break never
/// falls before a combining mark, so a sentence's original bytes normalize to
/// exactly NormalizedText::from_original(span) of the whole text.
/// Cost: creates one ICU BreakIterator per call (ICU caches the rules, so
/// about a microsecond; measured in tools/bench/normalize_bench.cc) and
/// copies `text` once; use SentenceSplitter to reuse the iterator over many
/// short texts. If ICU's break data is missing, the whole trimmed text is one
/// sentence.
std::vector<ByteSpan> split_sentences(std::string_view text);

/// Words of `text` (typically normalized text) from ICU's word BreakIterator:
/// spans of letters, numbers, emoji and ideographs; punctuation and spaces are
/// left out. Cost: one BreakIterator per call; see WordSplitter. If ICU's
/// break data is missing, returns no words.
std::vector<ByteSpan> split_words(std::string_view text);

/// split_sentences with a reusable BreakIterator: create one per thread (not
/// thread-safe), call it for every turn; saves one iterator creation a call.
class SentenceSplitter {
 public:
  SentenceSplitter();
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  /// Same contract as split_sentences.
  std::vector<ByteSpan> split(std::string_view text);

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
  std::string scratch_;  // the text with line breaks blanked, reused
};

/// split_words with a reusable BreakIterator: one per thread (not
/// thread-safe).
class WordSplitter {
 public:
  WordSplitter();
  ~WordSplitter();
  WordSplitter(const WordSplitter&) = delete;
  WordSplitter& operator=(const WordSplitter&) = delete;

  /// Same contract as split_words; appends nothing on an empty text.
  std::vector<ByteSpan> split(std::string_view text);

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
};

}  // namespace conduct
