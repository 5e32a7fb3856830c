// Output records of schema conduct/1 (SPEC section 6; schema/conduct-1.schema.json).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/error.h"
#include "report/pipeline.h"

namespace conduct {

/// Where a record came from.
struct SourceInfo {
  std::string path;  // as given on the command line; "-" for stdin
  std::optional<Format> format;
  std::size_t bytes = 0;   // of the file, or of the JSON Lines record
  std::string sha256;      // of the same bytes
  std::size_t record = 0;  // 1-based line of a JSON Lines record; 0 for whole files
};

struct ReportOptions {
  bool detail = false;  // per-turn and per-sentence results
};

/// The result record of one analysed document.
nlohmann::ordered_json result_record(const Analysis& analysis, const SourceInfo& source,
                                     const Resources& resources, const ReportOptions& options);

/// The error record of one input record that could not be analysed.
nlohmann::ordered_json error_record(std::string_view id, const SourceInfo& source,
                                    const Error& error);

/// Sentiment scores as JSON, rounded as VADER prints them.
nlohmann::ordered_json sentiment_json(const SentimentScores& scores);

/// Evidence as JSON; `with_source` adds the turn's JSON Pointer.
nlohmann::ordered_json evidence_json(const Evidence& evidence);

}  // namespace conduct
