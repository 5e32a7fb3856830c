#include "lexicon/phrase.h"

#include <algorithm>
#include <optional>

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

// Compiled phrases as one alternation. RE2 prefers the leftmost alternative
// at one position; listing longer patterns first makes "hung up on me" win
// over "hung up".
std::string longest_first(std::vector<std::string> parts) {
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

// Words of a phrase: the runs of non-space bytes.
std::vector<std::string_view> words_of(std::string_view phrase) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && is_space(phrase[i])) ++i;
    const std::size_t start = i;
    while (i < phrase.size() && !is_space(phrase[i])) ++i;
    if (i > start) words.push_back(phrase.substr(start, i - start));
  }
  return words;
}

// A list entry without boundaries: escaped words joined by `\s+`.
void append_entry(std::string_view entry, std::string& out) {
  const auto words = words_of(entry);
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (w > 0) out += "\\s+";
    append_word(words[w], out);
  }
}

// `{name}`: the name between the braces when `word` is a list reference.
std::optional<std::string_view> list_name(std::string_view word) {
  if (word.size() < 3 || word.front() != '{' || word.back() != '}') return std::nullopt;
  const std::string_view name = word.substr(1, word.size() - 2);
  if (!(name.front() >= 'a' && name.front() <= 'z')) return std::nullopt;
  for (char c : name) {
    if (!is_word_byte(static_cast<unsigned char>(c))) return std::nullopt;
  }
  return name;
}

bool append_list(std::string_view name, const PhraseLists& lists, std::string& out,
                 std::string* error) {
  if (lists.patterns.find(name) != lists.patterns.end()) {
    if (error)
      *error = "'" + std::string(name) + "' is a pattern fragment: it stands in patterns only";
    return false;
  }
  const auto it = lists.words.find(name);
  if (it == lists.words.end() || it->second.empty()) {
    if (error) *error = "unknown list '" + std::string(name) + "'";
    return false;
  }
  // Longest entry first, as for phrases: "customer service rep" before "rep".
  std::vector<std::string> entries = it->second;
  std::stable_sort(entries.begin(), entries.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  out += "(?:";
  for (std::size_t e = 0; e < entries.size(); ++e) {
    if (e > 0) out += '|';
    append_entry(entries[e], out);
  }
  out += ')';
  return true;
}

// `...` or `...N`: the number of words the gap may stand for, or -1.
int gap_words(std::string_view word) {
  if (word.substr(0, 3) != "...") return -1;
  if (word.size() == 3) return kDefaultGapWords;
  int n = 0;
  for (char c : word.substr(3)) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
    if (n > kMaxGapWords) return -1;
  }
  return n >= 1 ? n : -1;
}

}  // namespace

std::string compile_phrase(std::string_view phrase, const PhraseLists& lists, std::string* error) {
  const auto words = words_of(phrase);
  std::string out;
  int pending_gap = 0;  // words the gap before the next word may stand for
  bool any_word = false;
  bool ends_in_word = false;
  for (std::size_t w = 0; w < words.size(); ++w) {
    const std::string_view word = words[w];
    if (const int gap = gap_words(word); gap > 0) {
      if (!any_word || w + 1 == words.size()) {
        if (error) *error = "a gap ('...') must stand between two words of the phrase";
        return "";
      }
      pending_gap += gap;
      continue;
    }
    const auto name = list_name(word);
    const bool star = word == "*";
    const bool starts_word = name || star || is_word_byte(static_cast<unsigned char>(word.front()));
    if (!any_word && starts_word) out += "\\b";
    if (any_word) {
      // A gap: up to N whole words between the two, within the sentence.
      if (pending_gap > 0) out += "(?:\\s+\\S+){0," + std::to_string(pending_gap) + "}";
      out += "\\s+";
    }
    pending_gap = 0;
    if (name) {
      if (!append_list(*name, lists, out, error)) return "";
    } else if (star) {
      out += "[^\\s.,;:!?\"]+";
    } else {
      append_word(word, out);
    }
    any_word = true;
    ends_in_word = name || star || is_word_byte(static_cast<unsigned char>(word.back()));
  }
  if (!any_word) {
    if (error) *error = "empty phrase";
    return "";
  }
  if (ends_in_word) out += "\\b";
  return out;
}

std::string compile_phrases(const std::vector<std::string>& phrases, const PhraseLists& lists,
                            std::string* error) {
  std::vector<std::string> parts;
  parts.reserve(phrases.size());
  for (const auto& phrase : phrases) {
    std::string part = compile_phrase(phrase, lists, error);
    if (part.empty()) {
      if (error) *error = "phrase \"" + phrase + "\": " + *error;
      return "";
    }
    parts.push_back(std::move(part));
  }
  return longest_first(std::move(parts));
}

std::string expand_list_references(std::string_view pattern, const PhraseLists& lists,
                                   std::string* error) {
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {  // an escape: copy both bytes
      out += pattern.substr(i, 2);
      i += 2;
      continue;
    }
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        if (const auto name = list_name(pattern.substr(i, close - i + 1))) {
          if (const auto fragment = lists.patterns.find(*name); fragment != lists.patterns.end()) {
            out += "(?:" + fragment->second + ")";
          } else if (!append_list(*name, lists, out, error)) {
            return "";
          }
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

PhraseLists with_overrides(PhraseLists defaults, const PhraseLists& overrides) {
  for (auto& [name, words] : defaults.words) {
    if (const auto it = overrides.words.find(name); it != overrides.words.end()) {
      words = it->second;
    }
  }
  return defaults;
}

std::string phrase_to_pattern(std::string_view phrase) {
  const std::vector<std::string_view> words = words_of(phrase);
  if (words.empty()) return "";
  std::string out;
  if (is_word_byte(static_cast<unsigned char>(words.front().front()))) out += "\\b";
  append_entry(phrase, out);
  if (is_word_byte(static_cast<unsigned char>(words.back().back()))) out += "\\b";
  return out;
}

}  // namespace conduct
