// From findings to suggested points under a policy: one adjustment per
// counted category, each naming the findings it comes from and why.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/finding.h"
#include "score/policy.h"

namespace conduct {

/// A suggested change of the score, with the findings that justify it.
struct Adjustment {
  Category category = Category::scripted;
  int points = 0;
  /// Indices into the document's findings that the points come from.
  std::vector<std::size_t> findings;
  /// What a person reads: the policy's reason, plus repeats and caps.
  std::string reason;
};

/// Counted adjustments for a document's findings. A finding counts when it is
/// not a recap and its confidence is at least the policy's floor. Per
/// category: without count_repeats the first counted finding gives the
/// category's points once; with count_repeats every counted finding adds the
/// points, bounded in magnitude by the cap (0 = no cap). Categories worth 0
/// points (churn_risk by default) give no adjustment: they are reported in the
/// findings only. A finding whose category lists same_incident_as, within
/// the policy's incident_window sentences of a counted finding of such a
/// category, is not counted on its own: it joins that adjustment's findings
/// and reason. Adjustments come in the order of their first finding.
/// Cost: linear in the findings (quadratic in those that fold).
std::vector<Adjustment> suggest_adjustments(const std::vector<Finding>& findings,
                                            const Policy& policy);

/// The document's points: the sum of the (capped) adjustments.
int total_points(const std::vector<Adjustment>& adjustments);

/// True when the finding counts under the policy (not a recap, at or above
/// the confidence floor).
bool is_counted(const Finding& finding, const Policy& policy);

}  // namespace conduct
