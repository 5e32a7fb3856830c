// SubtitleCue blocks shared by the VTT and SRT readers: runs of non-blank lines, and
// the speaker-attributed units inside one cue.
#pragma once

#include <optional>
#include <set>
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

/// The payload lines [first, last] of one cue and its timing.
struct SubtitleCue {
  std::size_t first = 0;
  std::size_t last = 0;  // inclusive
  CueTiming timing;
};

/// The "Name: " prefixes that name speakers in this file. Subtitles quote
/// speech ("J'ai dit: ..."), so a prefix is a speaker only when the file
/// labels its cues consistently: at least a third of the cues start with a
/// label (or, with `voice_tags`, a "<v Name>" span), and the label recurs,
/// names a role or is an opaque id. Empty otherwise.
std::set<std::string, std::less<>> cue_speaker_labels(std::string_view bytes,
                                                      const std::vector<LineRange>& lines,
                                                      const std::vector<SubtitleCue>& cues,
                                                      bool voice_tags);

/// How to read the speakers of a cue.
struct CueSpeakers {
  /// WebVTT "<v Name>" voice spans.
  bool voice_tags = false;
  /// From cue_speaker_labels.
  const std::set<std::string, std::less<>>* labels = nullptr;
};

/// The units of one cue, each a turn: every "<v Name>" span, every line that
/// starts with a speaker label, every dialogue-dash line ("- Hi") starts one;
/// other lines continue the current unit. A unit without a speaker is
/// "unknown". bytes[start, end) is exactly the unit's text, and tags such as
/// "<i>", "<c.yellow>" or "<00:00:01.000>" inside it are listed as the turn's
/// markup. A cue whose only line ends in a colon keeps its text.
std::vector<Turn> cue_turns(std::string_view bytes, const std::vector<LineRange>& lines,
                            const SubtitleCue& cue, const CueSpeakers& speakers);

/// The turns of every cue in order, with the file's speaker labels
/// (cue_speaker_labels): a subtitle document's turns. Reserved for one turn
/// per cue, so that a file of a million cues is not copied as it grows.
std::vector<Turn> turns_of_cues(std::string_view bytes, const std::vector<LineRange>& lines,
                                const std::vector<SubtitleCue>& cues, bool voice_tags);

/// Spans of `text` that are subtitle markup: "<" then a letter, "/", "." or a
/// digit, up to the next ">" on the same line.
std::vector<ByteSpan> markup_spans(std::string_view text);

}  // namespace conduct::read_detail
