// Recaps: sentences that retell an earlier round of a dispute ("Round three
// ended with an unhappy customer.", "as I described last time", "see the
// prior article"). Their findings are reported with recap: true and are not
// counted again in the document's points.
#pragma once

#include <memory>
#include <vector>

#include "core/error.h"
#include "core/sentence.h"
#include "lexicon/phrase.h"

namespace re2 {
class RE2;
}

namespace conduct {

/// The words of the recap patterns, as lexicons/lists.toml names them:
/// `recap_round_numbers` (one..ten; digits always count), `recap_earlier`
/// (last, previous, ...), `recap_instalments` (round, post, call, ...),
/// `recap_round_verbs` (after "round three": ended, went, ...),
/// `recap_told_verbs` (after "my last post": described, told, ...),
/// `recap_as_i_verbs` (after "as I": described, mentioned, ...),
/// `recap_contact_verbs` (after "last time I": called, wrote, ...) and
/// `recap_present` (now, this time, today, ...). A name the lists do not
/// hold keeps its built-in words.
PhraseLists recap_lists(const PhraseLists& overrides = {});

/// Marks the sentences that retell an earlier round. Immutable once built;
/// safe to share between threads.
class RecapMarker {
 public:
  /// With the built-in words.
  RecapMarker();
  /// With the folder's words (recap_lists(lists)). Failure: a list entry that
  /// makes a pattern RE2 cannot compile (lexicon_bad_pattern).
  static Result<RecapMarker> from_lists(const PhraseLists& lists);

  /// recap[i] is true when sentence i retells an earlier round. A sentence
  /// that narrates an earlier round ("round three ended", "in my last post",
  /// "last time I called", "previously, ...") starts a run that carries
  /// through the following sentences of the same paragraph (same turn, no
  /// blank line) until one returns to the present ("now", "this time",
  /// "today", "my next step"). A pointer to an earlier round ("see the prior
  /// article", or a closing "(see round three)") marks only its own sentence;
  /// a parenthetical in the middle of a sentence ("After my call with Albert
  /// (see round three) I called ...") names a person or thing, not the
  /// sentence's time, and marks nothing. Matching runs on
  /// Sentence::normalized_text (lower case, straight quotes). Cost: a few RE2
  /// searches per sentence.
  std::vector<bool> mark(const std::vector<Sentence>& sentences) const;

  RecapMarker(RecapMarker&&) noexcept;
  RecapMarker& operator=(RecapMarker&&) noexcept;
  ~RecapMarker();

 private:
  struct Patterns;
  explicit RecapMarker(std::unique_ptr<const Patterns> patterns);
  std::unique_ptr<const Patterns> patterns_;
};

}  // namespace conduct
