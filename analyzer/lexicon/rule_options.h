// Names and RE2 options shared by the rule parser and the matcher.
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace conduct {

/// Options of every rule's own RE2: UTF-8, case-insensitive, no logging of
/// errors to stderr (they are reported as lint messages), longest match off
/// (leftmost-first, as Perl). Memory: RE2's per-pattern default budget.
RE2::Options rule_regex_options();

/// Memory budget of one compiled RE2::Set of rules (lexicon.cc splits each
/// register and speaker class into at most 16 sets): its program and the DFA
/// states it caches, which RE2 drops and rebuilds when they outgrow it: RE2's
/// own default for one pattern. Over the 5,002 real complaint narratives,
/// 8 MiB kept peak RSS at 85 MB (32 MiB: 113 MB) at no cost in time. A set
/// whose program cannot fit is dropped and its rules tried one by one.
inline constexpr std::int64_t kSetMaxMem = std::int64_t{8} << 20;

/// "speech" -> kSpeechBit, "report" -> kReportBit.
std::optional<std::uint8_t> parse_register_bit(std::string_view name);
/// "agent" | "customer" | "author" -> its bit, "any" -> kAnySpeaker.
std::optional<std::uint8_t> parse_speaker_bits(std::string_view name);

}  // namespace conduct
