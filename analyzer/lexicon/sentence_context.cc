#include "lexicon/sentence_context.h"

namespace conduct {
namespace {

// Bytes >= 0x80 count as word bytes: they belong to non-ASCII letters.
bool is_word_byte(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '\'' || c >= 0x80;
}

bool is_letter(char ch) {
  const auto c = static_cast<unsigned char>(ch);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool ends_clause(char c) {
  return c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '"' ||
         c == '(' || c == ')';
}

// Walks the words before a position, right to left, until the clause ends.
// Calls visit(word, next_word) for each, next_word being the word after it
// (empty for the first); stops when visit returns true or after max_words.
template <typename Visit>
bool any_word_before(std::string_view s, std::size_t position, std::size_t max_words, Visit visit) {
  std::size_t i = position > s.size() ? s.size() : position;
  std::string_view next;
  std::size_t count = 0;
  while (i > 0 && count < max_words) {
    const char c = s[i - 1];
    if (ends_clause(c)) return false;
    if (!is_word_byte(c)) {
      --i;
      continue;
    }
    const std::size_t end = i;
    while (i > 0 && is_word_byte(s[i - 1])) --i;
    std::string_view word = s.substr(i, end - i);
    // Quotes hugging a word ('no') are not part of it.
    while (!word.empty() && word.front() == '\'') word.remove_prefix(1);
    while (!word.empty() && word.back() == '\'') word.remove_suffix(1);
    if (word.empty()) continue;
    if (word == "but") return false;
    if (visit(word, next)) return true;
    next = word;
    ++count;
  }
  return false;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

void find_quoted_ranges(std::string_view s, std::vector<ByteSpan>& ranges) {
  // Double quotes: pair them left to right.
  std::size_t open = std::string_view::npos;
  std::size_t first = std::string_view::npos;
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '"') continue;
    ++count;
    if (first == std::string_view::npos) first = i;
    if (open == std::string_view::npos) {
      open = i;
    } else {
      ranges.push_back({open + 1, i});
      open = std::string_view::npos;
    }
  }
  if (count % 2 == 1) {
    // One quote left over. If the first quote closes (a letter or punctuation
    // before it, nothing but space after), the quotation began in an earlier
    // sentence: re-pair from the second quote on.
    const bool first_closes =
        first > 0 && s[first - 1] != ' ' && (first + 1 == s.size() || s[first + 1] == ' ');
    if (first_closes) {
      ranges.erase(ranges.end() - static_cast<std::ptrdiff_t>(count / 2), ranges.end());
      ranges.push_back({0, first});
      std::size_t reopen = std::string_view::npos;
      for (std::size_t i = first + 1; i < s.size(); ++i) {
        if (s[i] != '"') continue;
        if (reopen == std::string_view::npos) {
          reopen = i;
        } else {
          ranges.push_back({reopen + 1, i});
          reopen = std::string_view::npos;
        }
      }
    } else {
      ranges.push_back({open + 1, s.size()});
    }
  }
  // Single quotes used as quotation marks.
  std::size_t single_open = std::string_view::npos;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\'') continue;
    const bool space_before = i == 0 || s[i - 1] == ' ' || s[i - 1] == '(';
    const bool letter_after = i + 1 < s.size() && is_letter(s[i + 1]);
    const bool letter_before = i > 0 && s[i - 1] != ' ';
    const bool no_letter_after = i + 1 == s.size() || !is_letter(s[i + 1]);
    if (single_open == std::string_view::npos) {
      if (space_before && letter_after) single_open = i;
    } else if (letter_before && no_letter_after) {
      ranges.push_back({single_open + 1, i});
      single_open = std::string_view::npos;
    }
  }
}

namespace {

// Whether `word` (and the word after it, `next`) is one of `entries`: an
// entry of two words needs both.
bool is_one_of(const std::vector<std::string>& entries, std::string_view word,
               std::string_view next) {
  for (const std::string& entry : entries) {
    const std::size_t space = entry.find(' ');
    if (space == std::string::npos) {
      if (word == entry) return true;
    } else if (word == std::string_view(entry).substr(0, space) &&
               next == std::string_view(entry).substr(space + 1)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool negated_before(std::string_view s, std::size_t position, const ClauseWords& words) {
  return any_word_before(s, position, 3, [&](std::string_view word, std::string_view next) {
    if (word == "no") return next != "one";
    if (ends_with(word, "n't")) return true;
    return is_one_of(words.negators, word, next);
  });
}

bool conditional_before(std::string_view s, std::size_t position, const ClauseWords& words) {
  return any_word_before(s, position, s.size(), [&](std::string_view word, std::string_view next) {
    return is_one_of(words.conditionals, word, next);
  });
}

bool is_question(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '"' || s[end - 1] == '\'')) --end;
  return end > 0 && s[end - 1] == '?';
}

}  // namespace conduct
