// What every reader target checks on each document it reads: the properties
// the rest of the pipeline relies on (SPEC: evidence quotes the original
// bytes at its offsets). A broken property aborts, which libFuzzer reports.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/document.h"
#include "normalize/normalizer.h"
#include "read/reader.h"

namespace conduct::fuzz {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "fuzz property broken: %s\n", what);
  std::abort();
}

inline void check(bool holds, const char* what) {
  if (!holds) fail(what);
}

/// An error as readers and parsers return it: everything an error record
/// writes is valid UTF-8 whatever the input held, or the writer would throw
/// and end the batch.
inline void check_error(const Error& error) {
  check(!error.message.empty(), "an error without a message");
  check(is_valid_utf8(error.message), "an error message that is not UTF-8");
  check(is_valid_utf8(error.file), "an error's file that is not UTF-8");
  check(is_valid_utf8(error.record_id), "an error's record id that is not UTF-8");
}

/// A document as a reader returned it for `bytes`: text formats quote the
/// file at their offsets, every turn's markup lies inside its text, and all
/// the text a result record writes is valid UTF-8.
inline void check_document(const Document& document, std::string_view bytes) {
  check(is_valid_utf8(document.id), "a document id that is not UTF-8");
  for (const Turn& turn : document.turns) {
    check(is_valid_utf8(turn.text), "a turn's text that is not UTF-8");
    check(is_valid_utf8(turn.speaker), "a speaker that is not UTF-8");
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
    check(is_valid_utf8(part.id), "a part id that is not UTF-8");
    if (part.document.ok()) {
      check_document(part.document.value(), bytes);
    } else {
      check_error(part.document.error());
    }
  }
}

}  // namespace conduct::fuzz
