// Encodings at the edges of the reader: text that quotes input (file names,
// parser messages) made safe to write as JSON, whatever bytes the input
// holds; UTF-16 files turned into the UTF-8 every reader expects.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace conduct {

/// `text` with every byte that is not part of a valid UTF-8 sequence written
/// as the four characters "\xHH" (HH: the byte in upper-case hex); valid UTF-8
/// comes back unchanged. Distinct byte strings stay distinct names, which a
/// replacement character would not keep.
std::string escape_invalid_utf8(std::string_view text);

/// The byte order a UTF-16 byte-order mark at the start of `bytes` names
/// ("UTF-16LE" or "UTF-16BE"), or nullopt.
std::optional<std::string_view> utf16_bom(std::string_view bytes);

/// Decodes UTF-16 text that starts with a byte-order mark into UTF-8 without
/// the mark. Error invalid_utf16 (an odd number of bytes, a surrogate without
/// its pair) with the byte offset in the message.
Result<std::string> decode_utf16(std::string_view bytes);

}  // namespace conduct
