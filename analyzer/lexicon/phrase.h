// Plain phrases to RE2 source: fixed wording with word boundaries and
// flexible whitespace, so lexicon authors need not write regular expressions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace conduct {

/// One phrase as RE2 source: every word escaped (regex metacharacters are
/// literal), words joined by `\s+`, and `\b` added at either end only next to
/// a word character ("hung up on me" -> `\bhung\s+up\s+on\s+me\b`). An
/// apostrophe (straight or curly) matches either. Returns "" for a phrase
/// that holds no word (the caller reports it). Cost: linear in the phrase.
std::string phrase_to_pattern(std::string_view phrase);

/// Several phrases as one non-capturing alternation, longest first so that
/// the leftmost match is also the longest of equal starts.
std::string phrases_to_pattern(const std::vector<std::string>& phrases);

}  // namespace conduct
