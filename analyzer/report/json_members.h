// Building ordered JSON objects with many members in linear time.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace conduct::report_detail {

/// Appends `key: value` to `object`, a JSON object that has no member `key`
/// yet (the caller's keys are distinct: speakers in order of first
/// appearance). ordered_json's operator[] looks each key up in a vector,
/// which makes an object of N members cost O(N^2) (a transcript with
/// thousands of speaker labels); appending costs O(1).
inline void append_member(nlohmann::ordered_json& object, std::string key,
                          nlohmann::ordered_json value) {
  if (object.is_null()) object = nlohmann::ordered_json::object();
  auto& members = object.get_ref<nlohmann::ordered_json::object_t&>();
  using Members = std::vector<nlohmann::ordered_json::object_t::value_type>;
  static_cast<Members&>(members).emplace_back(std::move(key), std::move(value));
}

}  // namespace conduct::report_detail
