#include <algorithm>

#include "core/document.h"
#include "core/finding.h"
#include "core/trace.h"

namespace conduct {
namespace {
constexpr std::array<std::string_view, 12> kFormatNames = {"notes", "text",    "vtt",     "srt",
                                                           "aws",   "connect", "whisper", "jsonl",
                                                           "json",  "ccai",    "csv",     "tsv"};
constexpr std::array<std::string_view, 10> kCategoryNames = {
    "scripted",  "unprofessional", "dismissive", "unresponsive", "broken_promise",
    "runaround", "empathy",        "ownership",  "resolved",     "churn_risk"};
}  // namespace

std::string_view to_string(Format format) {
  return kFormatNames[static_cast<int>(format)];
}

std::optional<Format> parse_format(std::string_view name) {
  auto it = std::find(kFormatNames.begin(), kFormatNames.end(), name);
  if (it == kFormatNames.end()) return std::nullopt;
  return static_cast<Format>(it - kFormatNames.begin());
}

std::vector<std::string_view> format_names() {
  return {kFormatNames.begin(), kFormatNames.end()};
}

bool offsets_in_file(Format format) {
  return format == Format::notes || format == Format::text || format == Format::vtt ||
         format == Format::srt;
}

std::string_view to_string(Role role) {
  switch (role) {
    case Role::agent:
      return "agent";
    case Role::customer:
      return "customer";
    case Role::system:
      return "system";
    case Role::unknown:
      break;
  }
  return "unknown";
}

std::string_view to_string(Actor actor) {
  switch (actor) {
    case Actor::agent:
      return "agent";
    case Actor::customer:
      return "customer";
    case Actor::company:
      break;
  }
  return "company";
}

std::string_view to_string(Category category) {
  const auto index = static_cast<std::size_t>(category);
  return index < kCategoryNames.size() ? kCategoryNames[index] : "custom";
}

CategoryTable::CategoryTable() {
  for (Category category : kAllCategories) {
    const int sign = category == Category::churn_risk ? 0 : is_good_conduct(category) ? 1 : -1;
    infos_.push_back({std::string(to_string(category)), sign, ""});
  }
}

std::optional<Category> CategoryTable::add(CategoryInfo info) {
  if (parse(info.name)) return std::nullopt;
  infos_.push_back(std::move(info));
  return static_cast<Category>(infos_.size() - 1);
}

std::optional<Category> CategoryTable::parse(std::string_view name) const {
  for (std::size_t i = 0; i < infos_.size(); ++i) {
    if (infos_[i].name == name) return static_cast<Category>(i);
  }
  return std::nullopt;
}

std::string_view CategoryTable::name(Category category) const {
  return contains(category) ? std::string_view(infos_[static_cast<std::size_t>(category)].name)
                            : std::string_view("unknown");
}

int CategoryTable::sign(Category category) const {
  return contains(category) ? infos_[static_cast<std::size_t>(category)].sign : 0;
}

std::vector<Category> CategoryTable::categories() const {
  std::vector<Category> out;
  for (std::size_t i = 0; i < infos_.size(); ++i) out.push_back(static_cast<Category>(i));
  return out;
}

std::optional<Category> parse_category(std::string_view name) {
  auto it = std::find(kCategoryNames.begin(), kCategoryNames.end(), name);
  if (it == kCategoryNames.end()) return std::nullopt;
  return static_cast<Category>(it - kCategoryNames.begin());
}

std::string_view to_string(Register reg) {
  return reg == Register::speech ? "speech" : "report";
}

std::string_view to_string(RuleOutcome outcome) {
  switch (outcome) {
    case RuleOutcome::counted:
      return "counted";
    case RuleOutcome::suppressed:
      return "suppressed";
    case RuleOutcome::unconfirmed:
      return "unconfirmed";
    case RuleOutcome::confirmed:
      return "confirmed";
    case RuleOutcome::opposite:
      return "dropped_opposite_kind";
    case RuleOutcome::already_told:
      return "dropped_already_told";
    case RuleOutcome::said:
      return "said";
    case RuleOutcome::outside:
      return "outside_window";
    case RuleOutcome::answered:
      break;
  }
  return "answered";
}

std::string_view to_string(ModelOutcome outcome) {
  switch (outcome) {
    case ModelOutcome::below_threshold:
      return "below_threshold";
    case ModelOutcome::merged:
      return "merged";
    case ModelOutcome::finding:
      return "finding";
    case ModelOutcome::below_floor:
      return "below_model_alone_floor";
    case ModelOutcome::too_short:
      return "too_short";
    case ModelOutcome::customers_own:
      return "customers_own";
    case ModelOutcome::already_found:
      break;
  }
  return "already_found";
}

}  // namespace conduct
