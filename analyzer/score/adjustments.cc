#include "score/adjustments.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace conduct {

bool is_counted(const Finding& finding, const Policy& policy) {
  return !finding.recap && finding.confidence >= policy.confidence_floor;
}

std::vector<Adjustment> suggest_adjustments(const std::vector<Finding>& findings,
                                            const Policy& policy) {
  std::array<std::vector<std::size_t>, kAllCategories.size()> counted;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (is_counted(findings[i], policy)) {
      counted[static_cast<int>(findings[i].category)].push_back(i);
    }
  }
  std::vector<Adjustment> adjustments;
  for (Category category : kAllCategories) {
    const auto& indices = counted[static_cast<int>(category)];
    const CategoryPolicy& rule = policy.of(category);
    if (indices.empty() || rule.points == 0) continue;
    Adjustment adjustment{category, rule.points, {}, rule.reason};
    if (!rule.count_repeats) {
      adjustment.findings = {indices.front()};
      if (indices.size() > 1) {
        const std::size_t repeats = indices.size() - 1;
        adjustment.reason += " (" + std::to_string(repeats) +
                             (repeats == 1 ? " repeat" : " repeats") + " not counted)";
      }
    } else {
      adjustment.findings = indices;
      const long long uncapped = static_cast<long long>(rule.points) * indices.size();
      adjustment.points = static_cast<int>(uncapped);
      if (indices.size() > 1) {
        adjustment.reason +=
            " (" + std::to_string(indices.size()) + " x " + std::to_string(rule.points) + ")";
      }
      if (rule.cap > 0 && std::llabs(uncapped) > rule.cap) {
        adjustment.points = uncapped < 0 ? -rule.cap : rule.cap;
        adjustment.reason += ", capped at " + std::to_string(adjustment.points);
      }
    }
    adjustments.push_back(std::move(adjustment));
  }
  std::stable_sort(adjustments.begin(), adjustments.end(),
                   [](const Adjustment& a, const Adjustment& b) {
                     return a.findings.front() < b.findings.front();
                   });
  return adjustments;
}

nlohmann::ordered_json adjustments_to_json(const std::vector<Adjustment>& adjustments) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& adjustment : adjustments) {
    nlohmann::ordered_json item;
    item["category"] = to_string(adjustment.category);
    item["points"] = adjustment.points;
    item["findings"] = adjustment.findings;
    item["reason"] = adjustment.reason;
    out.push_back(std::move(item));
  }
  return out;
}

int total_points(const std::vector<Adjustment>& adjustments) {
  int total = 0;
  for (const auto& adjustment : adjustments) total += adjustment.points;
  return total;
}

}  // namespace conduct
