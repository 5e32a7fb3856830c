// From rule hits to findings, the lexicon's part of the judgement: one
// finding per category and stretch of a sentence (its narration, or one
// quotation in it), and follow-up rules (Rule::then) that count only once a
// later sentence of the same turn confirms them. The analyzer calls it
// sentence by sentence; nothing else groups rule hits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/sentence.h"
#include "core/span.h"
#include "core/trace.h"
#include "lexicon/lexicon.h"

namespace conduct {

/// Whether `turn` is said by one of `speakers` (Speaker bits): the author
/// for a narrated turn, else the turn's role.
bool spoken_by_bits(std::uint8_t speakers, const Turn& turn);

/// A counted rule hit as the model sees it: its category and where it lies
/// in the normalized sentence.
struct CategoryHit {
  Category category{};
  ByteSpan span;
};

/// The rule findings of one document, built sentence by sentence in reading
/// order. Holds the follow-up rules waiting for a later sentence, so one
/// object serves one document; cheap to construct.
class RuleFindings {
 public:
  /// `document`: the turns the sentences come from (their roles, registers
  /// and times decide the rules' windows and the absence rules).
  RuleFindings(const Lexicon& lexicon, const Document& document);

  /// Sentence `s` of `sentences`, said or written by `speaker`, whose hits
  /// (as Lexicon::match gives them; suppressed hits are only traced) are
  /// `hits`. Appends its findings to `findings` (with `at` set; the caller
  /// quotes the evidence) and sets `category_hits` to its counted ordinary
  /// hits. Then confirms the follow-up rules waiting for a sentence like `s`
  /// and keeps their findings for finish(). Findings of sentences before `s`
  /// must all be in `findings` already (a finding of the opposite kind drops
  /// a waiting follow-up). Records every hit in `trace` when given.
  void add_sentence(std::span<const Sentence> sentences, std::size_t s, const std::string& speaker,
                    std::span<const RuleHit> hits, std::vector<Finding>& findings,
                    std::vector<CategoryHit>& category_hits, Trace* trace);

  /// After the last sentence: adds the confirmed follow-up findings to
  /// `findings`, keeping sentence order; one on a sentence that already has a
  /// finding of its category is folded into it, naming both sources. Then a
  /// finding for each absence rule whose words its speakers never said in
  /// its window, quoting their first turn there (none when they have no turn
  /// there: nothing to judge).
  void finish(std::span<const Sentence> sentences, std::vector<Finding>& findings, Trace* trace);

  /// How many waiting first parts of follow-up rules the next sentence looks
  /// at. Those that wait for a later turn are set aside until it comes, so
  /// this stays bounded by the rules' reach in sentences, however long one
  /// turn grows: the work per sentence does not grow with the document.
  std::size_t waiting_looked_at() const { return pending_.size(); }

  /// Whether turn `t` lies in the rule's window (first/last turns or
  /// seconds); a time window on turns without times does not apply.
  bool in_window(const Rule& rule, std::size_t t) const;

 private:
  // The first part of a follow-up rule, waiting for a later sentence.
  struct Pending {
    std::size_t sentence;
    const Rule* rule;
    ByteSpan span;  // in that sentence's normalized text
    std::string speaker;
    std::size_t trace;  // index of its RuleDecision, when traced
    std::size_t order;  // its place among all pending parts, to restore their order
  };
  // A finding of the current sentence and the stretch it stands for.
  struct Stretch {
    std::size_t finding;  // index into the findings
    int stretch;          // index of the quotation, -1 for the narration
  };

  void confirm(std::span<const Sentence> sentences, std::size_t s,
               const std::vector<Finding>& findings, Trace* trace);
  bool confirm_across_turns(const Pending& p, std::span<const Sentence> sentences, std::size_t s,
                            Trace* trace);
  void add_follow_up(const Pending& p, Trace* trace);
  void unpark(std::optional<std::size_t> turn);

  const Lexicon& lexicon_;
  const Document& document_;
  std::int64_t call_end_ms_ = 0;  // the latest end time of any turn
  bool has_times_ = false;
  std::vector<char> said_;  // per rule of the lexicon: an absence rule's words were said
  std::vector<Pending> pending_;
  // Parts of follow-ups across turns that wait for a turn after
  // `parked_turn_`: set aside, so that a long turn's sentences do not each
  // look at every one of them (linear, not quadratic, in the turn's length).
  std::vector<Pending> parked_;
  std::size_t parked_turn_ = 0;
  std::size_t next_order_ = 0;
  std::vector<Finding> confirmed_;
  std::vector<ByteSpan> quoted_;
  std::vector<Stretch> stretches_;
};

}  // namespace conduct
