// Normalization with an offset map, one source unit at a time.
//
// A "unit" is one source code point, or a base code point together with the
// combining marks that follow it (NFKC composes across them, so they must be
// normalized together). Each unit is classified (whitespace, control, typographic
// punctuation to fold, or ordinary text), its normalized bytes are appended, and
// every appended byte records the unit's original [begin, end).
#include "normalize/normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string_view>

namespace conduct {
namespace {

/// ASCII replacement for typographic punctuation, or empty when `c` is not
/// folded. Applied before NFKC so that, e.g., U+2033 becomes '"' and not two
/// primes.
std::string_view folded_punctuation(UChar32 c) {
  switch (c) {
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201A:  // ‚
    case 0x201B:  // ‛
    case 0x2032:  // ′
      return "'";
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F:  // ‟
    case 0x2033:  // ″
    case 0x00AB:  // «
    case 0x00BB:  // »
      return "\"";
    case 0x2012:  // ‒
    case 0x2013:  // –
    case 0x2014:  // —
    case 0x2015:  // ―
    case 0x2212:  // −
      return "-";
    case 0x2026:  // …
      return "...";
    default:
      return {};
  }
}

bool is_ascii_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/// Unicode White_Space: tab, newline, CR, NBSP, the U+2000 spaces, ...
bool is_space(UChar32 c) {
  return c < 0x80 ? is_ascii_space(static_cast<unsigned char>(c)) : u_isUWhiteSpace(c);
}

/// C0 and C1 controls other than whitespace, which collapses instead.
bool is_control(UChar32 c) {
  return u_charType(c) == U_CONTROL_CHAR && !is_space(c);
}

/// Appends normalized bytes and their origins, collapsing whitespace runs into
/// one space between two non-space outputs (so leading and trailing whitespace
/// is dropped). The space maps to the whole run it replaces.
class Emitter {
 public:
  explicit Emitter(NormalizedText& out) : out_(out) {}

  void space(std::uint32_t begin, std::uint32_t end) {
    if (!pending_space_) pending_begin_ = begin;
    pending_space_ = true;
    pending_end_ = end;
  }

  void bytes(std::string_view s, std::uint32_t begin, std::uint32_t end) {
    if (s.empty()) return;
    if (pending_space_) {
      if (!out_.text.empty()) push(" ", pending_begin_, pending_end_);
      pending_space_ = false;
    }
    push(s, begin, end);
  }

 private:
  void push(std::string_view s, std::uint32_t begin, std::uint32_t end) {
    out_.text.append(s);
    out_.offsets.append(begin, end, s.size());
  }

  NormalizedText& out_;
  bool pending_space_ = false;
  std::uint32_t pending_begin_ = 0;
  std::uint32_t pending_end_ = 0;
};

/// The ASCII rules, identical to what NFKC_Casefold and the whitespace and
/// control rules give for a code point below 0x80.
inline void emit_ascii(Emitter& emit, unsigned char c, std::uint32_t at) {
  if (is_ascii_space(c)) {
    emit.space(at, at + 1);
  } else if (c < 0x20 || c == 0x7F) {
    return;  // control
  } else {
    const char lowered = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    emit.bytes(std::string_view(&lowered, 1), at, at + 1);
  }
}

/// Classifies and appends one normalized code point produced by NFKC for a
/// unit: NFKC output can itself hold spaces (U+00A8 -> " \u0308") or
/// typographic punctuation (U+2034 -> three primes), which get the same rules.
void emit_code_point(Emitter& emit, UChar32 c, std::uint32_t begin, std::uint32_t end) {
  if (is_space(c)) {
    emit.space(begin, end);
    return;
  }
  if (is_control(c)) return;
  if (std::string_view fold = folded_punctuation(c); !fold.empty()) {
    emit.bytes(fold, begin, end);
    return;
  }
  char buf[U8_MAX_LENGTH];
  std::int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, U8_MAX_LENGTH, c, error);
  if (!error) emit.bytes(std::string_view(buf, static_cast<std::size_t>(len)), begin, end);
}

NormalizedText normalize_impl(std::string_view source, bool ascii_shortcut) {
  NormalizedText out;
  out.text.reserve(source.size());
  Emitter emit(out);

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) nfkc_cf = nullptr;  // no ICU data: text passes unnormalized

  // Reused across units so that only the first non-inert unit allocates.
  icu::UnicodeString unit;
  icu::UnicodeString normalized;

