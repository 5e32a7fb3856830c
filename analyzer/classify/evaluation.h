// Scoring findings against labelled records for `conduct eval`: precision,
// recall and F1 per category (for the rules alone, the model alone, and both
// combined) and per rule, micro and macro averages, and the worst false
// positives and misses. Pure bookkeeping: the caller runs the analysis.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "classify/metrics.h"

namespace conduct {

/// One finding of a record, as the evaluation needs it.
struct FoundCategory {
  std::string category;
  std::vector<std::string> sources;  // "rule:<id>", "model:<category>"
  double confidence = 0.0;
  std::string evidence;
};

/// A quoted mistake.
struct EvalExample {
  std::string id;
  std::string category;
  double confidence = 0.0;  // of the finding (false positive) or the model's
                            // best probability for the category (miss)
  std::string text;         // evidence (false positive) or record text (miss)
  std::vector<std::string> sources;
};

class Evaluation {
 public:
  /// Views of the findings scored per category.
  static constexpr const char* kViews[] = {"all", "rules", "model"};

  /// Adds one record: its labels, what was found, and for each category the
  /// model's highest probability on the record (to rank misses; may be empty).
  void add(const std::string& id, const std::string& text, const std::vector<std::string>& labels,
           const std::vector<FoundCategory>& found,
           const std::map<std::string, double>& model_probability);

  /// Counts of one view ("all", "rules", "model") per category.
  const std::map<std::string, PrfCounts>& counts(const std::string& view) const;
  /// Counts per rule id: tp/fp where it fired, fn = labelled records of its
  /// category where it did not.
  std::map<std::string, PrfCounts> rule_counts() const;
  /// Worst false positives (most confident first) and misses (least
  /// probable first), at most `k` each, for the combined view.
  std::vector<EvalExample> worst_false_positives(std::size_t k) const;
  std::vector<EvalExample> worst_misses(std::size_t k) const;
  std::size_t records() const { return records_; }

  /// Everything as one JSON object; `to_text` as aligned tables.
  nlohmann::ordered_json to_json(std::size_t k = 5) const;
  std::string to_text(std::size_t k = 5) const;

 private:
  std::size_t records_ = 0;
  std::map<std::string, std::map<std::string, PrfCounts>> views_;
  std::map<std::string, std::string> rule_category_;
  std::map<std::string, PrfCounts> rule_hits_;  // tp, fp only
  std::map<std::string, std::size_t> support_;  // labelled records per category
  std::vector<EvalExample> false_positives_;
  std::vector<EvalExample> misses_;
};

}  // namespace conduct
