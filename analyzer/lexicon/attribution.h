// Attribution: whose conduct a sentence tells. The nine conduct categories
// judge the company's side (../shared/ANNOTATION.md); a customer who hangs up,
// swears or refuses is never the company's misconduct, even in words an agent
// might say ("I hung up on him", "I lost my temper"). Agent turns tell the
// agent's own conduct; notes and customer turns tell the company's, unless
// the customer is the one acting.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/finding.h"
#include "core/span.h"
#include "lexicon/lexicon.h"
#include "lexicon/phrase.h"

namespace re2 {
class RE2;
}

namespace conduct {

/// The customer's own conduct in a sentence of notes or of a customer turn:
/// the `customer_own_conduct` pattern of lexicons/lists.toml (built in when a
/// folder has none): a first-person subject that hangs up, yells, swears,
/// refuses or was rude or angry. Immutable once built; safe to share between
/// threads.
class Attributor {
 public:
  /// With the built-in pattern.
  Attributor();
  /// With the folder's `customer_own_conduct` pattern. Failure: a pattern RE2
  /// cannot compile or that names an unknown list (lexicon_bad_pattern).
  static Result<Attributor> from_lists(const PhraseLists& lists);

  /// The actor of a normalized sentence (lower case, straight quotes) said or
  /// written in `context`. Cost: one RE2 search outside agent turns.
  Actor actor_of(std::string_view normalized_sentence, const MatchContext& context) const;

  /// Marks the counted hits of misconduct (a category of negative sign in
  /// `categories`) that lie in the customer's own quoted words, in notes or
  /// a customer turn: a quotation that the customer introduces ("I told him,
  /// \"that's your problem now\"", "we said: ...") is the customer speaking,
  /// whatever the words. Such a hit gets suppressed_by =
  /// "customers_own_words". Cost: nothing without a counted misconduct hit;
  /// else a scan for quotation marks and one RE2 match per quotation.
  void mark_customers_words(std::string_view normalized_sentence, const MatchContext& context,
                            const CategoryTable& categories, std::vector<RuleHit>& hits) const;

  /// The quotations of a normalized sentence that the customer introduces
  /// ("i told him, ...", "we said: ..."), without their marks.
  std::vector<ByteSpan> customers_quotes(std::string_view normalized_sentence) const;

  Attributor(Attributor&&) noexcept;
  Attributor& operator=(Attributor&&) noexcept;
  ~Attributor();

 private:
  Attributor(std::unique_ptr<const re2::RE2> customer_own,
             std::unique_ptr<const re2::RE2> customer_frame);
  std::unique_ptr<const re2::RE2> customer_own_;
  // The customer introducing words of their own, at the end of the text
  // before a quotation.
  std::unique_ptr<const re2::RE2> customer_frame_;
};

/// The built-in `customer_own_conduct` pattern (RE2, for normalized text).
extern const std::string_view kCustomerOwnConduct;

}  // namespace conduct
