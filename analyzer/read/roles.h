// Role inference pieces exposed for the readers and tests; infer_roles itself
// is declared in read/reader.h.
#pragma once

#include <optional>
#include <string_view>

#include "core/document.h"

namespace conduct::read_detail {

/// The role a speaker label names by its words ("Agent", "Customer Service
/// Rep", "CALLER"), or nullopt for labels that say nothing ("spk_0", "Mary").
/// Case-insensitive; agent words win when both kinds occur ("Customer Care
/// Agent"). Cost: linear in the label.
std::optional<Role> role_from_label(std::string_view label);

/// Content-cue scores of one text: how many agent cues ("thank you for
/// calling", "ma'am") and customer cues ("my account", "I bought") it holds.
/// Case-insensitive, typographic apostrophes read as "'".
struct CueScore {
  int agent = 0;
  int customer = 0;
};
CueScore score_cues(std::string_view text);

}  // namespace conduct::read_detail
