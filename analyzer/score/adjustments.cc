#include "score/adjustments.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace conduct {

bool is_counted(const Finding& finding, const Policy& policy) {
  return !finding.recap && finding.confidence >= policy.confidence_floor;
}

namespace {

// The sentences of each category's counted findings, sorted, so that finding
// a counted finding near a sentence is a binary search: folding incidents
// costs O(F log F) for F findings, not O(F^2).
using SentencesByCategory = std::vector<std::vector<std::size_t>>;

SentencesByCategory counted_sentences(const std::vector<Finding>& findings,
                                      const std::vector<bool>& counted, std::size_t categories) {
  SentencesByCategory sentences(categories);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto category = static_cast<std::size_t>(findings[i].category);
    if (counted[i] && category < categories) sentences[category].push_back(findings[i].sentence);
  }
  for (auto& list : sentences) std::sort(list.begin(), list.end());
  return sentences;
}

// The category a counted finding's incident is counted under: the first of
// its same_incident_as categories with a counted finding close enough, or its
// own category.
Category incident_category(const Finding& finding, const SentencesByCategory& counted,
                           const Policy& policy) {
  const auto window = static_cast<std::size_t>(policy.incident_window);
  for (Category target : policy.of(finding.category).same_incident_as) {
    if (policy.of(target).points == 0) continue;  // nothing to be counted under
    const auto index = static_cast<std::size_t>(target);
    if (index >= counted.size()) continue;
    const auto& sentences = counted[index];
    const std::size_t from = finding.sentence > window ? finding.sentence - window : 0;
    const auto near = std::lower_bound(sentences.begin(), sentences.end(), from);
    if (near != sentences.end() && *near <= finding.sentence + window) return target;
  }
  return finding.category;
}

}  // namespace

std::vector<Adjustment> suggest_adjustments(const std::vector<Finding>& findings,
                                            const Policy& policy) {
  std::vector<bool> is_counted_finding(findings.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    is_counted_finding[i] = is_counted(findings[i], policy);
  }
  const SentencesByCategory sentences =
      counted_sentences(findings, is_counted_finding, policy.categories.size());
  std::vector<std::vector<std::size_t>> counted(policy.categories.size());
  std::vector<std::vector<std::size_t>> folded_in(policy.categories.size());
  for (std::size_t i = 0; i < findings.size(); ++i) {
    // A finding of a category the policy does not know (a model label of no
    // category of its) is reported, never counted.
    if (!is_counted_finding[i] || !policy.names.contains(findings[i].category)) continue;
    const Category under = incident_category(findings[i], sentences, policy);
    if (under == findings[i].category) {
      counted[static_cast<int>(under)].push_back(i);
    } else {
      folded_in[static_cast<int>(under)].push_back(i);
    }
  }
  std::vector<Adjustment> adjustments;
  for (Category category : policy.names.categories()) {
    const auto& indices = counted[static_cast<std::size_t>(category)];
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
    // Findings of the same incident under another category are evidence here.
    const auto& folded = folded_in[static_cast<int>(category)];
    if (!folded.empty()) {
      adjustment.findings.insert(adjustment.findings.end(), folded.begin(), folded.end());
      std::sort(adjustment.findings.begin(), adjustment.findings.end());
      std::string names;
      for (std::size_t i : folded) {
        const std::string_view name = policy.names.name(findings[i].category);
        if (names.find(name) != std::string::npos) continue;
        if (!names.empty()) names += ", ";
        names += name;
      }
      adjustment.reason += "; counted once with the " + names + " finding" +
                           (folded.size() == 1 ? "" : "s") + " of the same incident";
    }
    adjustments.push_back(std::move(adjustment));
  }
  std::stable_sort(adjustments.begin(), adjustments.end(),
                   [](const Adjustment& a, const Adjustment& b) {
                     return a.findings.front() < b.findings.front();
                   });
  return adjustments;
}

int total_points(const std::vector<Adjustment>& adjustments) {
  int total = 0;
  for (const auto& adjustment : adjustments) total += adjustment.points;
  return total;
}

}  // namespace conduct
