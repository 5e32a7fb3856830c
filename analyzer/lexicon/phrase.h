// Plain phrases to RE2 source: fixed wording with word boundaries and
// flexible whitespace, so lexicon authors need not write regular expressions.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace conduct {

/// One plain phrase as RE2 source (a list entry, or a phrase with none of
/// format 2's `{name}`, `*` and `...`): every word escaped (regex metacharacters are
/// literal), words joined by `\s+`, and `\b` added at either end only next to
/// a word character ("hung up on me" -> `\bhung\s+up\s+on\s+me\b`). An
/// apostrophe (straight or curly) matches either. Returns "" for a phrase
/// that holds no word (the caller reports it). Cost: linear in the phrase.
std::string phrase_to_pattern(std::string_view phrase);

/// Named word and phrase lists (`[lists]` in lexicons/lists.toml and in a
/// lexicon file), used in phrases and patterns as `{name}`; and named RE2
/// fragments (`[patterns]`), for what a list of words cannot say ("any word
/// but I or we"), used in patterns only. One namespace for both.
struct PhraseLists {
  std::map<std::string, std::vector<std::string>, std::less<>> words;
  std::map<std::string, std::string, std::less<>> patterns;

  bool has(std::string_view name) const {
    return words.find(name) != words.end() || patterns.find(name) != patterns.end();
  }
};

/// `defaults` with each of its lists that `overrides` also names replaced by
/// the entries there: a reader's built-in words, overridden list by list by
/// a folder's lists.toml (lists `defaults` does not hold are not added).
PhraseLists with_overrides(PhraseLists defaults, const PhraseLists& overrides);

/// How many words `...` in a phrase may stand for when it names no number.
inline constexpr int kDefaultGapWords = 6;
/// The most words a gap may stand for (`...12`).
inline constexpr int kMaxGapWords = 12;

/// A phrase of format 2 as RE2 source. Besides plain words (as
/// phrase_to_pattern), a word may be `{name}` (any entry of that list,
/// itself a plain phrase), `*` (exactly one word) or `...` / `...N` (up to
/// kDefaultGapWords / N words, within the sentence). Returns "" and sets
/// `error` for an unknown list, a gap at either end or a phrase of nothing
/// but gaps. Cost: linear in the phrase and the lists it names.
std::string compile_phrase(std::string_view phrase, const PhraseLists& lists, std::string* error);

/// Several phrases of format 2 as one non-capturing alternation, longest
/// first so that the leftmost match is also the longest of equal starts; ""
/// and `error` (naming the phrase; may be null) on the first that does not
/// compile.
std::string compile_phrases(const std::vector<std::string>& phrases, const PhraseLists& lists,
                            std::string* error);

/// A pattern with its `{name}` references replaced by a non-capturing
/// alternation of the list's entries (each a plain phrase: escaped, words
/// joined by `\s+`; the pattern adds its own `\b`). RE2's counted
/// repetition (`{2}`, `{1,3}`) starts with a digit and is left alone. ""
/// and `error` for an unknown list.
std::string expand_list_references(std::string_view pattern, const PhraseLists& lists,
                                   std::string* error);

}  // namespace conduct
