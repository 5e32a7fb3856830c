// Sentences and words from ICU's BreakIterator, run directly on UTF-8 through
// UText so that every boundary is already a byte offset.
#include "normalize/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace conduct {
namespace {

// Lines at most this long (in code points) without terminal punctuation read
// as headings ("Bad Business", "Pros: N/A") when the next line is capitalized.
constexpr std::size_t kHeadingMaxChars = 60;

// Abbreviations (lower-cased, with their dots) after which ICU's break is
// always wrong in call notes.
constexpr std::array<std::string_view, 12> kAlwaysJoin = {
    "mr.", "mrs.", "ms.", "dr.", "st.", "jr.", "sr.", "prof.", "approx.", "e.g.", "i.e.", "vs."};
// Abbreviations that end a sentence unless a lower-case word follows.
constexpr std::array<std::string_view, 6> kJoinBeforeLower = {"a.m.", "p.m.", "etc.",
                                                              "inc.", "co.",  "ltd."};

bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

const std::uint8_t* bytes_of(std::string_view text) {
  return reinterpret_cast<const std::uint8_t*>(text.data());
}

/// The code point starting at `at`, or -1 at the end or on bad UTF-8.
UChar32 code_point_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return -1;
  auto i = static_cast<std::int32_t>(at);
  UChar32 c = 0;
  U8_NEXT(bytes_of(text), i, static_cast<std::int32_t>(text.size()), c);
  return c;
}

/// Characters the normalizer drops: controls and default-ignorables.
bool is_invisible(UChar32 c) {
  return u_charType(c) == U_CONTROL_CHAR ||
         u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

/// Shrinks [begin, end) past Unicode whitespace at both ends, and past
/// invisible characters at the start or next to trailing whitespace, so that
/// a sentence's original bytes normalize to exactly its normalized span.
ByteSpan trim(std::string_view text, std::size_t begin, std::size_t end) {
  const std::uint8_t* s = bytes_of(text);
  auto b = static_cast<std::int32_t>(begin);
  auto e = static_cast<std::int32_t>(end);
  while (b < e) {
    std::int32_t next = b;
    UChar32 c = 0;
    U8_NEXT(s, next, e, c);
    if (c < 0 || !(u_isUWhiteSpace(c) || is_invisible(c))) break;
    b = next;
  }
  // Invisible default-ignorables (ZWJ, ZWSP, variation selectors) go with
  // the whitespace they trail, but stay when they end a word ("\u2764\uFE0F").
  std::int32_t kept_end = e;
  while (e > b) {
    std::int32_t prev = e;
    UChar32 c = 0;
    U8_PREV(s, b, prev, c);
    if (c < 0) break;
    if (u_isUWhiteSpace(c)) {
      kept_end = prev;
    } else if (!is_invisible(c)) {
      break;
    }
    e = prev;
  }
  e = kept_end;
  return {static_cast<std::size_t>(b), static_cast<std::size_t>(e)};
}

/// Moves a break forward past code points that NFKC may combine with what
/// precedes them (combining marks, conjoining jamo), so that a sentence never
/// splits a unit the normalizer maps as a whole.
std::size_t snap_to_normalization_boundary(const icu::Normalizer2* nfkc, std::string_view text,
                                           std::size_t at) {
  if (nfkc == nullptr) return at;
  while (at < text.size() && static_cast<unsigned char>(text[at]) >= 0x80) {
    auto next = static_cast<std::int32_t>(at);
    UChar32 c = 0;
    U8_NEXT(bytes_of(text), next, static_cast<std::int32_t>(text.size()), c);
    if (c < 0 || nfkc->hasBoundaryBefore(c) || u_isUWhiteSpace(c)) break;
    at = static_cast<std::size_t>(next);
  }
  return at;
}

/// The first code point of the next word after `at`, skipping whitespace and
/// opening quotes or brackets; -1 when there is none.
UChar32 next_word_start(std::string_view text, std::size_t at) {
  while (at < text.size() &&
         (is_ascii_space(text[at]) || text[at] == '"' || text[at] == '\'' || text[at] == '(')) {
    ++at;
  }
  return code_point_at(text, at);
}

/// True when ICU's sentence break at `at` follows an abbreviation and must be
/// undone.
bool follows_abbreviation(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && is_ascii_space(text[end - 1])) --end;
  if (end == 0 || text[end - 1] != '.') return false;
  std::size_t begin = end;
  while (begin > 0 && !is_ascii_space(text[begin - 1])) --begin;
  // Leading quotes and brackets are not part of the word ("(approx." / "“Mr.").
  while (begin < end && !is_ascii_alnum(text[begin])) ++begin;
  const std::size_t length = end - begin;
  if (length == 2 && text[begin] >= 'A' && text[begin] <= 'Z') return true;  // an initial
  if (length > 7) return false;
  char lowered[8] = {};
  for (std::size_t k = 0; k < length; ++k) lowered[k] = ascii_lower(text[begin + k]);
  const std::string_view word(lowered, length);
  if (std::find(kAlwaysJoin.begin(), kAlwaysJoin.end(), word) != kAlwaysJoin.end()) return true;
  const UChar32 next = next_word_start(text, at);
  if (word == "no.") return next >= '0' && next <= '9';
  if (std::find(kJoinBeforeLower.begin(), kJoinBeforeLower.end(), word) != kJoinBeforeLower.end()) {
    return next >= 0 && u_islower(next);
  }
  return false;
}

/// True when the line text[begin, end) (already trimmed) reads as a heading.
bool is_heading_like(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin >= end) return false;
  const char last = text[end - 1];
  if (last == '.' || last == '!' || last == '?') return false;
  std::size_t chars = 0;
  for (std::size_t k = begin; k < end; ++k) {
    if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++chars;  // lead bytes only
    if (chars >= kHeadingMaxChars) return false;
  }
  return true;
}

