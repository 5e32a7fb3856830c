#include <algorithm>

#include "core/document.h"
#include "core/finding.h"
#include "core/trace.h"

namespace conduct {
namespace {
constexpr std::array<std::string_view, 8> kFormatNames = {"notes", "text",    "vtt",     "srt",
                                                          "aws",   "connect", "whisper", "jsonl"};
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
    case Role::unknown:
      break;
  }
  return "unknown";
}

std::string_view to_string(Category category) {
  return kCategoryNames[static_cast<int>(category)];
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
      break;
  }
  return "dropped_already_told";
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
    case ModelOutcome::already_found:
      break;
  }
  return "already_found";
}

}  // namespace conduct
