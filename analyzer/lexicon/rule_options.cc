#include "lexicon/rule_options.h"

#include <array>

#include "lexicon/lexicon.h"

namespace conduct {
namespace {
constexpr std::array<std::string_view, 5> kGuardNames = {"negation", "unquoted", "quoted",
                                                         "not_question", "not_conditional"};
}  // namespace

RE2::Options rule_regex_options() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  return options;
}

std::optional<std::uint8_t> parse_register_bit(std::string_view name) {
  if (name == "speech") return kSpeechBit;
  if (name == "report") return kReportBit;
  return std::nullopt;
}

std::optional<std::uint8_t> parse_speaker_bits(std::string_view name) {
  if (name == "agent") return static_cast<std::uint8_t>(Speaker::agent);
  if (name == "customer") return static_cast<std::uint8_t>(Speaker::customer);
  if (name == "author") return static_cast<std::uint8_t>(Speaker::author);
  if (name == "any") return kAnySpeaker;
  return std::nullopt;
}

std::string_view to_string(Guard guard) {
  return kGuardNames[static_cast<int>(guard)];
}

std::optional<Guard> parse_guard(std::string_view name) {
  for (std::size_t i = 0; i < kGuardNames.size(); ++i) {
    if (kGuardNames[i] == name) return static_cast<Guard>(i);
  }
  return std::nullopt;
}

}  // namespace conduct
