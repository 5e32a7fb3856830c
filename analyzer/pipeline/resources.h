// Everything the analyzer loads once and shares read-only: lexicons, the
// sentiment lexicon, the model with its finding policy, the point policy.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "classify/model.h"
#include "classify/model_findings.h"
#include "core/error.h"
#include "lexicon/attribution.h"
#include "lexicon/lexicon.h"
#include "score/policy.h"
#include "score/recap.h"
#include "score/required_lines.h"
#include "score/stated.h"
#include "sentiment/vader.h"

namespace conduct {

/// Paths of the configuration (empty means the shipped default under
/// data_dir()) and the knobs that decide findings.
struct ResourcePaths {
  std::filesystem::path lexicons;           // --lexicons DIR
  std::filesystem::path model;              // --model FILE
  std::filesystem::path policy;             // --policy FILE
  std::filesystem::path sentiment_lexicon;  // --sentiment-lexicon FILE
  bool sentiment_overlay = true;            // off with `sentiment --plain`
  bool use_model = true;                    // off with --no-model
  std::filesystem::path sentiment_model;    // --sentiment-model FILE
  bool use_sentiment_model = true;          // off with --no-sentiment-model
  ModelFindingOptions model_findings;       // --model-alone-floor, ...
  /// Where the lexicon remembers rule patterns that passed their checks
  /// (see CheckedPatterns); empty: none, every rule is compiled at load.
  std::filesystem::path cache_folder;
};

/// The folder for conduct's cache: $CONDUCT_CACHE_DIR when set (set and
/// empty: no cache), else $XDG_CACHE_HOME/conduct, else $HOME/.cache/conduct;
/// empty when none of them is set.
std::filesystem::path default_cache_folder();

/// The folder holding lexicons/ and models/: $CONDUCT_HOME when set; else,
/// from the running executable's folder upwards, the first
/// `share/conduct` that holds a lexicons/ folder: `<prefix>/share/conduct`
/// for an installed binary, `<build>/share/conduct` (links to the source
/// tree, made by CMake) for a build tree. Empty when none is found.
std::filesystem::path data_dir();

/// The policy in force: the shipped one, then DIR/policy.toml of --lexicons
/// DIR, then --policy, each read over the one before (a user's file names
/// only what it changes, and may declare categories of its own). Failure:
/// the first error with its file and line.
Result<Policy> load_policy(const ResourcePaths& paths);

/// Everything loaded once and shared read-only by all threads.
struct Resources {
  std::shared_ptr<const Lexicon> lexicon;
  std::shared_ptr<const SentimentScorer> sentiment;
  std::shared_ptr<const Model> model;  // null when the model is off
  std::shared_ptr<const Policy> policy;
  std::shared_ptr<const RecapMarker> recap;
  std::shared_ptr<const Attributor> attributor;
  std::shared_ptr<const StatedPointsReader> stated;
  /// The policy's required lines, compiled (empty when it names none).
  std::shared_ptr<const RequiredLineChecker> required_lines;
  /// Which model scores become findings (empty when the model is off).
  ModelFindingPolicy model_findings;
  std::string lexicon_version;
  std::string model_version;  // "none" when the model is off
  std::string policy_version;
  /// The customer-sentiment model (models/sentiment.model; labels negative,
  /// neutral, positive): null when it is off or, by default, absent.
  std::shared_ptr<const Model> sentiment_model;
  std::string sentiment_model_version;  // "none" when there is none

  /// Loads every resource; the first configuration error is returned with its
  /// file and line (exit status 2 in the CLI). Cost: compiles every rule and
  /// reads the model and the sentiment lexicon, tens of milliseconds.
  static Result<Resources> load(const ResourcePaths& paths);

  Resources() = default;
  // model_findings points into *model: copies would share it, so keep one.
  Resources(Resources&&) = default;
  Resources& operator=(Resources&&) = default;
  Resources(const Resources&) = delete;
  Resources& operator=(const Resources&) = delete;
};

}  // namespace conduct
