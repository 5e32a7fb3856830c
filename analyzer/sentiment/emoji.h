// Emoji to words, as VADER does before scoring: each emoji code point is
// replaced by its description ("broken heart", "thumbs up"), which the lexicon
// and the idioms then score. The reference reads a large emoji lexicon that
// the pinned npm package does not ship; this is our own small table of common
// emoji, described by their Unicode (CLDR) short names.
#pragma once

#include <string>
#include <string_view>

namespace conduct::sentiment_text {

/// The description of one code point, or an empty view when it is not an
/// emoji we describe. O(log table size), no allocation.
std::string_view emoji_description(char32_t code_point);

/// True when `text` holds a code point with a description; the fast test that
/// lets scoring skip replace_emoji on ordinary text. O(n), no allocation.
bool contains_described_emoji(std::string_view text);

/// VADER's replacement, code point by code point: a described emoji becomes
/// its description, preceded by a space unless the previous character was a
/// space (or the text start); the character after a description follows it
/// directly. `out` is cleared first. O(n).
void replace_emoji(std::string_view text, std::string& out);

}  // namespace conduct::sentiment_text
