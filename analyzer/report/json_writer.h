// Writing a JSON value piece by piece: as text straight into a string, or as
// a tree. A record with a million turns or findings is written one member and
// one element at a time, so that no tree of the whole record (about 2 KB of
// nodes per finding, tens of bytes per input byte with --detail) is built
// only to be dumped.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace conduct {

/// Receives one JSON value in document order. A value goes where the
/// writer stands: the top-level value, the value of the key just written,
/// or an array's next element. An object's keys must be distinct.
class JsonWriter {
 public:
  virtual ~JsonWriter() = default;
  /// Opens an object or an array, closed by the matching end().
  virtual void begin_object() = 0;
  virtual void begin_array() = 0;
  virtual void end() = 0;
  /// The next member's key, inside an object; its value follows.
  virtual void key(std::string_view key) = 0;
  /// A whole value (meant for small ones: a finding, a sentiment).
  virtual void value(nlohmann::ordered_json value) = 0;
  /// A string value, written without first copying it into a JSON value (a
  /// turn's text may be the whole document).
  virtual void string_value(std::string_view text) = 0;

  void member(std::string_view name, nlohmann::ordered_json json) {
    key(name);
    value(std::move(json));
  }
  void string_member(std::string_view name, std::string_view text) {
    key(name);
    string_value(text);
  }
};

/// Appends the value's text to a string, byte for byte what
/// nlohmann::ordered_json::dump(indent) gives for the same value as one tree
/// (compact when `indent` < 0). Throws nlohmann's type_error 316 on a string
/// that is not UTF-8, as dump does.
class JsonTextWriter final : public JsonWriter {
 public:
  /// Hands `out` to `spill` and empties it whenever it holds `spill_bytes` or
  /// more after a value (without `spill`, `out` holds the whole text).
  using Spill = std::function<void(std::string_view text)>;
  JsonTextWriter(std::string& out, int indent, Spill spill = {},
                 std::size_t spill_bytes = std::size_t{1} << 20)
      : out_(out), indent_(indent), spill_(std::move(spill)), spill_bytes_(spill_bytes) {}

  void begin_object() override;
  void begin_array() override;
  void end() override;
  void key(std::string_view key) override;
  void value(nlohmann::ordered_json value) override;
  void string_value(std::string_view text) override;
  /// A member whose value is JSON text written as it is (a passed-through
  /// field of the input record).
  void raw_member(std::string_view name, std::string_view json);

 private:
  struct Frame {
    bool object = false;
    std::size_t members = 0;
  };
  void separate();          // before a key or an array element
  void element_of_array();  // separate() when inside an array
  void newline_and_indent(std::size_t depth);
  void open(char bracket, bool object);
  void spill_if_full();

  std::string& out_;
  int indent_;
  Spill spill_;
  std::size_t spill_bytes_;
  std::vector<Frame> frames_;
};

/// Builds the value as one ordered_json tree (for callers that read the
/// record rather than print it).
class JsonTreeWriter final : public JsonWriter {
 public:
  void begin_object() override;
  void begin_array() override;
  void end() override;
  void key(std::string_view key) override;
  void value(nlohmann::ordered_json value) override;
  void string_value(std::string_view text) override;
  /// The value written; the writer is empty afterwards.
  nlohmann::ordered_json take() { return std::move(root_); }

 private:
  nlohmann::ordered_json* place(nlohmann::ordered_json value);

  nlohmann::ordered_json root_;
  std::vector<nlohmann::ordered_json*> open_;
  std::string key_;
};

/// `text` as a JSON string literal, as nlohmann's dump writes it (UTF-8
/// kept, controls, quote and backslash escaped), appended to `out`. Throws
/// nlohmann's type_error 316 when `text` is not UTF-8.
void append_json_string(std::string& out, std::string_view text);

}  // namespace conduct
