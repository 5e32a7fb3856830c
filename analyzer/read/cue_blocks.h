// Cue blocks shared by the VTT and SRT readers: runs of non-blank lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "read/text_scan.h"

namespace conduct::read_detail {

/// A run of consecutive non-blank lines [first, last] of `lines`.
struct Block {
  std::size_t first = 0;
  std::size_t last = 0;  // inclusive
};

/// Splits lines into blocks separated by blank lines.
std::vector<Block> split_blocks(std::string_view bytes, const std::vector<LineRange>& lines);

/// Builds the turn of a cue whose payload spans lines [first, last]: takes a
/// "<v Name>" voice tag (when `voice_tags`) or a "Name: " prefix as the
/// speaker ("unknown" when neither), and trims the span so that
/// bytes[start, end) is exactly the spoken text. nullopt when nothing is left.
std::optional<Turn> cue_turn(std::string_view bytes, const std::vector<LineRange>& lines,
                             std::size_t first, std::size_t last, const CueTiming& timing,
                             bool voice_tags);

}  // namespace conduct::read_detail
