// Role inference pieces exposed for the readers and tests; infer_roles itself
// is declared in read/reader.h.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace conduct::read_detail {

/// The role a speaker label names by its words ("Agent", "Customer Service
/// Rep", "CALLER", "Billing Department", "IVR", "Me"), split at blanks,
/// punctuation and camel case so that brand handles read too
/// ("@AppleSupport", "comcastcares"); nullopt for labels that say nothing
/// ("spk_0", "Mary", "JS"). Case-insensitive; system words win over agent
/// words ("Virtual Assistant"), agent words over customer words ("Customer
/// Care"). Cost: linear in the label.
std::optional<Role> role_from_label(std::string_view label);

/// Content-cue scores of one text: how many agent cues ("thank you for
/// calling", "ma'am", "send us a DM"), customer cues ("my account", "I
/// bought") and automated-voice cues ("press 1 for", "your call may be
/// recorded") it holds. Case-insensitive, typographic apostrophes read as "'".
/// A reply signed off with initials or a first name ("... -FR", "^JK",
/// "- Becky"), as company accounts sign theirs, counts as two agent cues.
struct CueScore {
  int agent = 0;
  int customer = 0;
  int system = 0;
};
CueScore score_cues(std::string_view text);

/// True when `text` ends with a sign-off: "-", "^", "*" or "~" after a blank,
/// then 2-12 letters starting with a capital ("-FR", "^JK", "- Becky").
bool signs_off(std::string_view text);

/// The labels that some turn greets or names as the company ("thank you for
/// calling Northwind", "welcome to Northwind" for the label "Northwind"): a
/// speaker labelled with the company's name is the company's agent. Cost:
/// each turn is folded once, then searched for each label's phrases.
std::set<std::string> labels_named_as_company(const std::vector<std::string>& labels,
                                              const std::vector<Turn>& turns);

}  // namespace conduct::read_detail
