// The whole pipeline for one document: normalize, segment, match rules, run
// the model, score sentiment, mark recaps, read stated points and suggest
// adjustments. Pure: the same document and resources give the same Analysis.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "core/finding.h"
#include "core/sentence.h"
#include "normalize/normalizer.h"
#include "score/adjustments.h"
#include "score/stated.h"
#include "sentiment/vader.h"

namespace conduct {

class Lexicon;
class Model;
struct Policy;

/// Paths of the configuration; empty means the default under the data dir.
struct ResourcePaths {
  std::filesystem::path lexicons;           // --lexicons DIR
  std::filesystem::path model;              // --model FILE
  std::filesystem::path policy;             // --policy FILE
  std::filesystem::path sentiment_lexicon;  // --sentiment-lexicon FILE
  bool sentiment_overlay = true;            // off with `sentiment --plain`
  bool use_model = true;                    // off with --no-model
  /// A model finding on a sentence where no rule of its category fired needs
  /// at least this probability besides the model's own threshold: the
  /// thresholds were chosen on corpus/, and real notes are further from it
  /// than the validation fold (--model-alone-floor).
  double model_alone_floor = 0.8;
  /// ... and at least this much above the label's own threshold
  /// (--model-alone-margin): the labels the corpus found hard to call have
  /// high thresholds, and real notes make them harder still. With the floor,
  /// chosen on tests/data/blind-notes/dev2 and ../shared/eval/notes. A label
  /// whose validation precision stayed under 0.85 makes no finding alone.
  double model_alone_margin = 0.15;
  /// Score each clause of a long sentence too, keeping the most probable
  /// (on with --model-clauses; see classify/clauses.h). Off by default: on
  /// fresh blind notes (tests/data/blind-notes/dev2) the clauses added one
  /// right finding for nine wrong ones, the whole sentences none wrong.
  bool model_clauses = false;
  /// Read each sentence of call notes or of a customer turn with the one
  /// before it too, for what only the two together show: a promise, then its
  /// failure (off with --no-model-pairs; see classify/sentence_scorer.h).
  bool model_pairs = true;
};

/// The data directory holding lexicons/ and models/: $CONDUCT_HOME when set,
/// else the source tree the binary was built from.
std::filesystem::path data_dir();

/// Everything loaded once and shared read-only by all threads.
struct Resources {
  std::shared_ptr<const Lexicon> lexicon;
  std::shared_ptr<const SentimentScorer> sentiment;
  std::shared_ptr<const Model> model;  // null when the model is off
  std::shared_ptr<const Policy> policy;
  /// Per model label, the least probability of a model finding with no rule
  /// of its category beside it (see ResourcePaths::model_alone_floor and
  /// model_alone_margin); above 1 for a label whose validation precision
  /// stayed under 0.85: it only corroborates rules.
  std::vector<float> model_alone_floors;
  bool model_clauses = false;
  bool model_pairs = true;
  std::string lexicon_version;
  std::string model_version;  // "none" when the model is off
  std::string policy_version;

  /// Loads every resource; the first configuration error is returned with its
  /// file and line (exit status 2 in the CLI). Cost: compiles every rule and
  /// reads the model and the sentiment lexicon, tens of milliseconds.
  static Result<Resources> load(const ResourcePaths& paths);
};

/// The result of analysing one document. Sentences hold views into
/// `document` and `normalized`, so an Analysis is move-only (moving keeps the
/// views valid: the strings live in vectors whose buffers move with them).
struct Analysis {
  Document document;
  std::vector<NormalizedText> normalized;                // one per turn
  std::vector<Sentence> sentences;                       // in document order
  std::vector<std::vector<std::size_t>> turn_sentences;  // sentence indices per turn
  std::vector<SentimentScores> sentence_sentiment;       // one per sentence
  std::vector<bool> sentence_is_recap;                   // one per sentence
  std::vector<Finding> findings;                         // in document order
  std::vector<Adjustment> adjustments;
  StatedPoints stated;
  int points = 0;

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

/// Evidence for a range of a sentence's normalized text, quoted from the
/// original with exact offsets, line and the turn's times.
Evidence evidence_for(const Analysis& analysis, std::size_t sentence,
                      ByteSpan normalized_in_sentence);

/// The full analysis of one document: segment_document, then sentiment per
/// sentence, rule findings, model findings (merged with rule findings of the
/// same category and sentence: one finding, both sources named), recap
/// marks, stated points and the suggested adjustments under the policy.
Analysis analyze_document(Document document, const Resources& resources);

}  // namespace conduct
