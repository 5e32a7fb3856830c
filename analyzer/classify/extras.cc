#include "classify/extras.h"

#include <algorithm>

namespace conduct {

std::vector<std::string> sentence_extras(const FeatureConfig& config,
                                         std::span<const Category> rule_categories,
                                         std::optional<double> compound) {
  std::vector<std::string> extras;
  if (config.lexicon) {
    for (Category category : kAllCategories) {
      if (std::find(rule_categories.begin(), rule_categories.end(), category) !=
          rule_categories.end()) {
        extras.push_back("lex:" + std::string(to_string(category)));
      }
    }
  }
  if (config.sentiment && compound) {
    const double c = *compound;
    const char* bin = c <= -0.5   ? "sent:neg"
                      : c < -0.05 ? "sent:mneg"
                      : c >= 0.5  ? "sent:pos"
                      : c > 0.05  ? "sent:mpos"
                                  : "sent:neu";
    extras.emplace_back(bin);
  }
  return extras;
}

}  // namespace conduct
