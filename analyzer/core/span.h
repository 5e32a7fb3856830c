// Byte ranges, the currency of evidence: every span that leaves the pipeline
// is a half-open range of bytes in some original text.
#pragma once

#include <cstddef>

namespace conduct {

/// A half-open byte range [begin, end).
struct ByteSpan {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool operator==(const ByteSpan&) const = default;
};

/// True when the two ranges share at least one byte.
inline bool overlaps(ByteSpan a, ByteSpan b) {
  return a.begin < b.end && b.begin < a.end;
}

}  // namespace conduct
