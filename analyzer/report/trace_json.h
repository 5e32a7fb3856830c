// The trace of one analysis as JSON (`conduct explain --json`): per sentence,
// every rule hit and what became of it, every model score of interest with
// its top features; then the findings exactly as `analyze` reports them, and
// each adjustment with the policy line behind it.
#pragma once

#include <nlohmann/json.hpp>

#include "core/trace.h"
#include "pipeline/analysis.h"
#include "pipeline/resources.h"

namespace conduct {

nlohmann::ordered_json trace_json(const Analysis& analysis, const Trace& trace,
                                  const Resources& resources);

}  // namespace conduct
