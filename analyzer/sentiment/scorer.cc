// VADER's polarity_scores, rule by rule, in the reference's order: the order
// of floating-point operations is kept as well, so that results agree to the
// last printed decimal.
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "sentiment/emoji.h"
#include "sentiment/python_text.h"
#include "sentiment/vader.h"
#include "sentiment/vader_constants.h"

namespace conduct {
namespace {

using vader::kNegationScalar;

bool is_so_or_this(std::string_view word) {
  return word == "so" || word == "this";
}

// The reference looks idioms up as space-joined lower-case token strings;
// tokens never hold spaces, so comparing word by word is the same test.
template <std::size_t N>
bool words_equal(std::span<const SentimentToken> tokens, const std::size_t (&at)[N],
                 const std::array<std::string_view, 3>& words) {
  for (std::size_t k = 0; k < N; ++k) {
    if (tokens[at[k]].lower != words[k]) return false;
  }
  return N == 3 || words[N].empty();
}

template <std::size_t N>
std::optional<double> idiom_valence(std::span<const SentimentToken> tokens,
                                    const std::size_t (&at)[N]) {
  for (const vader::Idiom& idiom : vader::kIdioms) {
    if (words_equal(tokens, at, idiom.words)) return idiom.valence;
  }
  return std::nullopt;
}

bool is_two_word_dampener(const SentimentToken& first, const SentimentToken& second) {
  for (const auto& pair : vader::kTwoWordDampeners) {
    if (first.lower == pair[0] && second.lower == pair[1]) return true;
  }
  return false;
}

// _special_idioms_check, called for a lexicon word at i > 2.
double apply_idioms(double valence, std::span<const SentimentToken> tokens, std::size_t i) {
  const std::size_t one_zero[] = {i - 1, i};
  const std::size_t two_one_zero[] = {i - 2, i - 1, i};
  const std::size_t two_one[] = {i - 2, i - 1};
  const std::size_t three_two_one[] = {i - 3, i - 2, i - 1};
  const std::size_t three_two[] = {i - 3, i - 2};
  std::optional<double> found = idiom_valence(tokens, one_zero);
  if (!found) found = idiom_valence(tokens, two_one_zero);
  if (!found) found = idiom_valence(tokens, two_one);
  if (!found) found = idiom_valence(tokens, three_two_one);
  if (!found) found = idiom_valence(tokens, three_two);
  if (found) valence = *found;
  if (tokens.size() - 1 > i) {
    const std::size_t zero_one[] = {i, i + 1};
    if (const auto value = idiom_valence(tokens, zero_one)) valence = *value;
  }
  if (tokens.size() - 1 > i + 1) {
    const std::size_t zero_one_two[] = {i, i + 1, i + 2};
    if (const auto value = idiom_valence(tokens, zero_one_two)) valence = *value;
  }
  // Two-word dampeners before the word ("kind of good"); a three-word key
  // never exists, so only the pairs can match.
  if (is_two_word_dampener(tokens[i - 3], tokens[i - 2])) valence += vader::kBoosterDecrement;
  if (is_two_word_dampener(tokens[i - 2], tokens[i - 1])) valence += vader::kBoosterDecrement;
  return valence;
}

// _negation_check for the word `distance` (0, 1, 2) places before i, less one.
double apply_negation(double valence, std::span<const SentimentToken> tokens, std::size_t distance,
                      std::size_t i) {
  if (distance == 0) {
    if (tokens[i - 1].negated) valence *= kNegationScalar;
  } else if (distance == 1) {
    if (tokens[i - 2].lower == "never" && is_so_or_this(tokens[i - 1].lower)) {
      valence *= 1.25;
    } else if (tokens[i - 2].lower == "without" && tokens[i - 1].lower == "doubt") {
      // "without doubt" affirms: unchanged.
    } else if (tokens[i - 2].negated) {
      valence *= kNegationScalar;
    }
  } else {
    // The reference's condition reads (never and (so or this)) or (so or this
    // just before the word): kept as it is, it is what the scores show.
    if ((tokens[i - 3].lower == "never" && is_so_or_this(tokens[i - 2].lower)) ||
        is_so_or_this(tokens[i - 1].lower)) {
      valence *= 1.25;
    } else if (tokens[i - 3].lower == "without" &&
               (tokens[i - 2].lower == "doubt" || tokens[i - 1].lower == "doubt")) {
      // unchanged
    } else if (tokens[i - 3].negated) {
      valence *= kNegationScalar;
    }
  }
  return valence;
}

// scalar_inc_dec: what a preceding booster or dampener adds.
double booster_scalar(const SentimentToken& word, double valence, bool cap_differential) {
  if (!word.is_booster) return 0.0;
  double scalar = word.booster;
  if (valence < 0) scalar *= -1;
  if (word.upper && cap_differential) {
    if (valence > 0) {
      scalar += vader::kCapsIncrement;
    } else {
      scalar -= vader::kCapsIncrement;
    }
  }
  return scalar;
}

// _least_check: "least" before a word negates it, except "at least" and
// "very least".
double apply_least(double valence, std::span<const SentimentToken> tokens, std::size_t i) {
  if (i > 1 && !tokens[i - 1].in_lexicon && tokens[i - 1].lower == "least") {
    if (tokens[i - 2].lower != "at" && tokens[i - 2].lower != "very") valence *= kNegationScalar;
  } else if (i > 0 && !tokens[i - 1].in_lexicon && tokens[i - 1].lower == "least") {
    valence *= kNegationScalar;
  }
  return valence;
}

// _but_check, including its quirk: each value is found again by equality
// (list.index), so that when two words share a valence the first of them is
// scaled again and the later one keeps its own value. The scores show it, so
// it stays.
void apply_but(std::span<const SentimentToken> tokens, std::vector<double>& sentiments) {
  std::size_t but_index = tokens.size();
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (tokens[k].lower == "but") {
      but_index = k;
      break;
    }
  }
  if (but_index == tokens.size()) return;
  for (std::size_t k = 0; k < sentiments.size(); ++k) {
    const double value = sentiments[k];
    std::size_t first = 0;
    while (sentiments[first] != value) ++first;
    if (first < but_index) {
      sentiments[first] = value * 0.5;
    } else if (first > but_index) {
      sentiments[first] = value * 1.5;
    }
  }
}

double punctuation_amplifier(std::string_view text) {
  int exclamations = 0;
  int questions = 0;
  for (const char c : text) {
    exclamations += c == '!';
    questions += c == '?';
  }
  if (exclamations > vader::kMaxExclamations) exclamations = vader::kMaxExclamations;
  const double exclamation_amplifier = exclamations * vader::kExclamationIncrement;
  double question_amplifier = 0;
  if (questions > 1) {
    question_amplifier =
        questions <= 3 ? questions * vader::kQuestionIncrement : vader::kManyQuestionsAmplifier;
  }
  return exclamation_amplifier + question_amplifier;
}

double normalize_score(double score) {
  const double normalized = score / std::sqrt((score * score) + vader::kNormalizationAlpha);
  if (normalized < -1.0) return -1.0;
  if (normalized > 1.0) return 1.0;
  return normalized;
}

SentimentScores combine(std::span<const double> sentiments, std::string_view text) {
  if (sentiments.empty()) return {};
  double sum = 0;
  for (const double value : sentiments) sum += value;
  const double amplifier = punctuation_amplifier(text);
  if (sum > 0) {
    sum += amplifier;
  } else if (sum < 0) {
    sum -= amplifier;
  }
  const double compound = normalize_score(sum);

  // _sift_sentiment_scores: +1 and -1 make up for neutral words counting 1.
  double pos_sum = 0;
  double neg_sum = 0;
  int neutral = 0;
  for (const double value : sentiments) {
    if (value > 0) pos_sum += value + 1;
    if (value < 0) neg_sum += value - 1;
    if (value == 0) ++neutral;
  }
  if (pos_sum > std::fabs(neg_sum)) {
    pos_sum += amplifier;
  } else if (pos_sum < std::fabs(neg_sum)) {
    neg_sum -= amplifier;
  }
  const double total = pos_sum + std::fabs(neg_sum) + neutral;
  SentimentScores scores;
  scores.pos = round_like_python(std::fabs(pos_sum / total), 3);
  scores.neg = round_like_python(std::fabs(neg_sum / total), 3);
  scores.neu = round_like_python(std::fabs(neutral / total), 3);
  scores.compound = round_like_python(compound, 4);
  return scores;
}

// Overlay phrases: the last word of a matched phrase carries its valence, the
// words before it count as plain words.
void mark_phrases(const SentimentLexicon& lexicon, std::span<SentimentToken> tokens,
                  std::span<const SentimentWord* const> entries) {
  const std::span<const SentimentPhrase> phrases = lexicon.phrases();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const SentimentWord* entry = entries[i];
    if (entry == nullptr || entry->phrase_count == 0) continue;
    for (std::uint32_t p = entry->phrase_begin; p < entry->phrase_begin + entry->phrase_count;
         ++p) {
      const std::vector<std::string>& words = phrases[p].words;
      if (i + words.size() > tokens.size()) continue;
      bool match = true;
      for (std::size_t k = 1; k < words.size() && match; ++k) {
        match = tokens[i + k].lower == words[k];
      }
      if (!match) continue;
      for (std::size_t k = 0; k + 1 < words.size(); ++k) {
        tokens[i + k].in_lexicon = false;
        tokens[i + k].valence = 0;
      }
      SentimentToken& head = tokens[i + words.size() - 1];
      head.in_lexicon = true;
      head.valence = phrases[p].valence;
      i += words.size() - 1;
      break;
    }
  }
}

}  // namespace

