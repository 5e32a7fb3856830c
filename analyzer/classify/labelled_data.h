// JSON Lines records of text with labels, as `conduct train`, `classify` and
// `eval` read them (SPEC section 2): {"text": ..., "labels": [...]} or
// {"text": ..., "label": "x"}, optional "id", "register", "speaker".
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace conduct {

struct LabelledRecord {
  std::string id;  // "id" as a string, or "<file>:<line>"
  std::string text;
  std::vector<std::string> labels;  // empty when the record has none
  bool has_labels = false;          // "labels" or "label" was present
  std::string speaker;              // "" when absent
  std::string register_name;        // "register", "" when absent
  std::size_t line = 0;             // 1-based line in the file
};

/// Parses one JSON Lines line. Failure: Error "malformed_json" or
/// "missing_text" (no string "text"), or "bad_labels" (labels not strings),
/// naming `file` and `line`.
Result<LabelledRecord> parse_labelled_record(std::string_view json_line, const std::string& file,
                                             std::size_t line);

/// Reads every non-blank line of a JSON Lines file; the first bad line fails
/// the whole file (training on half a file would be silently wrong). Also
/// returns the file's sha256 through `sha256_hex` when given.
Result<std::vector<LabelledRecord>> read_labelled_file(const std::filesystem::path& path,
                                                       std::string* sha256_hex = nullptr);

}  // namespace conduct
