// Checks for numeric options. CLI11's Range lets "nan" through (every
// comparison with nan is false) and its unsigned conversion wraps "-1" to the
// largest value; these reject both, naming the option's value.
#pragma once

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace conduct::cli {

/// A finite number (not nan, not infinite) in [min, max].
inline CLI::Validator finite_range(double min, double max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value)) {
          return "'" + text + "' is not a finite number";
        }
        if (value < min || value > max) {
          return "'" + text + "' is outside " + CLI::detail::to_string(min) + " to " +
                 CLI::detail::to_string(max);
        }
        return {};
      },
      "NUMBER in [" + CLI::detail::to_string(min) + ", " + CLI::detail::to_string(max) + "]");
}

/// A whole number of digits in [min, max]; with `byte_suffixes`, a K, M or G
/// suffix multiplies by 2^10, 2^20 or 2^30. The value is rewritten as plain
/// digits for the conversion that follows: give it with ->transform, not
/// ->check (which keeps the value as typed).
inline CLI::Validator whole_number(std::uint64_t min, std::uint64_t max,
                                   bool byte_suffixes = false) {
  return CLI::Validator(
      [min, max, byte_suffixes](std::string& text) -> std::string {
        std::string digits = text;
        std::uint64_t scale = 1;
        if (byte_suffixes && !digits.empty()) {
          const char unit =
              static_cast<char>(std::toupper(static_cast<unsigned char>(digits.back())));
          const int shift = unit == 'K' ? 10 : unit == 'M' ? 20 : unit == 'G' ? 30 : 0;
          if (shift > 0) {
            digits.pop_back();
            scale = std::uint64_t{1} << shift;
          }
        }
        if (digits.empty() || digits.size() > 19 ||
            digits.find_first_not_of("0123456789") != std::string::npos) {
          return "'" + text + "' is not a whole number" +
                 (byte_suffixes ? " of bytes (digits, optionally K, M or G)" : "");
        }
        const std::uint64_t number = std::stoull(digits);
        if (number > max / scale || number * scale < min || number * scale > max) {
          return "'" + text + "' is outside " + std::to_string(min) + " to " + std::to_string(max);
        }
        text = std::to_string(number * scale);
        return {};
      },
      "INT in [" + std::to_string(min) + ", " + std::to_string(max) + "]");
}

}  // namespace conduct::cli
