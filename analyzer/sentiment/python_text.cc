#include "sentiment/python_text.h"

#include <unicode/uchar.h>

namespace conduct::sentiment_text {

CodePoint decode_utf8(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
  } else {
    // A stray byte: a private-use value, neither space nor cased.
    return {0xF0000u + lead, 1};
  }
  if (pos + length > text.size()) return {0xF0000u + lead, 1};
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(pos + i);
    if ((next & 0xC0) != 0x80) return {0xF0000u + lead, 1};
    value = (value << 6) | (next & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid too.
  if ((length == 3 && value < 0x800) || (length == 4 && (value < 0x10000 || value > 0x10FFFF)) ||
      (value >= 0xD800 && value <= 0xDFFF)) {
    return {0xF0000u + lead, 1};
  }
  return {value, length};
}

bool is_python_space(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t pos = 0; pos < text.size(); pos += decode_utf8(text, pos).length) ++count;
  return count;
}

std::string_view strip_whitespace(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    const CodePoint c = decode_utf8(text, begin);
    if (!is_python_space(c.value)) break;
    begin += c.length;
  }
  // Scan forward remembering the end of the last non-space code point, since
  // UTF-8 cannot be decoded backwards as simply.
  std::size_t end = begin;
  for (std::size_t pos = begin; pos < text.size();) {
    const CodePoint c = decode_utf8(text, pos);
    pos += c.length;
    if (!is_python_space(c.value)) end = pos;
  }
  return text.substr(begin, end - begin);
}

std::string_view strip_punctuation_if_word(std::string_view token) {
  std::size_t begin = 0;
  std::size_t end = token.size();
  while (begin < end && is_ascii_punctuation(token[begin])) ++begin;
  while (end > begin && is_ascii_punctuation(token[end - 1])) --end;
  if (begin == 0 && end == token.size()) return token;
  const std::string_view stripped = token.substr(begin, end - begin);
  // Cheap byte bound first: 3 bytes or more may still be 2 code points.
  if (stripped.size() <= 2 || count_code_points(stripped) <= 2) return token;
  return stripped;
}

bool python_isupper(std::string_view word) {
  bool cased = false;
  for (std::size_t pos = 0; pos < word.size();) {
    const unsigned char byte = static_cast<unsigned char>(word[pos]);
    if (byte < 0x80) {
      if (byte >= 'a' && byte <= 'z') return false;
      if (byte >= 'A' && byte <= 'Z') cased = true;
      ++pos;
      continue;
    }
    const CodePoint c = decode_utf8(word, pos);
    pos += c.length;
    const auto value = static_cast<UChar32>(c.value);
    if (u_hasBinaryProperty(value, UCHAR_LOWERCASE) || u_istitle(value)) return false;
    if (u_hasBinaryProperty(value, UCHAR_UPPERCASE)) cased = true;
  }
  return cased;
}

void append_ascii_lower(std::string_view word, std::string& out) {
  for (const char c : word)
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
}

}  // namespace conduct::sentiment_text
