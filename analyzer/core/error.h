// Errors are values: a stable machine code, a message for people, and where.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace conduct {

/// What an error is about: one input record (the batch goes on; exit status
/// 1), the configuration (nothing is analysed; exit status 2), or the
/// labelled data of train, eval and classify.
enum class ErrorKind { input, configuration, data };

// The closed list of error codes: name, kind and what it means. The same
// table is in schema/conduct-1.schema.json (error.code) and the README; a
// test holds the three equal.
#define CONDUCT_ERROR_CODES(X)                                                                    \
  X(not_found, input, "the path given does not exist")                                            \
  X(unreadable, input, "the file or folder exists but cannot be read")                            \
  X(file_too_large, input, "the file is larger than --max-bytes")                                 \
  X(record_too_large, input, "the JSON Lines record is larger than --max-bytes")                  \
  X(empty_file, input, "the file is empty or holds only whitespace")                              \
  X(binary_file, input, "the file looks binary (NUL or control bytes), not text")                 \
  X(invalid_utf8, input, "the text is not UTF-8; line is the first bad line")                     \
  X(malformed_json, input,                                                                        \
    "a JSON input or record that does not parse; line where the parser stopped")                  \
  X(unsupported_json, input, "valid JSON that is none of the known shapes")                       \
  X(unsupported_format, input,                                                                    \
    "the format cannot be read this way (JSON Lines is read record by record)")                   \
  X(missing_text, input, "a record or turn without a text string")                                \
  X(no_text, input, "a transcript without any turn text")                                         \
  X(unmappable_csv, input,                                                                        \
    "a CSV or TSV header without a text column or without a speaker or role column (line 1)")     \
  X(malformed_csv, input,                                                                         \
    "a CSV or TSV row with the wrong number of fields, or a quote never closed; line of the row") \
  X(invalid_utf16, input, "a file with a UTF-16 byte-order mark that is not valid UTF-16")        \
  X(line_too_long, input, "a line of a line-based file is longer than --max-line-bytes")          \
  X(too_many_turns, input, "the document has more turns than --max-turns")                        \
  X(too_deep, input, "JSON nested deeper than --max-depth; line where it passes the limit")       \
  X(internal_error, input,                                                                        \
    "an unexpected failure while analysing this document (a bug: please report it); the rest of " \
    "the batch goes on")                                                                          \
  X(lexicon_dir, configuration, "the lexicon folder cannot be read or holds no *.toml file")      \
  X(lexicon_unreadable, configuration, "a lexicon file cannot be read")                           \
  X(lexicon_syntax, configuration, "a lexicon file is not valid TOML")                            \
  X(lexicon_invalid, configuration, "a lexicon file breaks the rule format (file:line says how)") \
  X(lexicon_bad_pattern, configuration, "a rule's pattern is not a valid RE2 regular expression") \
  X(lexicon_duplicate_id, configuration, "two rules share an id")                                 \
  X(lexicon_duplicate_theme, configuration, "two lexicon files share a theme")                    \
  X(lexicon_too_big, configuration, "the rules do not fit RE2's memory budget")                   \
  X(lexicon_example, configuration, "a rule's match or no_match example fails (lexicon check)")   \
  X(lexicon_shadowed, configuration,                                                              \
    "a rule is shadowed by another of its category (lexicon check warning)")                      \
  X(lexicon_warning, configuration, "a lint warning of lexicon check")                            \
  X(invalid_policy, configuration,                                                                \
    "the policy file breaks the policy format (file:line says how)")                              \
  X(unreadable_file, configuration, "a configuration file cannot be read")                        \
  X(lexicon_not_found, configuration, "the sentiment lexicon file is missing")                    \
  X(bad_lexicon_line, configuration, "a line of the sentiment lexicon is not word<TAB>valence")   \
  X(overlay_not_found, configuration, "the sentiment overlay file is missing")                    \
  X(bad_overlay_line, configuration, "a line of the sentiment overlay is malformed")              \
  X(bad_model, configuration, "the model file is missing, truncated or corrupt")                  \
  X(model_version, configuration,                                                                 \
    "the model file is of a format version this build does not read")                             \
  X(model_mismatch, configuration,                                                                \
    "the model was trained with another featurizer or lexicon, or fails its own self-test")       \
  X(io_error, configuration, "a file cannot be written or opened")                                \
  X(no_data, data, "no labelled record to train on")                                              \
  X(bad_options, data, "training options out of range")                                           \
  X(bad_label, data, "a label the model does not have")                                           \
  X(bad_labels, data, "a record's labels are not a string or an array of strings")

/// Stable machine codes written to error records and messages.
enum class ErrorCode {
#define CONDUCT_ERROR_ENUM(name, kind, meaning) name,
  CONDUCT_ERROR_CODES(CONDUCT_ERROR_ENUM)
#undef CONDUCT_ERROR_ENUM
};

/// One row of the error table.
struct ErrorCodeInfo {
  ErrorCode code;
  std::string_view name;
  ErrorKind kind;
  std::string_view meaning;
};

inline constexpr std::array kErrorCodes = {
#define CONDUCT_ERROR_ROW(name, kind, meaning) \
  ErrorCodeInfo{ErrorCode::name, #name, ErrorKind::kind, meaning},
    CONDUCT_ERROR_CODES(CONDUCT_ERROR_ROW)
#undef CONDUCT_ERROR_ROW
};

/// The code's name as written to error records ("invalid_utf8").
constexpr std::string_view to_string(ErrorCode code) {
  return kErrorCodes[static_cast<std::size_t>(code)].name;
}
/// What the code means, for people.
constexpr std::string_view meaning(ErrorCode code) {
  return kErrorCodes[static_cast<std::size_t>(code)].meaning;
}
constexpr ErrorKind kind_of(ErrorCode code) {
  return kErrorCodes[static_cast<std::size_t>(code)].kind;
}
inline std::ostream& operator<<(std::ostream& out, ErrorCode code) {
  return out << to_string(code);
}

/// A failure to read or analyse one input record, or to load configuration.
struct Error {
  /// Stable code written to error records (see CONDUCT_ERROR_CODES).
  ErrorCode code = ErrorCode::internal_error;
  /// What went wrong and, where it helps, what to do.
  std::string message;
  /// File the error is about (may be empty for stdin or in-memory input).
  std::string file;
  /// 1-based line in `file`; 0 when the error is not about one line.
  std::size_t line = 0;
  /// The id an input record gives itself, when the error is about a record
  /// that has one: its error record carries it, so results join back by id.
  std::string record_id{};

  /// "file:line: message", the form used on stderr and by `lexicon check`.
  std::string where_message() const {
    // Appends rather than `":" + ...`: GCC 12 misreports the temporaries
    // under -Wrestrict, which -Werror turns into a build failure.
    std::string out = file;
    if (line > 0) out.append(":").append(std::to_string(line));
    if (!out.empty()) out.append(": ");
    return out.append(message);
  }
};

/// Either a value or an Error. Small on purpose: ok(), value(), error().
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace conduct
