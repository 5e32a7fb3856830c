// The document model that every reader produces and every later stage reads:
// a sequence of turns, each with its speaker, role, times and the exact place
// of its text in the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace conduct {

/// Input formats of SPEC section 3. `json` is a JSON Lines record written as
/// a whole file (pretty-printed), or an array of such records.
enum class Format { notes, text, vtt, srt, aws, connect, whisper, jsonl, json, ccai, csv, tsv };

/// The part a speaker plays in the interaction. `system` is the company's
/// automated side (IVR menus, recorded announcements, bots that are not a
/// person): its words are the company's, but no agent said them.
enum class Role { agent, customer, system, unknown };

/// How a turn's words are told, which decides which lexicon rules apply:
/// `speech` for words said in a transcript or chat, `report` for narrated
/// accounts (call notes, a first-person complaint). Set once per turn by the
/// reader; every later stage reads it from the turn.
enum class Register { speech, report };
std::string_view to_string(Register reg);

std::string_view to_string(Format format);
std::string_view to_string(Role role);
/// Parses a format name as written on the command line; nullopt when unknown.
std::optional<Format> parse_format(std::string_view name);

/// Every format, in declaration order (for --format choices and tests).
std::vector<std::string_view> format_names();

/// True for formats whose turns are byte ranges of the input file
/// (notes, text, vtt, srt). JSON formats hold decoded strings instead, and so
/// do CSV and TSV, whose fields are unquoted strings.
bool offsets_in_file(Format format);

/// One speaker's contribution.
struct Turn {
  /// Speaker label as the input writes it ("Agent", "spk_0", "SPEAKER_01");
  /// "author" for call notes.
  std::string speaker;
  Role role = Role::unknown;
  /// Narrated (the author's account) or said (a transcript turn).
  Register reg = Register::speech;
  std::optional<std::int64_t> begin_ms;
  std::optional<std::int64_t> end_ms;
  /// The turn's original text. For text formats it equals
  /// file_bytes.substr(start, end - start); for JSON formats it is the decoded
  /// string (or, for Amazon Transcribe, the text rebuilt from word items).
  std::string text;
  /// Byte range of `text` in the input file (text formats). For decoded-string
  /// formats (JSON, CSV) the range is in the string `source` names: the part
  /// of `text` that is not leading or trailing whitespace (Whisper starts
  /// segments with a space), shifted by `source_offset`.
  std::size_t start = 0;
  std::size_t end = 0;
  /// Decoded-string formats: where `text` begins in the string `source`
  /// names. 0 unless a turn is one part of a longer string (a JSON Lines
  /// `text` of "Speaker: ..." lines is split into turns).
  std::size_t source_offset = 0;
  /// 1-based line of the input where the text starts; 0 when not meaningful.
  std::size_t line = 0;
  /// Where the text came from in decoded-string formats: a JSON Pointer
  /// ("/entries/3/text") for JSON, "row 12, column text" for CSV and TSV.
  std::string source;
  /// Ranges of `text` that are markup, not words (subtitle tags such as
  /// "<i>" or "<00:00:01.000>"): blanked before analysis, kept in `text` so
  /// that offsets still point into the original.
  std::vector<ByteSpan> markup;
  /// How sure the role is, 0 to 1: 1 when the input states it
  /// (ParticipantRole, --agent-label), less when inferred; 0 for unknown.
  double role_confidence = 0;
};

/// A field of an input record that the result carries unchanged: its key,
/// and its value as JSON text, byte for byte as the record wrote it (big
/// numbers, escapes and spacing inside it included).
struct PassthroughField {
  std::string key;
  std::string json;
  bool operator==(const PassthroughField&) const = default;
};

/// One analysable unit: a file, one record of a JSON Lines file or a JSON
/// array, or one conversation of a CSV export.
struct Document {
  std::string id;
  Format format = Format::notes;
  std::vector<Turn> turns;
  /// Fields of a JSON Lines record other than id/text/turns, passed through
  /// to the result in the record's order.
  std::vector<PassthroughField> passthrough;
  /// A date the document carries (ISO 8601, "YYYY-MM-DD"), if any; used to
  /// order ledger rounds.
  std::optional<std::string> date;
  /// What the reader noticed that a reader of the results should know
  /// ("no agent found: ..."); written to the output's `warnings`.
  std::vector<std::string> warnings;
};

}  // namespace conduct
