// Text normalization with an offset map back to the original bytes.
//
// Matching runs on normalized text (NFKC, case folded, typographic quotes,
// dashes and ellipses folded to ASCII, zero-width and control characters
// removed, whitespace runs collapsed to one space, emoji kept). Evidence must
// quote the original, so every normalized byte remembers which original bytes
// it came from (the idea of sentencepiece's norm_to_orig).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace conduct {

/// For each byte of a normalized text, the original byte range of the source
/// character that produced it, stored as runs: a run of bytes copied one for
/// one from consecutive source bytes (almost all of ASCII text), or of bytes
/// that all come from one source unit (a folded character, a whitespace
/// run). A few bytes per run instead of eight per byte: the map of a 100 MB
/// document was most of its memory.
class OffsetMap {
 public:
  /// Appends `count` bytes produced by the source bytes [begin, end).
  void append(std::uint32_t begin, std::uint32_t end, std::size_t count = 1);
  /// The source range of byte i (i < size()). O(log runs).
  std::uint32_t begin_of(std::size_t i) const;
  std::uint32_t end_of(std::size_t i) const;
  std::size_t size() const { return size_; }
  std::size_t runs() const { return runs_.size(); }
  bool operator==(const OffsetMap& other) const = default;

 private:
  struct Run {
    std::uint32_t first;  // its first normalized byte
    std::uint32_t begin;  // source range: of its first byte when `copied`,
    std::uint32_t end;    // else of every byte
    bool copied;          // byte first + k comes from source byte begin + k
    bool operator==(const Run&) const = default;
  };
  const Run& run_of(std::size_t i) const;
  std::vector<Run> runs_;
  std::size_t size_ = 0;
};

/// Normalized text and where each of its bytes came from.
struct NormalizedText {
  std::string text;
  /// One entry per byte of `text`.
  OffsetMap offsets;

  /// The original bytes of the character that produced normalized byte i.
  std::uint32_t original_begin(std::size_t i) const { return offsets.begin_of(i); }
  std::uint32_t original_end(std::size_t i) const { return offsets.end_of(i); }

  /// Maps a normalized range to the smallest original range that covers the
  /// source characters of its bytes. An empty range maps to an empty range at
  /// the corresponding original position.
  ByteSpan to_original(ByteSpan normalized) const;
  /// The normalized range whose bytes come from source characters inside the
  /// given original range (the inverse of to_original for sentence spans).
  ByteSpan from_original(ByteSpan original) const;
};

/// Normalizes valid UTF-8 `source` (callers validate first; ill-formed bytes
/// are dropped). Per source code point: typographic quotes, dashes and the
/// ellipsis fold to ASCII; then NFKC_Casefold (which also drops
/// default-ignorables such as U+200B); a base character and the combining
/// marks after it are normalized together as one unit whose output bytes all
/// map to the whole unit. Controls are dropped; each whitespace run (any
/// Unicode White_Space, newlines included) becomes one ASCII space that maps
/// to the whole run; leading and trailing whitespace is dropped; emoji stay.
/// Pure-ASCII input takes a fast path, and ASCII bytes inside mixed text a
/// shortcut, both byte-identical to the ICU path.
/// Cost: linear in the input, plus one offset run per stretch of copied bytes;
/// no allocation per character. Call it once per turn, never per rule or
/// sentence. Offsets are 32-bit: inputs must be under 4 GiB. Without ICU data
/// (never in a normal install) non-ASCII text passes through unnormalized.
/// Known limit: a word of the normalized text that starts inside a unit (a
/// lone combining mark after punctuation) maps back to the whole unit.
NormalizedText normalize(std::string_view source);

/// The ICU path, always. Exposed so that tests can compare it with the fast
/// path on every sample.
NormalizedText normalize_with_icu(std::string_view source);

/// True when every byte is < 0x80.
bool is_ascii(std::string_view text);

/// True when `bytes` is well-formed UTF-8. On failure, sets *bad_offset to
/// the offset of the first invalid byte.
bool is_valid_utf8(std::string_view bytes, std::size_t* bad_offset = nullptr);

}  // namespace conduct
