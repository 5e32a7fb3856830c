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

#include "core/error.h"
#include "core/finding.h"
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

  Attributor(Attributor&&) noexcept;
  Attributor& operator=(Attributor&&) noexcept;
  ~Attributor();

 private:
  explicit Attributor(std::unique_ptr<const re2::RE2> customer_own);
  std::unique_ptr<const re2::RE2> customer_own_;
};

/// The built-in `customer_own_conduct` pattern (RE2, for normalized text).
extern const std::string_view kCustomerOwnConduct;

}  // namespace conduct
