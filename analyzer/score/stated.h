// Points the author states in the text: running balances ("T-Mobile is now
// at negative 17 points", "they're at -20", "score: +5") and adjustments
// ("I'm going to deduct 3 points", "minus two", "I'll give them 5 points"),
// in digits or words, each with its evidence.
#pragma once

#include <memory>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "core/finding.h"
#include "core/sentence.h"
#include "lexicon/phrase.h"

namespace conduct {

/// One stated number and where it is stated. The evidence quotes the words
/// that state it ("negative 17 points", "deduct 3 points") with their exact
/// original offsets and line.
struct StatedValue {
  int value = 0;
  Evidence evidence;
};

/// Everything stated in one document, each list in document order.
struct StatedPoints {
  std::vector<StatedValue> balances;
  std::vector<StatedValue> adjustments;
};

/// The words of the stated-points patterns, as lexicons/lists.toml names
/// them: `stated_minus_words` and `stated_plus_words` (a sign in words:
/// "negative 17"), `stated_bare_minus` and `stated_bare_plus` (a sign that
/// alone makes an adjustment: "minus two"), `stated_points` ("points")
/// and `stated_point_abbreviations` ("pts", which may end in a full stop), `stated_balance_frames`
/// and `stated_balance_adverbs` ("is now at", "puts them at"), `stated_move_verbs` ("dropped to"),
/// `stated_total_nouns` and `stated_total_links` ("score is", "balance:"), `stated_deduct_verbs`
/// and `stated_deduct_objects` ("deduct another 3 points"),
/// `stated_deducted_words` ("3 points off"), `stated_award_verbs` and
/// `stated_award_extras` ("give them 5 bonus points"). A name the lists do
/// not hold keeps its built-in words. Number words stay in code
/// (score/number_words.h): the parser must read them.
PhraseLists stated_lists(const PhraseLists& overrides = {});

/// Reads balances and adjustments stated in sentences. Immutable once built;
/// safe to share between threads.
class StatedPointsReader {
 public:
  /// With the built-in words.
  StatedPointsReader();
  /// With the folder's words (stated_lists(lists)). Failure: a list entry
  /// that makes a pattern RE2 cannot compile (lexicon_bad_pattern).
  static Result<StatedPointsReader> from_lists(const PhraseLists& lists);

  /// Numbers may be digits or words up to ninety-nine ("negative 17", "-20",
  /// "minus two", "three"). A balance needs a frame ("is now at", "puts them
  /// at", "score:", "they're at") and either a sign or the word "points"; an
  /// adjustment needs a verb ("deduct", "take away", "give them", "add") and
  /// "points", or an explicit "minus N"/"plus N". Sentences must be views into
  /// `document`'s turn texts (Sentence::text). Cost: a few RE2 searches per
  /// sentence.
  StatedPoints read(const std::vector<Sentence>& sentences, const Document& document) const;

  StatedPointsReader(StatedPointsReader&&) noexcept;
  StatedPointsReader& operator=(StatedPointsReader&&) noexcept;
  ~StatedPointsReader();

 private:
  struct Patterns;
  explicit StatedPointsReader(std::unique_ptr<const Patterns> patterns);
  std::unique_ptr<const Patterns> patterns_;
};

/// The output record's "stated" object (schema conduct/1):
/// {"balance": last stated balance or null, "balances": [-17, -20],
///  "adjustments": [-3], "evidence": [{"kind": "balance", "value": -17,
///  "text": "negative 17 points", "start": .., "end": .., "line": ..}, ...]},

}  // namespace conduct
