// Errors are values: a stable machine code, a message for people, and where.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace conduct {

/// A failure to read or analyse one input record, or to load configuration.
struct Error {
  /// Stable snake_case code written to error records ("invalid_utf8",
  /// "binary_file", "empty_file", "malformed_json", ...).
  std::string code;
  /// What went wrong and, where it helps, what to do.
  std::string message;
  /// File the error is about (may be empty for stdin or in-memory input).
  std::string file;
  /// 1-based line in `file`; 0 when the error is not about one line.
  std::size_t line = 0;

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
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
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