double round_like_python(double value, int decimals) {
  // Python rounds the exact binary value, ties to even. Scaling by a power of
  // ten may itself round, which matters only next to a tie; there, fall back
  // to printf, which (glibc) rounds the exact value the same way.
  static constexpr double kScales[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  if (!std::isfinite(value) || decimals < 0 || decimals > 6) return value;
  const double scale = kScales[decimals];
  const double scaled = value * scale;
  const double fraction = scaled - std::floor(scaled);
  if (std::fabs(fraction - 0.5) > 1e-7) return std::nearbyint(scaled) / scale;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return std::strtod(buffer, nullptr);
}

SentimentScorer::SentimentScorer(SentimentLexicon lexicon) : lexicon_(std::move(lexicon)) {}

SentimentScores SentimentScorer::score(std::string_view original_sentence) const {
  SentimentScratch scratch;
  return score(original_sentence, scratch);
}

void SentimentScorer::tokenize(std::string_view text, SentimentScratch& scratch) const {
  scratch.tokens.clear();
  scratch.lowered.clear();
  // Lower-case copies never outgrow the text, so views into `lowered` stay
  // valid while it fills.
  scratch.lowered.reserve(text.size());
  const SentimentWord* entries_small[64];
  std::vector<const SentimentWord*> entries_large;
  bool has_phrase = false;
  sentiment_text::split_python_whitespace(text, [&](std::string_view raw) {
    SentimentToken token;
    token.text = sentiment_text::strip_punctuation_if_word(raw);
    const std::size_t start = scratch.lowered.size();
    sentiment_text::append_ascii_lower(token.text, scratch.lowered);
    token.lower = std::string_view(scratch.lowered).substr(start);
    token.upper = sentiment_text::python_isupper(token.text);
    const SentimentWord* entry = lexicon_.find(token.lower);
    if (entry != nullptr) {
      token.in_lexicon = entry->in_lexicon;
      token.valence = entry->valence;
      token.is_booster = entry->is_booster;
      token.booster = entry->booster;
      token.negated = entry->is_negation;
      has_phrase = has_phrase || entry->phrase_count > 0;
    }
    token.negated = token.negated || token.lower.find("n't") != std::string_view::npos;
    const std::size_t index = scratch.tokens.size();
    if (index < 64) {
      entries_small[index] = entry;
    } else {
      if (entries_large.empty()) entries_large.assign(entries_small, entries_small + 64);
      entries_large.push_back(entry);
    }
    scratch.tokens.push_back(token);
  });
  if (has_phrase) {
    const std::size_t count = scratch.tokens.size();
    const std::span<const SentimentWord* const> entries =
        count <= 64 ? std::span<const SentimentWord* const>(entries_small, count)
                    : std::span<const SentimentWord* const>(entries_large);
    mark_phrases(lexicon_, scratch.tokens, entries);
  }
}

double SentimentScorer::word_valence(std::span<const SentimentToken> tokens, std::size_t i,
                                     bool cap_differential) const {
  const SentimentToken& token = tokens[i];
  if (!token.in_lexicon) return 0.0;
  double valence = token.valence;
  // "no" before a lexicon word negates it rather than counting itself.
  if (token.lower == "no" && i != tokens.size() - 1 && tokens[i + 1].in_lexicon) valence = 0.0;
  if ((i > 0 && tokens[i - 1].lower == "no") || (i > 1 && tokens[i - 2].lower == "no") ||
      (i > 2 && tokens[i - 3].lower == "no" &&
       (tokens[i - 1].lower == "or" || tokens[i - 1].lower == "nor"))) {
    valence = token.valence * kNegationScalar;
  }
  if (token.upper && cap_differential) {
    if (valence > 0) {
      valence += vader::kCapsIncrement;
    } else {
      valence -= vader::kCapsIncrement;
    }
  }
  for (std::size_t distance = 0; distance < 3; ++distance) {
    if (i <= distance) break;
    const SentimentToken& before = tokens[i - (distance + 1)];
    if (before.in_lexicon) continue;
    double scalar = booster_scalar(before, valence, cap_differential);
    if (distance == 1 && scalar != 0) scalar = scalar * 0.95;
    if (distance == 2 && scalar != 0) scalar = scalar * 0.9;
    valence = valence + scalar;
    valence = apply_negation(valence, tokens, distance, i);
    if (distance == 2) valence = apply_idioms(valence, tokens, i);
  }
  return apply_least(valence, tokens, i);
}

SentimentScores SentimentScorer::score(std::string_view original_sentence,
                                       SentimentScratch& scratch) const {
  std::string_view text = original_sentence;
  if (sentiment_text::contains_described_emoji(text)) {
    sentiment_text::replace_emoji(text, scratch.text);
    text = scratch.text;
  }
  text = sentiment_text::strip_whitespace(text);
  tokenize(text, scratch);
  const std::span<const SentimentToken> tokens = scratch.tokens;

  // allcap_differential: some, but not all, tokens are ALL CAPS.
  std::size_t all_caps = 0;
  for (const SentimentToken& token : tokens) all_caps += token.upper;
  const std::size_t differential = tokens.size() - all_caps;
  const bool cap_differential = differential > 0 && differential < tokens.size();

  std::vector<double>& sentiments = scratch.sentiments;
  sentiments.clear();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    // Boosters and "kind of" modify the next word and score nothing alone.
    if (tokens[i].is_booster ||
        (i + 1 < tokens.size() && tokens[i].lower == "kind" && tokens[i + 1].lower == "of")) {
      sentiments.push_back(0.0);
      continue;
    }
    sentiments.push_back(word_valence(tokens, i, cap_differential));
  }
  apply_but(tokens, sentiments);
  return combine(sentiments, text);
}

}  // namespace conduct
