// One reader per input format, called by read_document after the common checks
// (non-empty, not binary, valid UTF-8). Text readers take the whole file and
// the offset where its text begins (3 after a UTF-8 BOM) and return turns
// whose [start, end) are file offsets; JSON readers take the parsed document
// and return turns with decoded text and a JSON Pointer source. Roles are left
// unknown unless the input states them; infer_roles runs afterwards.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"

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

/// Amazon Transcribe output: turns rebuilt from word items.
/// Error unsupported_json when `results.items` and `results.transcripts` are
/// both missing.
Result<std::vector<Turn>> read_aws(const Json& root);

/// Amazon Connect Contact Lens output (`Transcript[]`).
Result<std::vector<Turn>> read_connect(const Json& root);

/// Whisper / WhisperX output (`segments[]`, optional `speaker`).
Result<std::vector<Turn>> read_whisper(const Json& root);

}  // namespace conduct::read_detail
