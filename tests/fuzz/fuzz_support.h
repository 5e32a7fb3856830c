// What every reader target checks on each document it reads: the properties
// the rest of the pipeline relies on (SPEC: evidence quotes the original
// bytes at its offsets). A broken property aborts, which libFuzzer reports.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/document.h"
#include "read/reader.h"

namespace conduct::fuzz {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "fuzz property broken: %s\n", what);
  std::abort();
}

inline void check(bool holds, const char* what) {
  if (!holds) fail(what);
}

/// A document as a reader returned it for `bytes`: text formats quote the
/// file at their offsets, every turn's markup lies inside its text.
inline void check_document(const Document& document, std::string_view bytes) {
  for (const Turn& turn : document.turns) {
    check(turn.start <= turn.end, "turn start after its end");
    if (offsets_in_file(document.format)) {
      check(turn.end <= bytes.size(), "turn ends past the file");
      check(bytes.substr(turn.start, turn.end - turn.start) == turn.text,
            "turn text differs from the file bytes at its offsets");
    }
    for (const ByteSpan& markup : turn.markup) {
      check(markup.begin <= markup.end && markup.end <= turn.text.size(),
            "markup outside its turn");
    }
  }
}

inline void check_parts(const std::vector<DocumentPart>& parts, std::string_view bytes) {
  for (const DocumentPart& part : parts) {
    if (part.document.ok()) check_document(part.document.value(), bytes);
  }
}

}  // namespace conduct::fuzz
