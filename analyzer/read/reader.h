// Readers turn input bytes into Documents. One module per format; this header
// is the entry point the pipeline uses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/error.h"

namespace conduct {

/// Header names of a CSV or TSV export given with --columns
/// ("id=call,speaker=who,text=said,start=t0,end=t1"), compared
/// case-insensitively; each one given takes the place of the built-in
/// synonyms for its column. Empty members are not given.
struct CsvColumns {
  std::string id;
  std::string speaker;
  std::string role;
  std::string text;
  std::string start;
  std::string end;
};

/// Parses a --columns value: comma-separated key=name pairs with keys id,
/// speaker, role, text, start and end. Error bad_options naming the pair
/// that is wrong.
Result<CsvColumns> parse_csv_columns(std::string_view spec);

/// Limits a document must keep to be analysed, checked while reading, before
/// any analysis; passing one is an error record naming the flag that raises it.
struct ReadLimits {
  /// Longest line of a line-based file (notes, text, vtt, srt, csv, tsv):
  /// error line_too_long (--max-line-bytes).
  std::size_t max_line_bytes = std::size_t{1} << 20;
  /// Most turns in one document: error too_many_turns (--max-turns).
  std::size_t max_turns = 100'000;
  /// Deepest nesting of arrays and objects in JSON input, counted before the
  /// JSON is parsed, so that no later copy or write of a passed-through field
  /// recurses without bound: error too_deep (--max-depth).
  std::size_t max_json_depth = 200;
};

/// Time values every format is held to: a turn's begin_ms and end_ms are in
/// [0, kMaxTimeMs] (about 126 years, so epoch milliseconds fit too); a value
/// outside is dropped with a warning rather than written.
inline constexpr std::int64_t kMaxTimeMs = 4'000'000'000'000;

/// Options every reader honours.
struct ReadOptions {
  /// Format forced by --format; detected from content when empty.
  std::optional<Format> format;
  /// Speaker labels that are agents (--agent-label) and customers
  /// (--customer-label), compared case-insensitively: those labels get the
  /// role with confidence 1, the others are still inferred.
  std::vector<std::string> agent_labels;
  std::vector<std::string> customer_labels;
  /// CSV and TSV header names that override the synonyms (--columns).
  CsvColumns columns;
  /// Line, turn and nesting limits (--max-line-bytes, --max-turns, --max-depth).
  ReadLimits limits;
};

/// Detects the format of a whole file from its content, falling back on the
/// extension of `path` where the content is ambiguous.
Format detect_format(std::string_view path, std::string_view bytes);

/// Reads one whole file (any format but jsonl, whose records are read one line
/// at a time by read_jsonl_record). `id` becomes the document id. A csv, tsv
/// or json file holding several documents is error unsupported_format: read
/// it with read_documents.
/// Errors: empty_file, binary_file, invalid_utf8 (with the line),
/// malformed_json (with the line), unsupported_json (valid JSON that is none
/// of the known shapes), missing_text (a CCAI entry or record turn without
/// text), no_text (a transcript without any turn text), unmappable_csv and
/// malformed_csv.
Result<Document> read_document(std::string_view id, std::string_view bytes, Format format,
                               const ReadOptions& options);

/// One document of a file that may hold several, or the error that kept it
/// from being read.
struct DocumentPart {
  /// The document id: "calls.csv#C-17" for a CSV conversation, the record's
  /// own id or "batch.json#3" for an element of a JSON array, the file's id
  /// when the file is one document.
  std::string id;
  /// 1-based line of the file where the part starts (a CSV conversation's
  /// first row); 0 when not known.
  std::size_t line = 0;
  Result<Document> document;
};

/// True for formats whose files may hold several documents: csv and tsv (one
/// per conversation id) and json (an array of records).
bool holds_several_documents(Format format);

/// Reads a whole file into its documents, in file order: CSV conversations in
/// the order their ids first appear, JSON array elements in array order; any
/// other format gives the one part read_document gives. A failure of the whole
/// file (the checks of read_document, malformed_json, unmappable_csv with
/// line 1) is one part with the file's id; a failure of one CSV conversation
/// (malformed_csv with the row's line) or one array element is that part's
/// error, and the other parts are read.
std::vector<DocumentPart> read_documents(std::string_view id, std::string_view bytes, Format format,
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
