// Clauses of a long sentence, for the classifier.
//
// Why: people narrating a call write long sentences in which one clause
// carries the conduct ("I told them, very nicely, that we had given them a
// chance, but the woman I spoke to was very rude"). The model's features are
// normalized to unit length over the whole sentence, so the telling clause is
// diluted by the narration around it. Scoring each clause as well, and
// keeping the most probable, lets that clause speak for itself, and gives the
// finding tighter evidence.
#pragma once

#include <string_view>
#include <vector>

#include "core/span.h"

namespace conduct {

/// Appends to `clauses` the clause spans of a normalized sentence (ASCII
/// quotes and dashes, case folded), in order. A clause ends before a comma,
/// semicolon, colon, parenthesis, double quote or spaced dash, and before the
/// conjunctions "but", "because", "although", "though", "whereas" and "and"
/// (which open the next clause). A piece of fewer than `min_words` words
/// joins the clause that follows it (the last one joins the one before): five
/// words by default, because shorter fragments ("if you look up the word")
/// read as anything once their sentence is gone.
/// Spans exclude the separators' surrounding spaces. Nothing is appended
/// when the sentence is a single clause. Cost: linear, no allocation beyond
/// `clauses`.
void split_clauses(std::string_view normalized_sentence, std::vector<ByteSpan>& clauses,
                   std::size_t min_words = 5);

}  // namespace conduct
