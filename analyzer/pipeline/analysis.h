// What the analyzer makes of one document: its sentences, their sentiment,
// the findings with their evidence, and the suggested adjustments.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <ranges>
#include <vector>

#include "core/document.h"
#include "core/finding.h"
#include "core/sentence.h"
#include "normalize/normalizer.h"
#include "score/adjustments.h"
#include "score/call_metrics.h"
#include "score/required_lines.h"
#include "score/stated.h"
#include "sentiment/vader.h"

namespace conduct {

/// The result of analysing one document. Sentences hold views into
/// `document` and `normalized`, so an Analysis is move-only (moving keeps the
/// views valid: the strings live in vectors whose buffers move with them).
struct Analysis {
  Document document;
  std::vector<NormalizedText> normalized;  // one per turn
  std::vector<Sentence> sentences;         // in document order, so turn by turn
  /// Turn t's sentences are [turn_sentence_begin[t], turn_sentence_begin[t +
  /// 1]): one entry per turn and one more (a vector of indices per turn
  /// cost about 56 bytes a turn, a subtitle cue has about 90).
  std::vector<std::size_t> turn_sentence_begin;
  std::vector<SentimentScores> sentence_sentiment;  // one per sentence
  /// The sentiment model's probabilities of negative, neutral and positive,
  /// one per sentence; empty when no sentiment model is loaded.
  std::vector<std::array<float, 3>> sentence_mood;
  std::vector<bool> sentence_is_recap;  // one per sentence
  std::vector<Finding> findings;        // in document order
  std::vector<Adjustment> adjustments;
  StatedPoints stated;
  int points = 0;
  /// Talk time, silences, interruptions, ... when every turn has a time
  /// (score/call_metrics.h); nullopt otherwise.
  std::optional<CallMetrics> call_metrics;
  /// The policy's required lines in this document (score/required_lines.h):
  /// said ones with their evidence, missing ones with the place they were
  /// due; empty when the policy names none or the company's side never speaks.
  std::vector<RequiredLineCheck> required_lines;
  std::vector<Evidence> required_line_evidence;  // one per required_lines entry

  /// The indices of turn t's sentences.
  auto sentences_of(std::size_t turn) const {
    return std::views::iota(turn_sentence_begin[turn], turn_sentence_begin[turn + 1]);
  }

  Analysis() = default;
  Analysis(Analysis&&) = default;
  Analysis& operator=(Analysis&&) = default;
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;
};

/// Normalizes and segments a document (no matching): the part every command
/// that looks at sentences shares. Cost: one normalization and one sentence
/// segmentation per turn.
Analysis segment_document(Document document);

/// A sentence's sentiment on -1..1: P(positive) - P(negative) by the
/// sentiment model when one is loaded (sentence_mood), else VADER's compound.
double sentence_score(const Analysis& analysis, std::size_t sentence);

/// A turn's sentiment: the mean sentence_score of its sentences (0 for a
/// turn without one).
double turn_score(const Analysis& analysis, std::size_t turn);

/// Evidence for a range of a sentence's normalized text (which may run on
/// into the sentences after it in the same turn), quoted from the original
/// with exact offsets, line and the turn's times.
Evidence evidence_for(const Analysis& analysis, EvidenceSpan at);

}  // namespace conduct
