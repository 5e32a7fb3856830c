#include "read/encoding.h"

#include <cstdint>

#include "normalize/normalizer.h"

namespace conduct {

std::string escape_invalid_utf8(std::string_view text) {
  std::size_t bad = 0;
  if (is_valid_utf8(text, &bad)) return std::string(text);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() + 8);
  while (true) {
    out.append(text.substr(0, bad));
    const auto byte = static_cast<unsigned char>(text[bad]);
    out.append("\\x").push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xF]);
    text.remove_prefix(bad + 1);
    if (is_valid_utf8(text, &bad)) break;
  }
  out.append(text);
  return out;
}

std::optional<std::string_view> utf16_bom(std::string_view bytes) {
  if (bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  return std::nullopt;
}

Result<std::string> decode_utf16(std::string_view bytes) {
  const auto order = utf16_bom(bytes);
  const bool little = order && *order == "UTF-16LE";
  auto fail = [](std::size_t at, const char* what) {
    return Error{ErrorCode::invalid_utf16,
                 std::string("invalid UTF-16 at byte ") + std::to_string(at) + ": " + what, "", 0};
  };
  if (bytes.size() % 2 != 0) return fail(bytes.size() - 1, "an odd number of bytes");
  auto unit = [&](std::size_t at) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(bytes[at]);
    const auto b = static_cast<unsigned char>(bytes[at + 1]);
    return little ? (std::uint32_t{b} << 8 | a) : (std::uint32_t{a} << 8 | b);
  };
  std::string out;
  out.reserve(bytes.size() / 2 * 3 / 2);
  for (std::size_t at = order ? 2 : 0; at < bytes.size(); at += 2) {
    std::uint32_t cp = unit(at);
    if (cp >= 0xDC00 && cp <= 0xDFFF) return fail(at, "a low surrogate without a high one");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (at + 2 >= bytes.size()) return fail(at, "a high surrogate at the end");
      const std::uint32_t low = unit(at + 2);
      if (low < 0xDC00 || low > 0xDFFF) return fail(at, "a high surrogate without a low one");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      at += 2;
    }
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

}  // namespace conduct