/// Breaks that the newline rules force: after a line followed by a blank
/// line, and after a heading-like line followed by a capitalized line. Each
/// break is the offset of the newline.
void add_line_breaks(std::string_view text, std::vector<std::size_t>& forced) {
  std::size_t line_begin = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string_view::npos;
       nl = text.find('\n', line_begin)) {
    const ByteSpan line = trim(text, line_begin, nl);
    line_begin = nl + 1;
    std::size_t next = line_begin;
    bool blank_line = false;
    while (next < text.size() && is_ascii_space(text[next])) {
      if (text[next] == '\n') blank_line = true;
      ++next;
    }
    if (next >= text.size() || line.empty()) continue;
    if (blank_line) {
      forced.push_back(nl);
      continue;
    }
    const UChar32 first = code_point_at(text, next);
    if (first >= 0 && u_isupper(first) && is_heading_like(text, line.begin, line.end)) {
      forced.push_back(nl);
    }
  }
}

/// Opens `text` as a UTF-8 UText and hands it to `iterator`; false on failure.
bool set_utf8_text(icu::BreakIterator& iterator, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data(), static_cast<std::int64_t>(text.size()), &status);
  if (U_SUCCESS(status)) iterator.setText(&ut, status);  // keeps its own shallow clone
  utext_close(&ut);
  return U_SUCCESS(status);
}

bool is_emoji(UChar32 c) {
  return c >= 0 && (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
                    u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION));
}

}  // namespace

struct SentenceSplitter::Icu {
  std::unique_ptr<icu::BreakIterator> iterator;
  const icu::Normalizer2* nfkc = nullptr;  // ICU-owned singleton
  std::vector<std::size_t> forced;         // reused across calls
};

SentenceSplitter::SentenceSplitter() : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->iterator.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) icu_->iterator.reset();
  status = U_ZERO_ERROR;
  icu_->nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) icu_->nfkc = nullptr;
}

SentenceSplitter::~SentenceSplitter() = default;

std::vector<ByteSpan> SentenceSplitter::split(std::string_view text) {
  std::vector<ByteSpan> sentences;
  auto emit = [&](std::size_t begin, std::size_t end) {
    end = std::max(begin, snap_to_normalization_boundary(icu_->nfkc, text, end));
    const ByteSpan span = trim(text, begin, end);
    if (!span.empty()) sentences.push_back(span);
  };

  std::vector<std::size_t>& forced = icu_->forced;
  forced.clear();
  add_line_breaks(text, forced);

  // ICU breaks after every newline; newlines are our business (above), so
  // ICU sees them as spaces. Same length, so offsets are unchanged.
  scratch_.assign(text);
  std::replace(scratch_.begin(), scratch_.end(), '\n', ' ');
  std::replace(scratch_.begin(), scratch_.end(), '\r', ' ');
  icu::BreakIterator* iterator = icu_->iterator.get();
  if (iterator == nullptr || !set_utf8_text(*iterator, scratch_)) {
    iterator = nullptr;  // no break data: only the newline rules apply
  }

  std::size_t start = 0;
  auto forced_it = forced.begin();
  std::int32_t icu_break = iterator != nullptr ? iterator->first() : icu::BreakIterator::DONE;
  if (icu_break != icu::BreakIterator::DONE) icu_break = iterator->next();
  while (true) {
    const std::size_t next_icu =
        icu_break == icu::BreakIterator::DONE ? text.size() : static_cast<std::size_t>(icu_break);
    if (forced_it != forced.end() && *forced_it <= next_icu) {
      emit(start, *forced_it);
      start = std::max(start, *forced_it);
      if (*forced_it == next_icu && icu_break != icu::BreakIterator::DONE) {
        icu_break = iterator->next();
      }
      ++forced_it;
      continue;
    }
    if (icu_break == icu::BreakIterator::DONE) break;
    if (next_icu < text.size() && !follows_abbreviation(text, next_icu)) {
      emit(start, next_icu);
      start = std::max(start, snap_to_normalization_boundary(icu_->nfkc, text, next_icu));
    }
    icu_break = iterator->next();
  }
  emit(start, text.size());
  return sentences;
}

struct WordSplitter::Icu {
  std::unique_ptr<icu::BreakIterator> iterator;
};

WordSplitter::WordSplitter() : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->iterator.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) icu_->iterator.reset();
}

WordSplitter::~WordSplitter() = default;

std::vector<ByteSpan> WordSplitter::split(std::string_view text) {
  std::vector<ByteSpan> words;
  icu::BreakIterator* iterator = icu_->iterator.get();
  if (text.empty() || iterator == nullptr || !set_utf8_text(*iterator, text)) return words;
  std::int32_t begin = iterator->first();
  for (std::int32_t end = iterator->next(); end != icu::BreakIterator::DONE;
       begin = end, end = iterator->next()) {
    // Rule status NONE covers spaces and punctuation, but also emoji.
    if (iterator->getRuleStatus() >= UBRK_WORD_NONE_LIMIT ||
        is_emoji(code_point_at(text, static_cast<std::size_t>(begin)))) {
      words.push_back({static_cast<std::size_t>(begin), static_cast<std::size_t>(end)});
    }
  }
  return words;
}

std::vector<ByteSpan> split_sentences(std::string_view text) {
  SentenceSplitter splitter;
  return splitter.split(text);
}

std::vector<ByteSpan> split_words(std::string_view text) {
  WordSplitter splitter;
  return splitter.split(text);
}

}  // namespace conduct
