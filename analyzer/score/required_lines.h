// Required lines (SPEC section 5): whether the company's side said each line
// its QA policy requires (a greeting, a disclosure, a closing) where the
// policy requires it, and where.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "core/sentence.h"
#include "core/span.h"
#include "score/policy.h"

namespace re2 {
class RE2;
}

namespace conduct {

/// One required line in one document.
struct RequiredLineCheck {
  /// Index in Policy::required.
  std::size_t line = 0;
  bool said = false;
  /// Said: the sentence that says it, and the words in its normalized text.
  /// Missing: the first sentence of the company's side in the window, quoted
  /// as the place the line was due (the whole sentence).
  std::size_t sentence = 0;
  ByteSpan normalized;
};

/// The policy's required lines, compiled once and shared read-only.
class RequiredLineChecker {
 public:
  /// Compiles each line's phrases (plain phrases, matched case-insensitively
  /// at word boundaries on normalized text). Fails with invalid_policy when
  /// a phrase holds no word.
  static Result<RequiredLineChecker> compile(const std::vector<RequiredLine>& lines);

  bool empty() const { return patterns_.empty(); }

  /// Checks every required line against the company side's speech (agent and
  /// system turns said, not narrated) within each line's window of that
  /// side's turns. A document where the company's side has no turn in a
  /// line's window gets no check for it: nothing to judge (call notes, a
  /// customer's message alone). Cost: one RE2 search per line per sentence
  /// of the window.
  std::vector<RequiredLineCheck> check(const std::vector<Sentence>& sentences,
                                       const Document& document) const;

 private:
  std::vector<RequiredLine> lines_;
  std::vector<std::shared_ptr<const re2::RE2>> patterns_;
};

}  // namespace conduct
