#include "lexicon/phrase.h"

#include <algorithm>

namespace conduct {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";  // U+2019
constexpr std::string_view kApostropheClass = "(?:'|\xE2\x80\x99)";

// Escapes one whitespace-free word, folding both apostrophes into one class.
void append_word(std::string_view word, std::string& out) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] == '\'') {
      out += kApostropheClass;
      continue;
    }
    if (word.substr(i, kCurlyApostrophe.size()) == kCurlyApostrophe) {
      out += kApostropheClass;
      i += kCurlyApostrophe.size() - 1;
      continue;
    }
    const auto c = static_cast<unsigned char>(word[i]);
    // Escape every ASCII non-word byte: safe for RE2 and keeps `.` `(` `?` literal.
    if (c < 0x80 && !is_word_byte(c)) out += '\\';
    out += word[i];
  }
}

}  // namespace

std::string phrase_to_pattern(std::string_view phrase) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && is_space(phrase[i])) ++i;
    const std::size_t start = i;
    while (i < phrase.size() && !is_space(phrase[i])) ++i;
    if (i > start) words.push_back(phrase.substr(start, i - start));
  }
  if (words.empty()) return "";
  std::string out;
  if (is_word_byte(static_cast<unsigned char>(words.front().front()))) out += "\\b";
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (w > 0) out += "\\s+";
    append_word(words[w], out);
  }
  if (is_word_byte(static_cast<unsigned char>(words.back().back()))) out += "\\b";
  return out;
}

std::string phrases_to_pattern(const std::vector<std::string>& phrases) {
  std::vector<std::string> parts;
  parts.reserve(phrases.size());
  for (const auto& phrase : phrases) parts.push_back(phrase_to_pattern(phrase));
  // RE2 prefers the leftmost alternative at one position; listing longer
  // patterns first makes "hung up on me" win over "hung up".
  std::stable_sort(parts.begin(), parts.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out = "(?:";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '|';
    out += parts[i];
  }
  out += ')';
  return out;
}

}  // namespace conduct
