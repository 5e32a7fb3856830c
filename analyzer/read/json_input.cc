#include "read/json_input.h"

#include <cmath>
#include <cstdlib>

#include "read/encoding.h"
#include "read/text_scan.h"

namespace conduct::read_detail {

namespace {

// Where nesting first passes `max_depth` in JSON text, or npos: a scan of the
// raw bytes, so that no deeper value is ever built, copied or written.
std::size_t too_deep_at(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

// The parser's message without its "[json.exception.parse_error.101] "
// prefix; its "last read" quote may end inside a character, so bytes that
// are not UTF-8 are escaped.
std::string parser_message(std::string_view what) {
  if (!what.empty() && what.front() == '[') {
    const std::size_t close = what.find("] ");
    if (close != std::string_view::npos) what.remove_prefix(close + 2);
  }
  return escape_invalid_utf8(what);
}

}  // namespace

std::optional<Error> check_json_depth(std::string_view bytes, std::size_t begin,
                                      std::size_t max_depth) {
  const std::size_t deep = too_deep_at(bytes.substr(begin), max_depth);
  if (deep == std::string_view::npos) return std::nullopt;
  return Error{ErrorCode::too_deep,
               "JSON nested deeper than " + std::to_string(max_depth) +
                   " levels of arrays and objects; raise --max-depth to read it",
               "", line_number_at(bytes, begin + deep)};
}

Result<Json> parse_json(std::string_view bytes, std::size_t begin, std::size_t max_depth) {
  if (auto error = check_json_depth(bytes, begin, max_depth)) return *error;
  const std::string_view text = bytes.substr(begin);
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte counts from 1 and names the last byte read.
    std::size_t at = begin + (e.byte > 0 ? e.byte - 1 : 0);
    Error error;
    error.code = ErrorCode::malformed_json;
    error.line = line_number_at(bytes, at);
    error.message = "malformed JSON: " + parser_message(e.what());
    return error;
  } catch (const std::exception& e) {
    return Error{ErrorCode::malformed_json, "malformed JSON: " + parser_message(e.what()), "", 0};
  }
}

std::vector<RawMember> raw_members(std::string_view text) {
  std::vector<RawMember> members;
  std::size_t i = 0;
  const auto skip_spaces = [&] {
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) {
      ++i;
    }
  };
  // Past the string token that opens at i (a quote), escapes included.
  const auto skip_string = [&] {
    for (++i; i < text.size() && text[i] != '"'; ++i) {
      if (text[i] == '\\') ++i;
    }
    if (i < text.size()) ++i;
  };
  skip_spaces();
  if (i >= text.size() || text[i] != '{') return members;
  ++i;
  while (true) {
    skip_spaces();
    if (i >= text.size() || text[i] != '"') return members;
    const std::size_t key_begin = i;
    skip_string();
    const std::string_view key = text.substr(key_begin, i - key_begin);
    skip_spaces();
    if (i >= text.size() || text[i] != ':') return members;
    ++i;
    skip_spaces();
    const std::size_t value_begin = i;
    std::size_t depth = 0;
    while (i < text.size()) {
      const char c = text[i];
      if (c == '"') {
        skip_string();
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (depth == 0) break;
        --depth;
      }
      if (c == ',' && depth == 0) break;
      ++i;
    }
    std::size_t value_end = i;
    while (value_end > value_begin &&
           (text[value_end - 1] == ' ' || text[value_end - 1] == '\t' ||
            text[value_end - 1] == '\n' || text[value_end - 1] == '\r')) {
      --value_end;
    }
    members.push_back({key, text.substr(value_begin, value_end - value_begin)});
    if (i >= text.size() || text[i] != ',') return members;
    ++i;
  }
}

std::string pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::optional<std::int64_t> seconds_number_to_ms(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e9) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(seconds * 1000.0));
}

std::optional<std::int64_t> seconds_text_to_ms(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const std::string terminated(text);  // strtod reads up to a NUL
  char* end = nullptr;
  const double seconds = std::strtod(terminated.c_str(), &end);
  if (end != terminated.c_str() + terminated.size()) return std::nullopt;
  return seconds_number_to_ms(seconds);
}

std::optional<std::int64_t> millis_number(double ms) {
  if (!std::isfinite(ms) || std::fabs(ms) > 1e15) return std::nullopt;
  return static_cast<std::int64_t>(std::llround(ms));
}

std::optional<std::int64_t> millis_text(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const std::string terminated(text);
  char* end = nullptr;
  const long long ms = std::strtoll(terminated.c_str(), &end, 10);
  if (end != terminated.c_str() + terminated.size()) return std::nullopt;
  return static_cast<std::int64_t>(ms);
}

std::optional<std::int64_t> seconds_to_ms(const Json& value) {
  if (value.is_number()) return seconds_number_to_ms(value.get<double>());
  if (value.is_string()) return seconds_text_to_ms(value.get_ref<const std::string&>());
  return std::nullopt;
}

std::optional<std::int64_t> millis(const Json& value) {
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_number_float()) return millis_number(value.get<double>());
  if (value.is_string()) return millis_text(value.get_ref<const std::string&>());
  return std::nullopt;
}

std::optional<std::string> scalar_text(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return value.dump();
  return std::nullopt;
}

const Json* member(const Json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

Error unsupported_json(std::string message) {
  return Error{ErrorCode::unsupported_json, std::move(message), "", 0};
}

}  // namespace conduct::read_detail
