// The fixed word lists and empirical constants of VADER (Hutto and Gilbert
// 2014, vaderSentiment 3.3.x). They are part of the algorithm, not of a
// lexicon file: changing one changes every score.
#pragma once

#include <array>
#include <string_view>

namespace conduct::vader {

inline constexpr double kBoosterIncrement = 0.293;      // "very", "extremely"
inline constexpr double kBoosterDecrement = -0.293;     // "barely", "kind of"
inline constexpr double kCapsIncrement = 0.733;         // an ALL-CAPS word among others
inline constexpr double kNegationScalar = -0.74;        // "not good"
inline constexpr double kExclamationIncrement = 0.292;  // per "!", up to 4
inline constexpr int kMaxExclamations = 4;
inline constexpr double kQuestionIncrement = 0.18;       // per "?" for 2 or 3 of them
inline constexpr double kManyQuestionsAmplifier = 0.96;  // 4 or more "?"
inline constexpr double kNormalizationAlpha = 15;

/// Words that negate what follows (besides any word containing "n't").
inline constexpr auto kNegations = std::to_array<std::string_view>(
    {"aint",   "arent",    "cannot",  "cant",     "couldnt",  "darent",   "didnt",   "doesnt",
     "ain't",  "aren't",   "can't",   "couldn't", "daren't",  "didn't",   "doesn't", "dont",
     "hadnt",  "hasnt",    "havent",  "isnt",     "mightnt",  "mustnt",   "neither", "don't",
     "hadn't", "hasn't",   "haven't", "isn't",    "mightn't", "mustn't",  "neednt",  "needn't",
     "never",  "none",     "nope",    "nor",      "not",      "nothing",  "nowhere", "oughtnt",
     "shant",  "shouldnt", "uhuh",    "wasnt",    "werent",   "oughtn't", "shan't",  "shouldn't",
     "uh-uh",  "wasn't",   "weren't", "without",  "wont",     "wouldnt",  "won't",   "wouldn't",
     "rarely", "seldom",   "despite"});

struct Booster {
  std::string_view word;
  double scalar;
};

/// Single-word degree adverbs: boosters raise the intensity of the word they
/// precede, dampeners lower it.
inline constexpr auto kBoosters = std::to_array<Booster>({
    {"absolutely", kBoosterIncrement},    {"amazingly", kBoosterIncrement},
    {"awfully", kBoosterIncrement},       {"completely", kBoosterIncrement},
    {"considerable", kBoosterIncrement},  {"considerably", kBoosterIncrement},
    {"decidedly", kBoosterIncrement},     {"deeply", kBoosterIncrement},
    {"effing", kBoosterIncrement},        {"enormous", kBoosterIncrement},
    {"enormously", kBoosterIncrement},    {"entirely", kBoosterIncrement},
    {"especially", kBoosterIncrement},    {"exceptional", kBoosterIncrement},
    {"exceptionally", kBoosterIncrement}, {"extreme", kBoosterIncrement},
    {"extremely", kBoosterIncrement},     {"fabulously", kBoosterIncrement},
    {"flipping", kBoosterIncrement},      {"flippin", kBoosterIncrement},
    {"frackin", kBoosterIncrement},       {"fracking", kBoosterIncrement},
    {"fricking", kBoosterIncrement},      {"frickin", kBoosterIncrement},
    {"frigging", kBoosterIncrement},      {"friggin", kBoosterIncrement},
    {"fully", kBoosterIncrement},         {"fuckin", kBoosterIncrement},
    {"fucking", kBoosterIncrement},       {"fuggin", kBoosterIncrement},
    {"fugging", kBoosterIncrement},       {"greatly", kBoosterIncrement},
    {"hella", kBoosterIncrement},         {"highly", kBoosterIncrement},
    {"hugely", kBoosterIncrement},        {"incredible", kBoosterIncrement},
    {"incredibly", kBoosterIncrement},    {"intensely", kBoosterIncrement},
    {"major", kBoosterIncrement},         {"majorly", kBoosterIncrement},
    {"more", kBoosterIncrement},          {"most", kBoosterIncrement},
    {"particularly", kBoosterIncrement},  {"purely", kBoosterIncrement},
    {"quite", kBoosterIncrement},         {"really", kBoosterIncrement},
    {"remarkably", kBoosterIncrement},    {"so", kBoosterIncrement},
    {"substantially", kBoosterIncrement}, {"thoroughly", kBoosterIncrement},
    {"total", kBoosterIncrement},         {"totally", kBoosterIncrement},
    {"tremendous", kBoosterIncrement},    {"tremendously", kBoosterIncrement},
    {"uber", kBoosterIncrement},          {"unbelievably", kBoosterIncrement},
    {"unusually", kBoosterIncrement},     {"utter", kBoosterIncrement},
    {"utterly", kBoosterIncrement},       {"very", kBoosterIncrement},
    {"almost", kBoosterDecrement},        {"barely", kBoosterDecrement},
    {"hardly", kBoosterDecrement},        {"kinda", kBoosterDecrement},
    {"kindof", kBoosterDecrement},        {"kind-of", kBoosterDecrement},
    {"less", kBoosterDecrement},          {"little", kBoosterDecrement},
    {"marginal", kBoosterDecrement},      {"marginally", kBoosterDecrement},
    {"occasional", kBoosterDecrement},    {"occasionally", kBoosterDecrement},
    {"partly", kBoosterDecrement},        {"scarce", kBoosterDecrement},
    {"scarcely", kBoosterDecrement},      {"slight", kBoosterDecrement},
    {"slightly", kBoosterDecrement},      {"somewhat", kBoosterDecrement},
    {"sorta", kBoosterDecrement},         {"sortof", kBoosterDecrement},
    {"sort-of", kBoosterDecrement},
});

/// Two-word dampeners, recognised only in the idiom step ("kind of good").
inline constexpr std::array<std::array<std::string_view, 2>, 3> kTwoWordDampeners{
    {{"just", "enough"}, {"kind", "of"}, {"sort", "of"}}};

struct Idiom {
  std::array<std::string_view, 3> words;  // unused trailing words are empty
  double valence;
};

/// Idioms whose words are in the lexicon but whose meaning is not their sum.
/// (VADER also lists "badass", which as one token never matches a sequence.)
inline constexpr auto kIdioms = std::to_array<Idiom>({
    {{"the", "shit", ""}, 3},
    {{"the", "bomb", ""}, 3},
    {{"bad", "ass", ""}, 1.5},
    {{"bus", "stop", ""}, 0.0},
    {{"yeah", "right", ""}, -2},
    {{"kiss", "of", "death"}, -1.5},
    {{"to", "die", "for"}, 3},
    {{"beating", "heart", ""}, 3.1},
    {{"broken", "heart", ""}, -2.9},
});

}  // namespace conduct::vader
