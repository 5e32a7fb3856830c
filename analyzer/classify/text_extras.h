// Extra feature tokens of a text computed from the resources themselves: the
// lexicon rules that match it and its VADER compound score, turned into
// tokens by sentence_extras. Training and `conduct classify` use it; the
// analyze pipeline, which already has the rule hits and scores of each
// sentence, calls sentence_extras with them, which gives the same tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "classify/extras.h"
#include "lexicon/lexicon.h"

namespace conduct {

class SentimentScorer;

/// Extras for one sentence-like text. `lexicon` / `sentiment` may be null
/// when the config does not ask for lexicon / sentiment extras (asked for but
/// null: that kind is left out). Cost: one lexicon match and one VADER score.
std::vector<std::string> text_extras(const FeatureConfig& config, const Lexicon* lexicon,
                                     const SentimentScorer* sentiment,
                                     std::string_view normalized_text,
                                     std::string_view original_text, const MatchContext& context);

/// The match context of a labelled record: "register" ("speech"/"report",
/// default report) and "speaker" ("agent", "customer", "author"; default the
/// author of notes, a customer).
MatchContext context_for_record(std::string_view register_name, std::string_view speaker);

}  // namespace conduct
