#include "classify/clauses.h"

#include <array>

namespace conduct {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
         c >= 0x80;
}

bool is_separator(std::string_view text, std::size_t i) {
  switch (text[i]) {
    case ',':
    case ';':
    case ':':
    case '(':
    case ')':
    case '"':
      return true;
    case '-':  // a spaced dash, not a hyphen inside a word
      return i > 0 && i + 1 < text.size() && text[i - 1] == ' ' && text[i + 1] == ' ';
    default:
      return false;
  }
}

bool opens_clause(std::string_view word) {
  static constexpr std::array<std::string_view, 6> conjunctions = {"but",    "because", "although",
                                                                   "though", "whereas", "and"};
  for (const std::string_view c : conjunctions) {
    if (word == c) return true;
  }
  return false;
}

ByteSpan trimmed(std::string_view text, ByteSpan span) {
  while (span.begin < span.end && !is_word_byte(static_cast<unsigned char>(text[span.begin])))
    ++span.begin;
  while (span.end > span.begin && text[span.end - 1] == ' ') --span.end;
  return span;
}

}  // namespace

void split_clauses(std::string_view text, std::vector<ByteSpan>& clauses, std::size_t min_words) {
  const std::size_t first = clauses.size();
  ByteSpan piece{0, 0};
  std::size_t piece_words = 0;
  auto close_piece = [&](std::size_t end) {
    piece.end = end;
    if (piece_words == 0) {
      piece.begin = end;
      return;
    }
    if (piece_words >= min_words) {
      clauses.push_back(trimmed(text, piece));
      piece = {end, end};
      piece_words = 0;
    }
    // else: a short piece stays open and joins what follows
  };
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_word_byte(c)) {
      std::size_t end = i + 1;
      while (end < n && is_word_byte(static_cast<unsigned char>(text[end]))) ++end;
      if (opens_clause(text.substr(i, end - i))) close_piece(i);
      if (piece_words == 0) piece.begin = i;
      ++piece_words;
      i = end;
    } else {
      if (is_separator(text, i)) close_piece(i);
      ++i;
    }
  }
  if (piece_words > 0) {
    if (piece_words >= min_words || clauses.size() == first) {
      clauses.push_back(trimmed(text, {piece.begin, n}));
    } else {
      clauses.back().end = trimmed(text, {piece.begin, n}).end;  // a short tail joins the last
    }
  }
  if (clauses.size() - first < 2) clauses.resize(first);
}

}  // namespace conduct
