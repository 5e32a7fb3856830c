#include "report/json_writer.h"

#include <array>

#include "normalize/normalizer.h"
#include "report/json_members.h"

namespace conduct {

using Json = nlohmann::ordered_json;

namespace {

// The bytes of valid UTF-8 `text` as they stand inside a JSON string: only
// ASCII bytes are ever escaped, so `text` may be cut anywhere.
void append_escaped(std::string& out, std::string_view text) {
  static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  std::size_t copied = 0;  // text[copied, i) is still to append as it is
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, copied, i - copied);
    copied = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(text, copied, text.size() - copied);
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  // nlohmann validates as it escapes and throws on the first bad byte, with
  // a message naming it: text that is not UTF-8 goes through it so that the
  // error is the same.
  if (!is_valid_utf8(text)) {
    out += Json(std::string(text)).dump();
    return;
  }
  out.reserve(out.size() + text.size() + 2);
  out += '"';
  append_escaped(out, text);
  out += '"';
}

void JsonTextWriter::newline_and_indent(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonTextWriter::separate() {
  if (frames_.empty()) return;
  if (frames_.back().members++ > 0) out_ += ',';
  if (indent_ >= 0) newline_and_indent(frames_.size());
}

void JsonTextWriter::element_of_array() {
  if (!frames_.empty() && !frames_.back().object) separate();
}

void JsonTextWriter::spill_if_full() {
  if (spill_ && out_.size() >= spill_bytes_) {
    spill_(out_);
    out_.clear();
  }
}

void JsonTextWriter::open(char bracket, bool object) {
  element_of_array();
  out_ += bracket;
  frames_.push_back({object, 0});
}

void JsonTextWriter::begin_object() {
  open('{', true);
}

void JsonTextWriter::begin_array() {
  open('[', false);
}

void JsonTextWriter::end() {
  const Frame frame = frames_.back();
  frames_.pop_back();
  // An empty object or array is "{}" or "[]", on one line.
  if (frame.members > 0 && indent_ >= 0) newline_and_indent(frames_.size());
  out_ += frame.object ? '}' : ']';
  if (frames_.empty() && spill_) {
    spill_(out_);  // the whole value is written: nothing is left behind
    out_.clear();
  } else {
    spill_if_full();
  }
}

void JsonTextWriter::key(std::string_view key) {
  separate();
  append_json_string(out_, key);
  out_ += indent_ >= 0 ? ": " : ":";
}

void JsonTextWriter::value(Json value) {
  element_of_array();
  const std::string text = value.dump(indent_);
  if (indent_ < 0 || frames_.empty()) {
    out_ += text;
    spill_if_full();
    return;
  }
  // Dumped on its own, the value's inner lines are indented from column 0;
  // inside the record they start at its depth. JSON text has no raw newline
  // but these.
  const std::size_t depth = frames_.size() * static_cast<std::size_t>(indent_);
  std::size_t from = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
    out_.append(text, from, nl + 1 - from);
    out_.append(depth, ' ');
    from = nl + 1;
  }
  out_.append(text, from, text.size() - from);
  spill_if_full();
}

void JsonTextWriter::string_value(std::string_view text) {
  element_of_array();
  if (!spill_ || text.size() <= spill_bytes_ || !is_valid_utf8(text)) {
    append_json_string(out_, text);
    spill_if_full();
    return;
  }
  // A long text (the whole of a call's notes) is escaped and spilled a piece
  // at a time, never copied whole.
  out_ += '"';
  for (std::size_t at = 0; at < text.size(); at += spill_bytes_) {
    append_escaped(out_, text.substr(at, spill_bytes_));
    spill_if_full();
  }
  out_ += '"';
  spill_if_full();
}

void JsonTextWriter::raw_member(std::string_view name, std::string_view json) {
  key(name);
  out_ += json;
  spill_if_full();
}

Json* JsonTreeWriter::place(Json value) {
  if (open_.empty()) {
    root_ = std::move(value);
    return &root_;
  }
  Json& parent = *open_.back();
  if (parent.is_array()) {
    parent.push_back(std::move(value));
    return &parent.back();
  }
  report_detail::append_member(parent, std::move(key_), std::move(value));
  key_.clear();
  auto& members = parent.get_ref<Json::object_t&>();
  return &members.back().second;
}

void JsonTreeWriter::begin_object() {
  open_.push_back(place(Json::object()));
}

void JsonTreeWriter::begin_array() {
  open_.push_back(place(Json::array()));
}

void JsonTreeWriter::end() {
  open_.pop_back();
}

void JsonTreeWriter::key(std::string_view key) {
  key_.assign(key);
}

void JsonTreeWriter::value(Json value) {
  place(std::move(value));
}

void JsonTreeWriter::string_value(std::string_view text) {
  place(Json(std::string(text)));
}

}  // namespace conduct