  const auto* s = reinterpret_cast<const std::uint8_t*>(source.data());
  const auto n = static_cast<std::int32_t>(source.size());
  std::int32_t i = 0;
  while (i < n) {
    // Fast path: an ASCII byte not followed by a combining mark.
    if (ascii_shortcut && s[i] < 0x80 && (i + 1 == n || s[i + 1] < 0x80)) {
      emit_ascii(emit, s[i], static_cast<std::uint32_t>(i));
      ++i;
      continue;
    }
    const std::int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;  // ill-formed: callers validate, so just skip
    const auto ubegin = static_cast<std::uint32_t>(begin);
    if (is_space(c)) {
      emit.space(ubegin, static_cast<std::uint32_t>(i));
      continue;
    }
    if (is_control(c)) continue;
    if (std::string_view fold = folded_punctuation(c); !fold.empty()) {
      emit.bytes(fold, ubegin, static_cast<std::uint32_t>(i));
      continue;
    }
    // Extend the unit over following code points that NFKC may combine with
    // it (those without a normalization boundary before them).
    unit.setTo(c);
    bool inert = nfkc_cf == nullptr || nfkc_cf->isInert(c);
    while (nfkc_cf != nullptr && i < n) {
      std::int32_t next_end = i;
      UChar32 next = 0;
      U8_NEXT(s, next_end, n, next);
      if (next < 0 || nfkc_cf->hasBoundaryBefore(next) || is_space(next) || is_control(next) ||
          !folded_punctuation(next).empty()) {
        break;
      }
      unit.append(next);
      inert = false;
      i = next_end;
    }
    const auto uend = static_cast<std::uint32_t>(i);
    if (inert) {
      emit.bytes(
          source.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(i - begin)),
          ubegin, uend);
      continue;
    }
    status = U_ZERO_ERROR;
    nfkc_cf->normalize(unit, normalized, status);
    if (U_FAILURE(status)) normalized = unit;
    for (std::int32_t k = 0; k < normalized.length();) {
      const UChar32 out_c = normalized.char32At(k);
      emit_code_point(emit, out_c, ubegin, uend);
      k += U16_LENGTH(out_c);
    }
  }
  return out;
}

/// The whole-input ASCII fast path: the same rules as emit_ascii, writing
/// into presized buffers without per-byte capacity checks.
NormalizedText normalize_ascii(std::string_view source) {
  const std::size_t n = source.size();
  NormalizedText out;
  out.text.resize(n);
  char* text = out.text.data();
  std::size_t k = 0;
  bool pending_space = false;
  std::uint32_t space_begin = 0;
  std::uint32_t space_end = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(source[i]);
    const auto at = static_cast<std::uint32_t>(i);
    if (is_ascii_space(c)) {
      if (!pending_space) space_begin = at;
      pending_space = true;
      space_end = at + 1;
      continue;
    }
    if (c < 0x20 || c == 0x7F) continue;
    if (pending_space) {
      if (k > 0) {
        text[k++] = ' ';
        out.offsets.append(space_begin, space_end);
      }
      pending_space = false;
    }
    text[k++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    out.offsets.append(at, at + 1);
  }
  out.text.resize(k);
  return out;
}

}  // namespace

NormalizedText normalize(std::string_view source) {
  return is_ascii(source) ? normalize_ascii(source) : normalize_impl(source, true);
}

NormalizedText normalize_with_icu(std::string_view source) {
  return normalize_impl(source, false);
}

void OffsetMap::append(std::uint32_t begin, std::uint32_t end, std::size_t count) {
  if (count == 0) return;
  // One byte from one source byte that follows the last run's copied bytes,
  // or more bytes of the last run's unit, extend it; anything else starts a
  // run. Equal maps are therefore equal runs, whichever path built them.
  if (!runs_.empty()) {
    const Run& last = runs_.back();
    const std::size_t offset = size_ - last.first;
    const bool continues_copy =
        last.copied && count == 1 && end == begin + 1 && last.begin + offset == begin;
    const bool continues_unit = !last.copied && last.begin == begin && last.end == end;
    if (continues_copy || continues_unit) {
      size_ += count;
      return;
    }
  }
  const bool copied = count == 1 && end == begin + 1;
  runs_.push_back({static_cast<std::uint32_t>(size_), begin, end, copied});
  size_ += count;
}

const OffsetMap::Run& OffsetMap::run_of(std::size_t i) const {
  const auto after = std::upper_bound(
      runs_.begin(), runs_.end(), i, [](std::size_t at, const Run& run) { return at < run.first; });
  return *(after - 1);
}

std::uint32_t OffsetMap::begin_of(std::size_t i) const {
  const Run& run = run_of(i);
  return run.copied ? run.begin + static_cast<std::uint32_t>(i - run.first) : run.begin;
}

std::uint32_t OffsetMap::end_of(std::size_t i) const {
  const Run& run = run_of(i);
  return run.copied ? run.begin + static_cast<std::uint32_t>(i - run.first) + 1 : run.end;
}

ByteSpan NormalizedText::to_original(ByteSpan normalized) const {
  const std::size_t size = text.size();
  const std::size_t begin = std::min(normalized.begin, size);
  const std::size_t end = std::min(std::max(normalized.end, begin), size);
  if (begin == end) {
    const std::size_t at =
        begin < size ? original_begin(begin) : (size > 0 ? original_end(size - 1) : 0);
    return {at, at};
  }
  // Both maps are non-decreasing, so the first and last bytes bound the range.
  return {original_begin(begin), original_end(end - 1)};
}

ByteSpan NormalizedText::from_original(ByteSpan original) const {
  // First normalized byte whose source starts inside the range, and one past
  // the last whose source ends inside it: binary searches over the bytes,
  // both maps being non-decreasing.
  const auto first_where = [this](auto&& past) {
    std::size_t low = 0;
    std::size_t high = text.size();
    while (low < high) {
      const std::size_t middle = low + (high - low) / 2;
      if (past(middle)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  };
  const std::size_t b =
      first_where([&](std::size_t i) { return original_begin(i) >= original.begin; });
  const std::size_t e = first_where([&](std::size_t i) { return original_end(i) > original.end; });
  return {b, std::max(b, e)};
}

}  // namespace conduct
