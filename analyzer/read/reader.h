// Readers turn input bytes into Documents. One module per format; this header
// is the entry point the pipeline uses.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"

namespace conduct {

/// Options every reader honours.
struct ReadOptions {
  /// Format forced by --format; detected from content when empty.
  std::optional<Format> format;
  /// Speaker labels that are agents (--agent-label), compared
  /// case-insensitively; overrides role inference for those labels, and every
  /// other label of the document is then a customer.
  std::vector<std::string> agent_labels;
};

/// Detects the format of a whole file from its content, falling back on the
/// extension of `path` where the content is ambiguous.
Format detect_format(std::string_view path, std::string_view bytes);

/// Reads one whole file (any format but jsonl, whose records are read one line
/// at a time by read_jsonl_record). `id` becomes the document id.
/// Errors: empty_file, binary_file, invalid_utf8 (with the line),
/// malformed_json (with the line), unsupported_json (valid JSON that is none
/// of the known shapes), no_text (a transcript without any turn text).
Result<Document> read_document(std::string_view id, std::string_view bytes, Format format,
                               const ReadOptions& options);

/// Reads one line of a JSON Lines file: `{"id": ..., "text": ...}` or
/// `{"id": ..., "turns": [{"speaker": ..., "text": ...}]}`; any other field is
/// kept in Document::passthrough. `fallback_id` ("file.jsonl:12") is the id
/// when the record has none. Turn offsets are relative to each turn's decoded
/// text, and each turn names its source ("/text" or "/turns/3/text").
Result<Document> read_jsonl_record(std::string_view line, std::string_view fallback_id,
                                   const ReadOptions& options);

/// Assigns roles to turns whose role is unknown: speaker label words
/// ("agent", "rep", "advisor", "customer", "caller", ...), then content cues
/// for opaque labels ("spk_0"): who greets with a company name or offers help,
/// who speaks of "my account". Applies options.agent_labels first.
void infer_roles(Document& document, const ReadOptions& options);

}  // namespace conduct
