// Points the author states in the text: running balances ("T-Mobile is now
// at negative 17 points", "they're at -20", "score: +5") and adjustments
// ("I'm going to deduct 3 points", "minus two", "I'll give them 5 points"),
// in digits or words, each with its evidence.
#pragma once

#include <vector>

#include "core/document.h"
#include "core/finding.h"
#include "core/sentence.h"

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

/// Reads balances and adjustments stated in the sentences. Numbers may be
/// digits or words up to ninety-nine ("negative 17", "-20", "minus two",
/// "three"). A balance needs a frame ("is now at", "puts them at", "score:",
/// "they're at") and either a sign or the word "points"; an adjustment needs a
/// verb ("deduct", "take away", "give them", "add") and "points", or an
/// explicit "minus N"/"plus N". Sentences must be views into `document`'s turn
/// texts (Sentence::text). Cost: a few RE2 searches per sentence.
StatedPoints read_stated_points(const std::vector<Sentence>& sentences, const Document& document);

/// The output record's "stated" object (schema conduct/1):
/// {"balance": last stated balance or null, "balances": [-17, -20],
///  "adjustments": [-3], "evidence": [{"kind": "balance", "value": -17,
///  "text": "negative 17 points", "start": .., "end": .., "line": ..}, ...]},

}  // namespace conduct
