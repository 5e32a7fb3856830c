// The scoring policy of SPEC section 4: points per category, a cap per
// category per document, whether repeats count, and a confidence floor.
// Loaded once from a TOML file (lexicons/policy.toml or --policy) and shared
// read-only by every thread.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/finding.h"

namespace conduct {

/// How one category is scored.
struct CategoryPolicy {
  /// Points of one counted finding (negative for bad conduct, 0 = reported only).
  int points = 0;
  /// Largest magnitude the category's adjustment may reach in one document
  /// when repeats count; 0 means no cap.
  int cap = 0;
  /// Whether a second finding of the category in one document counts again.
  bool count_repeats = false;
  /// A short reason a person can read ("voice mail or callback not returned").
  std::string reason;
  /// Categories that the same incident is counted under instead: a finding of
  /// this category within Policy::incident_window sentences of a counted
  /// finding of one of these is folded into that one's adjustment (a promised
  /// callback that never came is one failure, not two).
  std::vector<Category> same_incident_as;
};

/// A line a QA policy requires the company's side to say: a greeting, a
/// disclosure ("this call may be recorded"), a closing. Said where required,
/// it is compliance, not `scripted`; missing, it is a finding of `category`.
struct RequiredLine {
  /// The table's name: [required.<name>].
  std::string name;
  /// Plain phrases; saying any one of them says the line.
  std::vector<std::string> phrases;
  /// The finding when the line is missing.
  Category category = Category::scripted;
  double confidence = 0.8;
  /// Where it must be said: within the company side's first (or last) N
  /// turns; 0 for anywhere.
  int first_turns = 0;
  int last_turns = 0;
  /// The reason an adjustment gives ("no recording disclosure").
  std::string reason;
};

/// The whole policy; immutable after load.
struct Policy {
  /// The categories this policy knows: the built-ins, then those it declares
  /// (`[categories.<new name>]` with `sign`).
  CategoryTable names;
  /// Indexed by static_cast<int>(Category), one per category of `names`.
  std::vector<CategoryPolicy> categories = std::vector<CategoryPolicy>(kBuiltinCategories);
  /// Findings below this confidence are reported but not counted.
  double confidence_floor = 0.5;
  /// How many sentences apart two findings may lie and still be one incident
  /// (see CategoryPolicy::same_incident_as).
  int incident_window = 3;
  /// Lines the company's side must say, in the order of their names;
  /// none in the shipped policy (its findings follow the annotation guide,
  /// where formula lines are `scripted`).
  std::vector<RequiredLine> required;
  /// First 12 hex digits of the sha256 of the file's bytes.
  std::string version;

  const CategoryPolicy& of(Category category) const {
    return categories[static_cast<int>(category)];
  }

  /// Reads and validates a policy file:
  ///   [policy]                      confidence_floor = 0.5, incident_window = 3
  ///   [categories.<category>]       points = -2, cap = 6, count_repeats = false, reason = "...",
  ///                                 same_incident_as = ["unresponsive"]
  ///   [categories.<new name>]       a category of the user's: sign = 1 (or -1, 0), points,
  ///                                 description = "...", and the keys above
  ///   [required.<name>]             phrases = ["..."], category = "...", confidence = 0.8,
  ///                                 first_turns = N or last_turns = N, reason = "..."
  ///                                 (over a base, a [required.<name>] replaces the base's)
  /// Every category of SPEC section 4 must be present, unless the file is
  /// read over a `base` policy: then it changes only what it names (a
  /// category's keys, [policy] keys) and the rest is the base's. A category
  /// named in same_incident_as may not itself fold into another; a cap where
  /// repeats do not count can never apply and is an error. Cost: one file
  /// read and parse. Failure: an Error with code "invalid_policy" (or "unreadable_file"),
  /// the file and the 1-based line of the offending key, e.g.
  /// "policy.toml:12: points of 'scripted' must be an integer".
  static Result<Policy> load(const std::filesystem::path& file, const Policy* base = nullptr);

  /// Same as load() for bytes already in memory; `file` only names them in errors.
  static Result<Policy> parse(std::string_view bytes, const std::string& file,
                              const Policy* base = nullptr);
};

}  // namespace conduct
