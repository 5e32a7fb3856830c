// An allocation-free tokenizer over normalized text, for the classifier.
//
// Why not split_words (ICU's word BreakIterator): the classifier runs on every
// sentence and needs only stable, cheap token boundaries, not linguistic
// ones. Normalized text is already case folded, NFKC and has ASCII quotes and
// dashes, so a byte loop gives the same words as ICU for ASCII text, keeps
// contractions ("don't") whole, and is several times faster. Bytes >= 0x80
// (letters of other scripts, emoji) count as word bytes, so non-ASCII words
// stay whole too.
#pragma once

#include <cstddef>
#include <string_view>

namespace conduct {

/// Calls `emit(std::string_view token)` for each token of `text` in order:
/// words (runs of ASCII letters, digits, inner apostrophes and non-ASCII
/// bytes) and single punctuation characters ("?", "!", ...). Spaces and
/// control bytes separate tokens and are not emitted. Cost: linear, no
/// allocation.
template <typename Emit>
void for_each_token(std::string_view text, Emit&& emit) {
  auto is_word_byte = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
  };
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_word_byte(c)) {
      std::size_t end = i + 1;
      while (end < n) {
        const auto d = static_cast<unsigned char>(text[end]);
        if (is_word_byte(d)) {
          ++end;
        } else if (d == '\'' && end + 1 < n &&
                   is_word_byte(static_cast<unsigned char>(text[end + 1]))) {
          end += 2;  // an inner apostrophe: "don't", "customer's"
        } else {
          break;
        }
      }
      emit(text.substr(i, end - i));
      i = end;
    } else if (c > ' ' && c < 0x7f && c != '\'' && c != '"') {
      emit(text.substr(i, 1));  // punctuation carries tone: "?", "!"
      ++i;
    } else {
      ++i;  // spaces, control bytes, quotes
    }
  }
}

}  // namespace conduct
