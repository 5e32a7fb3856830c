// Output records of schema conduct/1 (SPEC section 6; schema/conduct-1.schema.json).
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/document.h"
#include "core/error.h"
#include "pipeline/analysis.h"
#include "pipeline/resources.h"
#include "read/inputs.h"

namespace conduct {

struct ReportOptions {
  bool detail = false;  // per-turn and per-sentence results
};

/// The result record of one analysed document.
nlohmann::ordered_json result_record(const Analysis& analysis, const SourceInfo& source,
                                     const Resources& resources, const ReportOptions& options);

/// The result record as text, compact (`indent` < 0) or indented, with the
/// document's passed-through fields after ours, each exactly as its record
/// wrote it (a field named as one of ours is left out).
std::string result_record_text(const Analysis& analysis, const SourceInfo& source,
                               const Resources& resources, const ReportOptions& options,
                               int indent);

/// result_record_text in pieces of about a megabyte, handed to `write` in
/// order as they are made: a detailed record of a long transcript (several
/// times the size of its input) is never held whole. Throws, as dump does, on
/// a string that is not UTF-8, possibly after some pieces were written.
void write_result_record(const Analysis& analysis, const SourceInfo& source,
                         const Resources& resources, const ReportOptions& options, int indent,
                         const std::function<void(std::string_view piece)>& write);

/// Throws what write_result_record would throw (a string that is not UTF-8,
/// nlohmann's type_error 316, the first in the record's order) without
/// writing the record: the record's members but the turns, then the turns'
/// strings checked.
void check_result_record(const Analysis& analysis, const SourceInfo& source,
                         const Resources& resources, const ReportOptions& options);

/// The error record of one input record that could not be analysed.
nlohmann::ordered_json error_record(std::string_view id, const SourceInfo& source,
                                    const Error& error);

/// Sentiment scores as JSON, rounded as VADER prints them.
nlohmann::ordered_json sentiment_json(const SentimentScores& scores);

/// One finding as the result record writes it.
nlohmann::ordered_json finding_json(const Finding& finding, const CategoryTable& names);

/// Evidence as JSON; `with_source` adds the turn's JSON Pointer.
nlohmann::ordered_json evidence_json(const Evidence& evidence);

}  // namespace conduct
