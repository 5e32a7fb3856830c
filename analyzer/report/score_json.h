// JSON for the scoring stage's values: adjustments, stated points and the
// ledger records of schema conduct/1 (the score module itself writes none).
#pragma once

#include <nlohmann/json.hpp>

#include "score/adjustments.h"
#include "score/ledger.h"
#include "score/stated.h"

namespace conduct {

/// The output record's "adjustments" array (schema conduct/1):
/// [{"category": "unresponsive", "points": -3, "findings": [0], "reason": "..."}].
nlohmann::ordered_json adjustments_to_json(const std::vector<Adjustment>& adjustments,
                                           const CategoryTable& names);

/// The output record's "stated" object: the last stated balance, every
/// balance and adjustment the document states, and their evidence in
/// document order.
nlohmann::ordered_json stated_to_json(const StatedPoints& stated);

/// A ledger_round record of schema conduct/1.
nlohmann::ordered_json ledger_round_json(const LedgerRound& round, const CategoryTable& names);
/// The ledger_total record of schema conduct/1.
nlohmann::ordered_json ledger_total_json(const Ledger& ledger);

}  // namespace conduct
