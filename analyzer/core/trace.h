// The record of why: every decision the analyzer takes on one document, kept
// only when the caller asks for it (Analyzer::analyze with a Trace). `explain`
// renders it; nothing else decides anything from it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/finding.h"
#include "core/span.h"

namespace conduct {

/// One feature's share of a label's score: weight x value, in logits.
struct FeatureContribution {
  std::string feature;  // "w:relax", "b:you need", "c:<rel", "x:lex:dismissive"
  std::uint32_t bucket = 0;
  float value = 0.0f;
  float weight = 0.0f;
  float contribution = 0.0f;
};

/// What became of one rule hit.
enum class RuleOutcome {
  counted,       // made a finding (or joined one of its category and stretch)
  suppressed,    // a guard of the rule suppressed it (RuleDecision::guard)
  unconfirmed,   // a follow-up rule's first part that no later sentence confirmed
  confirmed,     // a follow-up rule confirmed by a later sentence: a finding
  opposite,      // follow-up dropped: a finding of the opposite kind came between
  already_told,  // follow-up dropped: the confirming sentence has its own finding
  said,          // an absence rule's words, said: no finding
  outside,       // outside the rule's window (first/last turns or seconds)
  answered,      // a then_absent follow-up whose `then` came in time: no finding
};
std::string_view to_string(RuleOutcome outcome);

/// One rule hit on one sentence.
struct RuleDecision {
  std::size_t sentence = 0;
  std::string rule;  // id
  Category category = Category::scripted;
  double confidence = 0;
  /// Whose conduct the words are evidence of (attribution: agent speech, the
  /// agent quoted in notes, or the role of the turn).
  Role about = Role::unknown;
  ByteSpan span;      // in the sentence's normalized text
  std::string guard;  // the guard that suppressed it, when outcome is suppressed
  RuleOutcome outcome = RuleOutcome::counted;
  /// A follow-up rule (Rule::then): it counts once a later sentence confirms it.
  bool follow_up = false;
  /// For a follow-up rule: the later sentence whose `then` matched.
  std::optional<std::size_t> confirmed_by;
  std::string rule_at;  // "file:line" of the rule
  std::string reason;   // the rule's reason, as written
};

/// What became of one model label on one sentence (or pair of sentences).
enum class ModelOutcome {
  below_threshold,  // under the label's threshold: no finding
  merged,           // past it, and a rule finding of its category is there: joined it
  finding,          // past the threshold and the model-alone floor: a finding of its own
  below_floor,      // past the threshold, alone, but under the model-alone floor
  too_short,        // alone, on a span of too few words
  already_found,    // a pair reading of a label already found on either sentence
  customers_own,    // misconduct in a sentence that tells the customer's own conduct
};
std::string_view to_string(ModelOutcome outcome);

/// One label's score, where it reached the trace's interest: past its
/// threshold, or leaning towards it (at least Trace::model_interest).
struct ModelDecision {
  std::size_t sentence = 0;    // the (second) sentence scored
  bool with_previous = false;  // read together with the sentence before it
  std::string label;
  EvidenceSpan at;  // the span scored (a clause, the sentence, or the pair)
  float probability = 0;
  float threshold = 0;
  float alone_floor = 0;  // least probability of a finding with no rule beside it
  float bias = 0;
  ModelOutcome outcome = ModelOutcome::below_threshold;
  std::vector<FeatureContribution> features;  // largest |contribution| first
};

/// The policy line behind one adjustment.
struct AdjustmentDecision {
  std::size_t adjustment = 0;  // index into the result's adjustments
  Category category = Category::scripted;
  int points_each = 0;  // the policy's points per counted finding
  int cap = 0;
  bool count_repeats = false;
  std::string policy;  // the policy's version
};

/// Every decision of one analysis, in the order taken.
struct Trace {
  /// Model labels below their threshold are recorded from this probability
  /// up (a label leaning that way: what a person tuning wants to see).
  float model_interest = 0.4f;
  /// Top contributing features recorded per model decision.
  std::size_t top_features = 5;

  std::vector<RuleDecision> rules;
  std::vector<ModelDecision> model;
  std::vector<AdjustmentDecision> adjustments;
};

/// The decisions of each sentence (indices into `decisions`, in the order
/// taken), for showing a trace sentence by sentence in one pass: decisions
/// are not in sentence order (follow-ups and absence rules settle later).
template <typename Decision>
std::vector<std::vector<std::size_t>> by_sentence(const std::vector<Decision>& decisions,
                                                  std::size_t sentences) {
  std::vector<std::vector<std::size_t>> out(sentences);
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    if (decisions[i].sentence < sentences) out[decisions[i].sentence].push_back(i);
  }
  return out;
}

}  // namespace conduct
