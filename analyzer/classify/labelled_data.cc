#include "classify/labelled_data.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/sha256.h"

namespace conduct {

Result<LabelledRecord> parse_labelled_record(std::string_view json_line, const std::string& file,
                                             std::size_t line) {
  const auto json = nlohmann::json::parse(json_line, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return Error{ErrorCode::malformed_json, "not a JSON object", file, line};
  }
  LabelledRecord record;
  record.line = line;
  const auto text = json.find("text");
  if (text == json.end() || !text->is_string()) {
    return Error{ErrorCode::missing_text, "the record has no string \"text\"", file, line};
  }
  record.text = text->get<std::string>();
  if (const auto id = json.find("id"); id != json.end() && !id->is_null()) {
    record.id = id->is_string() ? id->get<std::string>() : id->dump();
  } else {
    record.id = std::filesystem::path(file).filename().string() + ":" + std::to_string(line);
  }
  if (const auto labels = json.find("labels"); labels != json.end()) {
    if (!labels->is_array())
      return Error{ErrorCode::bad_labels, "\"labels\" is not an array", file, line};
    for (const auto& label : *labels) {
      if (!label.is_string()) {
        return Error{ErrorCode::bad_labels, "\"labels\" holds a non-string", file, line};
      }
      record.labels.push_back(label.get<std::string>());
    }
    record.has_labels = true;
  } else if (const auto label = json.find("label"); label != json.end()) {
    if (!label->is_string())
      return Error{ErrorCode::bad_labels, "\"label\" is not a string", file, line};
    record.labels.push_back(label->get<std::string>());
    record.has_labels = true;
  }
  if (const auto speaker = json.find("speaker"); speaker != json.end() && speaker->is_string()) {
    record.speaker = speaker->get<std::string>();
  }
  if (const auto reg = json.find("register"); reg != json.end() && reg->is_string()) {
    record.register_name = reg->get<std::string>();
  }
  return record;
}

Result<std::vector<LabelledRecord>> read_labelled_file(const std::filesystem::path& path,
                                                       std::string* sha256_hex_out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::io_error, "cannot open " + path.string(), path.string(), 0};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = std::move(buffer).str();
  if (sha256_hex_out) *sha256_hex_out = sha256_hex(bytes);
  std::vector<LabelledRecord> records;
  std::size_t line = 0, begin = 0;
  while (begin < bytes.size()) {
    std::size_t end = bytes.find('\n', begin);
    if (end == std::string::npos) end = bytes.size();
    ++line;
    const std::string_view text = std::string_view(bytes).substr(begin, end - begin);
    begin = end + 1;
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto record = parse_labelled_record(text, path.string(), line);
    if (!record) return record.error();
    records.push_back(std::move(record).value());
  }
  return records;
}

}  // namespace conduct
