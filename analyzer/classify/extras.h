// The extra feature tokens of a sentence: what the rules and the sentiment
// scorer saw. One function used by training, `classify` and the analyze
// pipeline alike, so that the model sees at serving time exactly the features
// it was trained on.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "classify/features.h"
#include "core/finding.h"

namespace conduct {

/// Extra tokens for one sentence, given the categories of the lexicon rules
/// that matched it (duplicates allowed) and its VADER compound score (nullopt
/// when not scored). Only the kinds `config` enables are produced:
///  - lexicon:   "lex:<category>" once per distinct category, in SPEC order;
///  - sentiment: "sent:neg" (compound <= -0.5), "sent:mneg" (< -0.05),
///               "sent:neu", "sent:mpos" (> 0.05), "sent:pos" (>= 0.5).
/// Cost: a few small strings. Never fails.
std::vector<std::string> sentence_extras(const FeatureConfig& config,
                                         std::span<const Category> rule_categories,
                                         std::optional<double> compound);

}  // namespace conduct
