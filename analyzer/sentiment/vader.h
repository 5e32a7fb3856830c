// VADER sentiment (Hutto and Gilbert, ICWSM 2014), scored as the reference
// vaderSentiment 3.3.x does, so that our numbers equal its numbers: lexicon
// valence, boosters and dampeners, negation ("never so", "without doubt",
// "least", "no"), the "but" contrast, ALL-CAPS emphasis, ! and ? emphasis,
// idioms, emoji through their descriptions, and the normalized compound with
// the neg/neu/pos proportions. Scoring reads the original sentence text,
// because case and punctuation carry sentiment.
//
// A SentimentLexicon is loaded once (the pinned VADER lexicon, optionally with
// our customer-service overlay on top) and is immutable afterwards; a
// SentimentScorer owns one and scores from any number of threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"

namespace conduct {

/// Where the default resources live, relative to the data directory
/// (conduct::data_dir()).
inline constexpr std::string_view kVaderLexiconFile = "lexicons/vader_lexicon.txt";
inline constexpr std::string_view kSentimentOverlayFile = "lexicons/sentiment_overlay.txt";

/// VADER's polarity_scores: proportions of negative, neutral and positive
/// text (they sum to about 1) and the compound score in [-1, 1]. Rounded as
/// the reference rounds: neg, neu and pos to 3 decimals, compound to 4.
struct SentimentScores {
  double neg = 0, neu = 0, pos = 0, compound = 0;
};

/// Rounds to `decimals` places as Python's round(x, n) does: to the nearest
/// decimal of the exact binary value, ties to even. O(1), no allocation.
double round_like_python(double value, int decimals);

/// What the scorer knows about one lower-case word. Booster and negation
/// flags come from VADER's fixed lists, folded in here so that each token
/// costs one hash lookup.
struct SentimentWord {
  double valence = 0;              // lexicon valence, when in_lexicon
  double booster = 0;              // booster (+0.293) or dampener (-0.293) scalar
  bool in_lexicon = false;         // a key of the (overlaid) lexicon
  bool is_booster = false;         // a key of VADER's booster dictionary
  bool is_negation = false;        // in VADER's negation list
  std::uint32_t phrase_begin = 0;  // overlay phrases that start with this word
  std::uint32_t phrase_count = 0;
};

/// A multi-word overlay entry ("on hold", "dropped call"): where its words
/// follow each other, the last word takes `valence` as if it were a lexicon
/// word and the others count as plain words.
struct SentimentPhrase {
  std::vector<std::string> words;
  double valence = 0;
};

/// The word valences VADER scores with. Immutable once loaded and overlaid.
class SentimentLexicon {
 public:
  /// Reads a lexicon in VADER's format: one entry a line, tab-separated
  /// `word<TAB>mean valence[<TAB>...]`, later duplicates winning, empty lines
  /// skipped. O(file size). Errors: "lexicon_not_found" (the path cannot be
  /// read) and "bad_lexicon_line" (fewer than two fields or a valence that is
  /// not a number), each with file and line.
  static Result<SentimentLexicon> load(const std::filesystem::path& vader_lexicon);

  /// Applies the domain overlay (format in lexicons/sentiment_overlay.txt):
  /// one entry a line, `word or phrase<TAB>valence[<TAB># why]`, `#` comment
  /// lines and blank lines skipped. A single word sets or replaces that
  /// word's valence; a phrase of several words is matched on consecutive
  /// tokens. Errors (the lexicon is then unchanged): "overlay_not_found",
  /// "bad_overlay_line" (field count, valence not a number or outside [-4, 4],
  /// upper case or punctuation that VADER's tokens can never hold, a
  /// duplicate entry), with file and line.
  [[nodiscard]] std::optional<Error> apply_overlay(const std::filesystem::path& overlay);

  /// The entry for a lower-case word, or nullptr. O(1) average, no allocation.
  const SentimentWord* find(std::string_view lower_word) const;

  /// Overlay phrases, indexed by SentimentWord::phrase_begin/phrase_count.
  std::span<const SentimentPhrase> phrases() const { return phrases_; }

  /// Number of lexicon entries (words with a valence).
  std::size_t size() const { return lexicon_size_; }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };
  using WordMap = std::unordered_map<std::string, SentimentWord, StringHash, std::equal_to<>>;

  SentimentLexicon() = default;
  void add_fixed_lists();
  void index_phrases();

  WordMap words_;
  std::vector<SentimentPhrase> phrases_;
  std::size_t lexicon_size_ = 0;
};

/// The VADER lexicon with, when `overlay` is not empty, the overlay applied:
/// what `conduct sentiment` and Resources::load need in one call. Errors as
/// SentimentLexicon::load and apply_overlay.
Result<SentimentLexicon> load_sentiment_lexicon(const std::filesystem::path& vader_lexicon,
                                                const std::filesystem::path& overlay);

/// One token of a sentence during scoring (internal, exposed for the scratch).
struct SentimentToken {
  std::string_view text;   // the token as VADER sees it (punctuation stripped)
  std::string_view lower;  // ASCII-lower-cased copy, in SentimentScratch::lowered
  double valence = 0;
  double booster = 0;
  bool in_lexicon = false;
  bool is_booster = false;
  bool negated = false;  // in the negation list or containing "n't"
  bool upper = false;    // Python str.isupper()
};

/// Buffers reused across calls so that scoring allocates nothing once warm.
/// One per thread; never shared.
struct SentimentScratch {
  std::string text;     // the sentence with emoji replaced by descriptions
  std::string lowered;  // the lower-case tokens, back to back
  std::vector<SentimentToken> tokens;
  std::vector<double> sentiments;
};

/// VADER's SentimentIntensityAnalyzer over a lexicon. Immutable; const
/// member functions are safe to call from many threads at once.
class SentimentScorer {
 public:
  explicit SentimentScorer(SentimentLexicon lexicon);

  /// VADER polarity_scores of one sentence of original text (any case and
  /// punctuation, UTF-8). O(length); allocates a few buffers per call.
  SentimentScores score(std::string_view original_sentence) const;

  /// The same, reusing `scratch`: no allocation once the buffers have grown
  /// to the longest sentence seen.
  SentimentScores score(std::string_view original_sentence, SentimentScratch& scratch) const;

  const SentimentLexicon& lexicon() const { return lexicon_; }

 private:
  void tokenize(std::string_view text, SentimentScratch& scratch) const;
  double word_valence(std::span<const SentimentToken> tokens, std::size_t i,
                      bool cap_differential) const;

  SentimentLexicon lexicon_;
};

/// Mean, start (mean of the first third of the values) and end (mean of the
/// last third), for a speaker's turns in order. A third is ceil(count / 3)
/// values, so one value is its own start and end, and two values give the
/// first and the last. Empty input gives zeros and count 0. O(n).
struct SentimentTrend {
  double mean = 0, start = 0, end = 0;
  std::size_t count = 0;
};
SentimentTrend summarize(std::span<const double> compounds_in_order);

}  // namespace conduct
