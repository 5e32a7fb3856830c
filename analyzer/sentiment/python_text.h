// The few Python `str` behaviours that VADER's scores depend on, on UTF-8
// text: whitespace splitting, stripping ASCII punctuation, isupper(), and
// ASCII case folding. Reproducing them exactly is what makes our numbers equal
// the reference's, so each function names the Python behaviour it mirrors.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace conduct::sentiment_text {

/// One decoded code point and how many bytes it took. An invalid byte decodes
/// alone (length 1) to a private-use value U+F0000 + byte, which is neither a
/// space nor cased: invalid UTF-8 is scored, never rejected, here.
struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
};

/// Decodes the code point starting at `pos` (< text.size()). O(1).
CodePoint decode_utf8(std::string_view text, std::size_t pos);

/// Python's str.isspace() for one code point (what str.split() splits on):
/// ASCII \t \n \v \f \r, \x1c-\x1f, space, U+0085, U+00A0, U+1680,
/// U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
bool is_python_space(char32_t c);

/// Characters of Python's string.punctuation (ASCII only).
bool is_ascii_punctuation(char c);

/// Number of code points (Python len()). O(n).
std::size_t count_code_points(std::string_view text);

/// Python str.strip() of whitespace (Unicode, as is_python_space). O(n).
std::string_view strip_whitespace(std::string_view text);

/// VADER's _strip_punc_if_word: strips leading and trailing
/// string.punctuation, unless what is left has 2 code points or fewer (then
/// the token was likely an emoticon and is kept whole). O(token).
std::string_view strip_punctuation_if_word(std::string_view token);

/// Python str.isupper(): at least one cased character and no lowercase or
/// titlecase one. ASCII fast path; other code points use ICU's Unicode
/// Uppercase and Lowercase properties and the Lt category, as CPython does.
bool python_isupper(std::string_view word);

/// Appends `word` with ASCII A-Z folded to a-z. Python's lower() also folds
/// non-ASCII letters, but every VADER lexicon, booster and negation entry that
/// can match is ASCII, so only ASCII folding changes a lookup.
void append_ascii_lower(std::string_view word, std::string& out);

/// Calls `visit(token)` for each whitespace-separated token, as Python's
/// str.split() with no argument. Allocates nothing.
template <typename Visit>
void split_python_whitespace(std::string_view text, Visit&& visit) {
  std::size_t pos = 0;
  std::size_t token_start = std::string_view::npos;
  while (pos < text.size()) {
    const CodePoint c = decode_utf8(text, pos);
    if (is_python_space(c.value)) {
      if (token_start != std::string_view::npos) {
        visit(text.substr(token_start, pos - token_start));
        token_start = std::string_view::npos;
      }
    } else if (token_start == std::string_view::npos) {
      token_start = pos;
    }
    pos += c.length;
  }
  if (token_start != std::string_view::npos) visit(text.substr(token_start));
}

}  // namespace conduct::sentiment_text
