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
  /// Speaker labels that are agents (--agent-label) and customers
  /// (--customer-label), compared case-insensitively: those labels get the
  /// role with confidence 1, the others are still inferred.
  std::vector<std::string> agent_labels;
  std::vector<std::string> customer_labels;
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

/// Assigns a role and a confidence to every speaker whose role the input did
/// not state (a stated role keeps confidence 1): options' labels first, then
/// the label's words ("agent", "billing department", "IVR", "Me", brand
/// handles), then a label the text names as the company ("thank you for
/// calling Northwind"), then content cues per speaker (who greets and offers
/// help, who asks to verify, who speaks of "my account", who reads a menu),
/// with who speaks first in a timed call as a tie-breaker. Once one speaker
/// is the agent, each other speaker still gets its own role: in a two-party
/// conversation the other is the customer. A transcript with no agent found
/// gets a warning.
void infer_roles(Document& document, const ReadOptions& options);

}  // namespace conduct
