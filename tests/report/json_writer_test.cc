// The record writers give, piece by piece, exactly what nlohmann's dump gives
// for the same value built as one tree: strings, nesting, empty containers,
// compact and indented.
#include "report/json_writer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace conduct {
namespace {

using Json = nlohmann::ordered_json;

std::string dumped_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

TEST(JsonString, EveryAsciiByteIsEscapedAsDumpEscapesIt) {
  for (int c = 0; c < 0x80; ++c) {
    std::string text = "a";
    text += static_cast<char>(c);
    text += 'b';
    EXPECT_EQ(dumped_string(text), Json(text).dump()) << "byte " << c;
  }
  EXPECT_EQ(dumped_string("tab\there \"quoted\" back\\slash\x01"),
            R"("tab\there \"quoted\" back\\slash\u0001")");
}

TEST(JsonString, UnicodeIsKeptAndBadBytesThrowAsDumpThrows) {
  const std::string unicode = "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80 \xE2\x80\xA8";
  EXPECT_EQ(dumped_string(unicode), Json(unicode).dump());
  EXPECT_EQ(dumped_string(""), "\"\"");
  for (const std::string bad : {"ab\xFF", "\xC3", "\xED\xA0\x80", "\xC0\x80"}) {
    std::string expected;
    try {
      (void)Json(bad).dump();
      ADD_FAILURE() << "dump accepted bad UTF-8";
    } catch (const nlohmann::json::type_error& e) {
      expected = e.what();
    }
    try {
      (void)dumped_string(bad);
      ADD_FAILURE() << "append_json_string accepted bad UTF-8";
    } catch (const nlohmann::json::type_error& e) {
      EXPECT_EQ(std::string(e.what()), expected);
    }
  }
}

// A record-like value with every shape: nested objects and arrays, empty
// ones, strings with escapes, numbers of each kind, null and booleans.
void write_sample(JsonWriter& out) {
  out.begin_object();
  out.member("schema", "conduct/1");
  out.key("speakers");
  out.begin_object();
  out.member("Agent", Json{{"turns", 2u}, {"sentiment", {{"mean", -0.25}, {"end", 1e-7}}}});
  out.end();
  out.key("empty_object");
  out.begin_object();
  out.end();
  out.key("empty_array");
  out.begin_array();
  out.end();
  out.member("null", nullptr);
  // Longer than a spilled writer's pieces below: cut inside characters.
  std::string long_text;
  for (int i = 0; i < 9; ++i) long_text += "\xC3\xA9\t\xF0\x9F\x98\x80\"";
  out.string_member("long", long_text);
  out.key("turns");
  out.begin_array();
  for (int t = 0; t < 2; ++t) {
    out.begin_object();
    out.string_member("text", t == 0 ? "Line one.\nLine \"two\"." : "caf\xC3\xA9");
    out.member("begin_ms", std::int64_t{-5} + t);
    out.key("sentences");
    out.begin_array();
    for (int s = 0; s < t; ++s) {
      out.value(
          Json{{"start", s}, {"flags", Json::array({true, false})}, {"inner", Json::array()}});
      out.string_value("loose");
    }
    out.end();
    out.end();
  }
  out.value(Json::object());
  out.value(42);
  out.end();
  out.end();
}

TEST(JsonWriter, TextEqualsTheTreesDumpCompactAndIndented) {
  JsonTreeWriter tree;
  write_sample(tree);
  const Json built = tree.take();
  EXPECT_EQ(built.at("turns").at(1).at("sentences").at(1), "loose");
  EXPECT_EQ(built.at("empty_array"), Json::array());
  for (const int indent : {-1, 0, 2, 4}) {
    std::string text;
    JsonTextWriter writer(text, indent);
    write_sample(writer);
    EXPECT_EQ(text, built.dump(indent)) << "indent " << indent;
  }
}

TEST(JsonWriter, SpilledPiecesMakeTheSameTextAndNothingIsLeftBehind) {
  JsonTreeWriter tree;
  write_sample(tree);
  const Json built = tree.take();
  for (const int indent : {-1, 2}) {
    std::string buffer;
    std::string joined;
    std::size_t pieces = 0;
    JsonTextWriter writer(
        buffer, indent,
        [&](std::string_view piece) {
          joined += piece;
          ++pieces;
        },
        16);
    write_sample(writer);
    EXPECT_EQ(joined, built.dump(indent)) << "indent " << indent;
    EXPECT_TRUE(buffer.empty());
    EXPECT_GT(pieces, 5u);
  }
}

TEST(JsonWriter, RawMemberIsWrittenAsGiven) {
  for (const int indent : {-1, 2}) {
    std::string text;
    JsonTextWriter writer(text, indent);
    writer.begin_object();
    writer.member("id", "a");
    writer.raw_member("ticket", R"({"queue": "billing",  "n": 1.50})");
    writer.end();
    EXPECT_EQ(text, indent < 0 ? R"({"id":"a","ticket":{"queue": "billing",  "n": 1.50}})"
                               : "{\n  \"id\": \"a\",\n  \"ticket\": {\"queue\": \"billing\",  "
                                 "\"n\": 1.50}\n}");
  }
}

}  // namespace
}  // namespace conduct
