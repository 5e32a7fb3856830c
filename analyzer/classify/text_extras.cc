#include "classify/text_extras.h"

#include <optional>

#include "sentiment/vader.h"

namespace conduct {

std::vector<std::string> text_extras(const FeatureConfig& config, const Lexicon* lexicon,
                                     const SentimentScorer* sentiment,
                                     std::string_view normalized_text,
                                     std::string_view original_text, const MatchContext& context) {
  std::vector<Category> categories;
  if (config.lexicon && lexicon) {
    std::vector<RuleHit> hits;
    lexicon->match(normalized_text, context, hits);
    // A follow-up rule's first part is no finding, and the analyze pipeline
    // shows the model none of them: training must see what serving sees.
    for (const RuleHit& hit : hits) {
      if (hit.rule->then.empty()) categories.push_back(hit.rule->category);
    }
  }
  std::optional<double> compound;
  if (config.sentiment && sentiment) compound = sentiment->score(original_text).compound;
  return sentence_extras(config, categories, compound);
}

MatchContext context_for_record(std::string_view register_name, std::string_view speaker) {
  MatchContext context;
  context.reg = register_name == "speech" ? Register::speech : Register::report;
  if (speaker == "agent") {
    context.role = Role::agent;
  } else if (speaker == "customer" || speaker == "author") {
    context.role = Role::customer;
  } else {
    context.role = context.reg == Register::speech ? Role::unknown : Role::customer;
  }
  return context;
}

}  // namespace conduct
