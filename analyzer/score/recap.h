// Recaps: sentences that retell an earlier round of a dispute ("Round three
// ended with an unhappy customer.", "as I described last time", "see the
// prior article"). Their findings are reported with recap: true and are not
// counted again in the document's points.
#pragma once

#include <vector>

#include "core/sentence.h"

namespace conduct {

/// recap[i] is true when sentence i retells an earlier round. A sentence that
/// narrates an earlier round ("round three ended", "in my last post", "last
/// time I called", "previously, ...") starts a run that carries through the
/// following sentences of the same paragraph (same turn, no blank line)
/// until one returns to the present ("now", "this time", "today", "my next
/// step"). A pointer to an earlier round ("see the prior article", or a
/// closing "(see round three)") marks only its own sentence; a parenthetical
/// in the middle of a sentence ("After my call with Albert (see round three) I
/// called ...") names a person or thing, not the sentence's time, and marks
/// nothing. Matching runs on Sentence::normalized_text (lower case, straight
/// quotes). Cost: a few RE2 searches per sentence.
std::vector<bool> mark_recaps(const std::vector<Sentence>& sentences);

}  // namespace conduct
