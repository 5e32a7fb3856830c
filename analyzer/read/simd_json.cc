#include "read/simd_json.h"

#include <algorithm>
#include <string>

#include "read/json_input.h"

namespace conduct::read_detail {
namespace {

Result<ParsedJson> parse_simd(std::string_view text, std::size_t max_depth) {
  auto parser = std::make_unique<simdjson::dom::parser>();
  // Depth was checked on the raw bytes; the parser must not refuse what
  // that check let through.
  const std::size_t depth = std::max<std::size_t>(max_depth + 1, simdjson::DEFAULT_MAX_DEPTH);
  if (parser->allocate(text.size(), depth) != simdjson::SUCCESS) {
    return Error{ErrorCode::malformed_json, "malformed JSON: too large to parse", "", 0};
  }
  JsonElement root;
  if (const auto error = parser->parse(text.data(), text.size()).get(root); error) {
    return Error{ErrorCode::malformed_json,
                 std::string("malformed JSON: ") + simdjson::error_message(error), "", 0};
  }
  return ParsedJson(std::move(parser), root);
}

}  // namespace

Result<ParsedJson> parse_json_fast(std::string_view bytes, std::size_t begin,
                                   std::size_t max_depth) {
  if (auto error = check_json_depth(bytes, begin, max_depth)) return *error;
  auto parsed = parse_simd(bytes.substr(begin), max_depth);
  if (parsed.ok()) return parsed;
  // nlohmann's parser says where and why (and checks depth first); when it
  // reads the text after all, its writing of the value is standard JSON.
  auto fallback = parse_json(bytes, begin, max_depth);
  if (!fallback.ok()) return fallback.error();
  const std::string rewritten = fallback.value().dump();
  auto reparsed = parse_simd(rewritten, max_depth);
  if (!reparsed.ok()) return parsed.error();
  return reparsed;
}

std::optional<JsonElement> try_parse_json(simdjson::dom::parser& parser, std::string_view text) {
  JsonElement root;
  if (parser.parse(text.data(), text.size()).get(root) == simdjson::SUCCESS) return root;
  // What simdjson refuses but nlohmann reads (an integer past 64 bits,
  // nesting past simdjson's 1024 levels): its top three levels, all a shape
  // is judged by, parsed again from nlohmann's writing of them (the parser
  // copies the text, so the element outlives it).
  const Json shallow = Json::parse(
      text, [](int depth, Json::parse_event_t, Json&) { return depth < 3; }, false);
  if (shallow.is_discarded()) return std::nullopt;
  const std::string rewritten = shallow.dump();
  if (parser.parse(rewritten.data(), rewritten.size(), true).get(root) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  return root;
}

std::optional<JsonElement> member(JsonElement object, std::string_view key) {
  JsonElement value;
  if (object.at_key(key).get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::optional<JsonElement> first_element(std::optional<JsonElement> value) {
  simdjson::dom::array array;
  if (!value || value->get_array().get(array) != simdjson::SUCCESS) return std::nullopt;
  if (array.begin() == array.end()) return std::nullopt;
  return *array.begin();
}

std::string_view string_member(JsonElement object, std::string_view key) {
  std::string_view text;
  if (object.at_key(key).get_string().get(text) != simdjson::SUCCESS) return {};
  return text;
}

std::optional<std::int64_t> seconds_to_ms(JsonElement value) {
  if (value.is_number()) return seconds_number_to_ms(value.get_double().value_unsafe());
  if (value.is_string()) return seconds_text_to_ms(value.get_string().value_unsafe());
  return std::nullopt;
}

std::optional<std::int64_t> millis(JsonElement value) {
  if (value.is_int64()) return value.get_int64().value_unsafe();
  if (value.is_uint64()) return std::nullopt;  // past the largest signed value
  if (value.is_double()) return millis_number(value.get_double().value_unsafe());
  if (value.is_string()) return millis_text(value.get_string().value_unsafe());
  return std::nullopt;
}

}  // namespace conduct::read_detail
