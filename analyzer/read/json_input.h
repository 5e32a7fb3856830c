// JSON helpers shared by the JSON readers and detection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace conduct::read_detail {

using Json = nlohmann::ordered_json;

/// Error too_deep, with the line where nesting passes `max_depth`, when
/// arrays and objects in bytes[begin, size) nest deeper than that: a scan of
/// the raw bytes, so no deeper value is ever built.
std::optional<Error> check_json_depth(std::string_view bytes, std::size_t begin,
                                      std::size_t max_depth);

/// Parses bytes[begin, size) as one JSON value. Errors: too_deep when arrays
/// and objects nest deeper than `max_depth` (found before parsing, with the
/// line where the limit is passed), malformed_json with the 1-based line (in
/// `bytes`) of the byte where parsing failed; messages are valid UTF-8
/// whatever the input. Never throws.
Result<Json> parse_json(std::string_view bytes, std::size_t begin, std::size_t max_depth);

/// The members of a JSON object's text, as written: each key's string token
/// (quotes and escapes included) and its value's text, surrounding spaces
/// left out. `object_text` must be one JSON object that parses; anything
/// else gives what it can, never more than the text. Iterative: any depth.
struct RawMember {
  std::string_view key_token;
  std::string_view value;
};
std::vector<RawMember> raw_members(std::string_view object_text);

/// A JSON Pointer reference token (RFC 6901: "~" -> "~0", "/" -> "~1").
std::string pointer_token(std::string_view key);

/// Seconds as a number (1.24) or a numeric string ("1.24") in milliseconds,
/// rounded; nullopt for anything else.
std::optional<std::int64_t> seconds_to_ms(const Json& value);

/// Integer milliseconds (a number or numeric string); nullopt otherwise.
std::optional<std::int64_t> millis(const Json& value);

/// The rules of seconds_to_ms and millis on a number or a string's text,
/// shared by every JSON parser the readers use: seconds within [0, 1e9],
/// milliseconds within 1e15 in magnitude, strings that are wholly a number.
std::optional<std::int64_t> seconds_number_to_ms(double seconds);
std::optional<std::int64_t> seconds_text_to_ms(std::string_view text);
std::optional<std::int64_t> millis_number(double ms);
std::optional<std::int64_t> millis_text(std::string_view text);

/// A string as is, a number as JSON writes it; nullopt for other types.
std::optional<std::string> scalar_text(const Json& value);

/// The member `key` of `object` when `object` is an object holding it, else
/// nullptr. Never throws.
const Json* member(const Json& object, std::string_view key);

/// An unsupported_json error.
Error unsupported_json(std::string message);

}  // namespace conduct::read_detail
