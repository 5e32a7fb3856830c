// What the guards and the reported-speech routing need to know about a
// normalized sentence: where quotations are, and what precedes a match in
// its clause. All functions work on normalized (lower-case, straight-quote)
// text, allocate nothing and cost time linear in the bytes they look at.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace conduct {

/// Appends the ranges inside quotation marks (without the marks): pairs of
/// `"`, and pairs of `'` that open after a space and close before a non-letter
/// (so "that's" and "customers'" do not open or close a quote). An unpaired
/// `"` quotes to the end of the sentence, or from its start when it closes a
/// quotation the previous sentence opened.
void find_quoted_ranges(std::string_view sentence, std::vector<ByteSpan>& ranges);

/// The words the guards look for, as lexicons/lists.toml names them
/// (`negators`, `conditionals`); an entry of two words ("would have") needs
/// both, in order. The defaults are the built-in ones below.
struct ClauseWords {
  std::vector<std::string> negators = {"not", "never",  "without", "hardly",
                                       "nor", "cannot", "neither", "barely"};
  std::vector<std::string> conditionals = {"if",        "unless",     "whether",    "would've",
                                           "should've", "would have", "should have"};
};

/// True when a negator (`words.negators`, "no" but not "no one", any
/// "...n't") is among the 3 words before `position` in the same clause (a
/// comma, semicolon, colon, quotation mark, end of sentence or "but" ends a
/// clause).
bool negated_before(std::string_view sentence, std::size_t position, const ClauseWords& words = {});

/// True when a conditional (`words.conditionals`: "if", "unless", "would
/// have", ...) occurs before `position` in the same clause.
bool conditional_before(std::string_view sentence, std::size_t position,
                        const ClauseWords& words = {});

/// True when the sentence, ignoring trailing spaces and closing quotes, ends
/// with '?'.
bool is_question(std::string_view sentence);

}  // namespace conduct
