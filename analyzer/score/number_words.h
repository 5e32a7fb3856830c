// Small cardinal numbers written in digits or English words, as people write
// point tallies ("17", "seventeen", "twenty-one").
#pragma once

#include <optional>
#include <string_view>

namespace conduct {

/// RE2 fragment (no capturing groups) matching a number in digits (up to 4)
/// or in words from zero to ninety-nine. Use it case-insensitively.
inline constexpr std::string_view kNumberPattern =
    R"((?:\d{1,4}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)\b)?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|zero|one|two|three|four|five|six|seven|eight|nine))";

/// The value of text matched by kNumberPattern (any letter case); nullopt for
/// anything else. Cost: no allocation.
std::optional<int> parse_number(std::string_view text);

}  // namespace conduct
