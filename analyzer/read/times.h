// Time values of the JSON and CSV inputs that text_scan's clock times do not
// cover: ISO 8601 / RFC 3339 date-times, protobuf Duration strings, plain
// decimal numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace conduct::read_detail {

/// "2024-03-01T10:02:03Z", "2024-03-01 10:02:03.250", "2024-03-01T10:02:03+01:00"
/// as milliseconds since the Unix epoch (UTC; no offset means UTC). A date
/// alone is not a date-time: nullopt.
std::optional<std::int64_t> parse_iso_datetime_ms(std::string_view text);

/// A protobuf Duration as JSON writes it ("1.500s", "3s") in milliseconds.
std::optional<std::int64_t> parse_duration_ms(std::string_view text);

/// A whole decimal number ("12", "12.5", "-3"); nullopt for anything else.
std::optional<double> parse_decimal(std::string_view text);

}  // namespace conduct::read_detail
