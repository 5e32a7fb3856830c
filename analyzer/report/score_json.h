// JSON for the scoring stage's values: adjustments, stated points, call
// metrics and the ledger records of schema conduct/1 (the score module itself
// writes none).
#pragma once

#include <nlohmann/json.hpp>

#include "score/adjustments.h"
#include "score/call_metrics.h"
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

/// The output record's "call_metrics" object (schema conduct/1, README "Call
/// metrics"): times as integer milliseconds; shares and sentiment rounded to
/// 4 decimals (as compound sentiment is), words per minute to 1; a share or
/// speed with nothing to divide by, and a quarter without a turn, are null.
nlohmann::ordered_json call_metrics_to_json(const CallMetrics& call);

/// A ledger_round record of schema conduct/1.
nlohmann::ordered_json ledger_round_json(const LedgerRound& round, const CategoryTable& names);
/// The ledger_total record of schema conduct/1.
nlohmann::ordered_json ledger_total_json(const Ledger& ledger);

}  // namespace conduct
