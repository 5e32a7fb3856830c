// One reader per input format, called by read_document after the common checks
// (non-empty, not binary, valid UTF-8). Text readers take the whole file and
// the offset where its text begins (3 after a UTF-8 BOM) and return turns
// whose [start, end) are file offsets; JSON readers take the parsed document
// and return turns with decoded text and a JSON Pointer source. Roles are left
// unknown unless the input states them; infer_roles runs afterwards.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "read/reader.h"

namespace conduct::read_detail {

using Json = nlohmann::ordered_json;

/// Call notes: one turn by "author" (role customer), the whole text trimmed.
std::vector<Turn> read_notes(std::string_view bytes, std::size_t body_start);

/// Speaker-labelled lines; unlabelled lines continue the previous turn.
std::vector<Turn> read_text(std::string_view bytes, std::size_t body_start);

/// WebVTT: cues with voice tags or "Name: " prefixes; NOTE, STYLE and REGION
/// blocks skipped.
std::vector<Turn> read_vtt(std::string_view bytes, std::size_t body_start);

/// SubRip: numbered or unnumbered cues with an optional "Name: " prefix.
std::vector<Turn> read_srt(std::string_view bytes, std::size_t body_start);

/// Amazon Transcribe output, bytes[begin, size): turns rebuilt from word
/// items. Parsed here (with simdjson: the files are large, one object per
/// word), with parse_json's errors; unsupported_json when `results.items` and
/// `results.transcripts` are both missing.
Result<std::vector<Turn>> read_aws(std::string_view bytes, std::size_t begin,
                                   std::size_t max_depth);

/// Amazon Connect Contact Lens output (`Transcript[]`).
Result<std::vector<Turn>> read_connect(const Json& root);

/// Whisper / WhisperX output (`segments[]`, optional `speaker` on segments
/// or only on `words[]`).
Result<std::vector<Turn>> read_whisper(const Json& root);

/// Google CCAI Insights conversation: `entries[]` of {role, text, user_id,
/// start_timestamp_usec}, or a Conversation resource's
/// `transcript.transcriptSegments[]` (camelCase or snake_case).
/// Errors: missing_text for an entry without a text string (naming its JSON
/// Pointer), unsupported_json when neither array is there.
Result<std::vector<Turn>> read_ccai(const Json& root);

/// The limits every document read keeps, checked before roles are inferred
/// or anything is analysed: too_many_turns past `limits.max_turns`; a
/// begin_ms or end_ms outside [0, kMaxTimeMs] is dropped, with one warning
/// saying how many and the first.
std::optional<Error> check_document_limits(Document& document, const ReadLimits& limits);

/// One record of the JSON Lines shape ({"id", "text"} or {"id", "turns"}),
/// parsed already: a JSON Lines line, a whole .json file, or an element of a
/// JSON array. `pointer_prefix` ("/3" for an array element, "" otherwise)
/// starts every turn's source. Error messages start with `fallback_id`, the
/// id when the record has none. `record_text`, when the caller has it, is
/// the record as written: its other fields pass through byte for byte (else
/// as the parsed values write themselves).
Result<Document> read_record_object(const Json& record, std::string_view fallback_id,
                                    std::string_view pointer_prefix, const ReadOptions& options,
                                    std::string_view record_text = {});

/// A CSV or TSV export with a header: one part per conversation id, in order
/// of first appearance (the whole file one part without an id column), ids
/// "<id>#<conversation id>". `delimiter` is '\t' for tsv, 0 to sniff it from
/// the header (comma, semicolon or tab). Roles are those a role column states;
/// infer_roles has not run.
std::vector<DocumentPart> read_csv(std::string_view id, std::string_view bytes,
                                   std::size_t body_start, char delimiter,
                                   const CsvColumns& columns);

}  // namespace conduct::read_detail
