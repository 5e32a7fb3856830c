#include "score/number_words.h"

#include <array>
#include <cctype>

namespace conduct {
namespace {

constexpr std::array<std::string_view, 20> kUnits = {
    "zero",     "one",     "two",     "three",     "four",     "five",    "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr std::array<std::string_view, 8> kTens = {"twenty", "thirty",  "forty",  "fifty",
                                                   "sixty",  "seventy", "eighty", "ninety"};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

std::optional<int> word_value(std::string_view word) {
  for (std::size_t i = 0; i < kUnits.size(); ++i) {
    if (equals_ignoring_case(word, kUnits[i])) return static_cast<int>(i);
  }
  for (std::size_t i = 0; i < kTens.size(); ++i) {
    if (equals_ignoring_case(word, kTens[i])) return static_cast<int>(20 + 10 * i);
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (std::isdigit(static_cast<unsigned char>(text.front()))) {
    if (text.size() > 4) return std::nullopt;
    int value = 0;
    for (char c : text) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      value = value * 10 + (c - '0');
    }
    return value;
  }
  const std::size_t joint = text.find_first_of("- ");
  if (joint == std::string_view::npos) return word_value(text);
  const auto tens = word_value(text.substr(0, joint));
  const auto unit = word_value(text.substr(joint + 1));
  if (!tens || !unit || *tens < 20 || *unit < 1 || *unit > 9) return std::nullopt;
  return *tens + *unit;
}

}  // namespace conduct
