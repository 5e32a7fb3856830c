// What the sentiment tests share: the pinned VADER lexicon, loaded once, and
// the compound VADER derives from a sum of valences.
#pragma once

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "sentiment/vader.h"
#include "test_support.h"

namespace conduct::testing {

/// The plain VADER scorer over lexicons/vader_lexicon.txt (fetched by
/// tools/setup); aborts the test binary when it is missing.
inline const SentimentScorer& plain_scorer() {
  static const SentimentScorer scorer = [] {
    Result<SentimentLexicon> lexicon = SentimentLexicon::load(source_dir() / kVaderLexiconFile);
    if (!lexicon) {
      ADD_FAILURE() << lexicon.error().where_message();
      std::abort();
    }
    return SentimentScorer(std::move(lexicon).value());
  }();
  return scorer;
}

/// VADER's normalize(sum) with alpha 15, rounded to 4 decimals: the compound
/// expected for a sentence whose valences (and punctuation) add up to `sum`.
inline double compound_of(double sum) {
  return round_like_python(sum / std::sqrt((sum * sum) + 15), 4);
}

/// Writes `content` to a fresh file under the test temp dir; returns its path.
inline std::filesystem::path write_temp_file(const std::string& name, const std::string& content) {
  const std::filesystem::path path = unique_temp_path(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace conduct::testing
