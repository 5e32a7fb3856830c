// Findings: what a rule or the model saw, where, and how sure it is.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/span.h"

namespace conduct {

/// Conduct categories: the ten of SPEC section 4, in the order the SPEC
/// lists them, then the categories a policy declares (values from
/// kBuiltinCategories on, named by the policy's CategoryTable).
enum class Category : std::uint16_t {
  scripted,
  unprofessional,
  dismissive,
  unresponsive,
  broken_promise,
  runaround,
  empathy,
  ownership,
  resolved,
  churn_risk,
};

inline constexpr std::array<Category, 10> kAllCategories = {
    Category::scripted,     Category::unprofessional, Category::dismissive,
    Category::unresponsive, Category::broken_promise, Category::runaround,
    Category::empathy,      Category::ownership,      Category::resolved,
    Category::churn_risk};

/// How many categories SPEC section 4 defines; values from here on are a
/// policy's own.
inline constexpr std::size_t kBuiltinCategories = kAllCategories.size();

/// The name of a built-in category; "custom" for a policy's own, whose name
/// only its CategoryTable knows.
std::string_view to_string(Category category);
/// Empathy, ownership and resolved: the categories SPEC section 4 scores up.
constexpr bool is_good_conduct(Category category) {
  return category == Category::empathy || category == Category::ownership ||
         category == Category::resolved;
}
/// Parses a built-in category name ("broken_promise"); nullopt when unknown.
std::optional<Category> parse_category(std::string_view name);

/// One category as a configuration knows it.
struct CategoryInfo {
  std::string name;
  /// -1 bad conduct, +1 good conduct, 0 reported only (churn_risk): which
  /// findings turn a follow-up rule the other way, and the sign of points.
  int sign = -1;
  std::string description;
};

/// The categories of one configuration: the ten built-ins, then those its
/// policy declares. Immutable once the policy is loaded; shared read-only.
class CategoryTable {
 public:
  /// The built-in categories only.
  CategoryTable();

  /// Declares a category of the user's; its value follows the last one.
  /// nullopt when the name is taken.
  std::optional<Category> add(CategoryInfo info);

  std::optional<Category> parse(std::string_view name) const;
  /// The category's name; "unknown" for a value the table does not hold.
  std::string_view name(Category category) const;
  int sign(Category category) const;
  bool is_good(Category category) const { return sign(category) > 0; }
  bool contains(Category category) const {
    return static_cast<std::size_t>(category) < infos_.size();
  }
  std::size_t size() const { return infos_.size(); }
  const std::vector<CategoryInfo>& all() const { return infos_; }
  /// Every category, built-ins first.
  std::vector<Category> categories() const;

 private:
  std::vector<CategoryInfo> infos_;
};

/// Original text with its place. For text formats start/end are byte offsets
/// in the file; for JSON formats they are byte offsets in the turn's decoded
/// text, and `source` names the turn with a JSON Pointer.
struct Evidence {
  std::string text;
  std::size_t start = 0;
  std::size_t end = 0;
  std::size_t line = 0;  // 1-based; 0 when unknown
  std::optional<std::int64_t> begin_ms;
  std::optional<std::int64_t> end_ms;
  std::string source;    // JSON Pointer of the turn (JSON formats only)
  std::size_t turn = 0;  // index of the turn in the document
};

/// Where a finding's evidence lies before it is quoted: a range of one
/// sentence's normalized text, which may run on into the sentences after it
/// in the same turn (a promise and its failure read together).
struct EvidenceSpan {
  std::size_t sentence = 0;
  ByteSpan normalized;
};

/// Who acts in what a finding tells (see lexicon/attribution.h).
enum class Actor : std::uint8_t {
  agent,     // an agent's own words and acts, in an agent turn
  company,   // the company's side, as the customer tells it (notes, customer turns)
  customer,  // the customer's own conduct or intent (churn_risk)
};
std::string_view to_string(Actor actor);

/// One observation of conduct.
struct Finding {
  Category category = Category::scripted;
  /// Whose conduct it is: the agent (agent turns), the company (told by the
  /// customer), or the customer (churn_risk).
  Actor actor = Actor::company;
  /// Where it came from: "rule:<id>" and/or "model:<category>". The first is
  /// the primary source; several when rule and model agree on a sentence.
  std::vector<std::string> sources;
  double confidence = 0.0;
  std::string speaker;
  Evidence evidence;
  /// The sentence retells an earlier round; reported but not counted.
  bool recap = false;
  /// Index of the sentence in the document (reading order over all turns):
  /// findings of one incident lie a few sentences apart.
  std::size_t sentence = 0;
  /// The evidence before it is quoted; the analyzer turns it into `evidence`.
  EvidenceSpan at;
};

}  // namespace conduct
