// Line numbers of subtitle cues: taken from the file's line table, so that a
// file of N cues costs O(N) and not O(N^2) (each cue counting newlines from
// the start of the file), and equal to counting them.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "read/cue_blocks.h"
#include "read/reader.h"
#include "read/text_scan.h"

namespace conduct::read_detail {
namespace {

TEST(CueLines, ComeFromTheLineTableNotFromCountingTheFile) {
  const std::string bytes = "1\n00:00:01,000 --> 00:00:02,000\nAgent: Hello.\nHow are you?\n";
  std::vector<LineRange> lines = split_lines(bytes, 0);
  ASSERT_EQ(lines.size(), 4u);
  // The same bytes as lines 1001 to 1004 of a longer file: a cue's turns
  // must take their lines from the table, never from the bytes before them.
  for (LineRange& line : lines) line.number += 1000;
  const SubtitleCue cue{2, 3, {1000, 2000}};
  const std::vector<Turn> turns = cue_turns(bytes, lines, cue, {});
  ASSERT_EQ(turns.size(), 1u);
  EXPECT_EQ(turns[0].line, 1003u);
  EXPECT_EQ(turns[0].text, "Agent: Hello.\nHow are you?");
}

TEST(CueLines, EqualTheCountedLineOfEveryTurn) {
  std::string srt;
  std::string vtt = "WEBVTT\r\n\r\nNOTE a note\r\nover two lines\r\n\r\n";
  for (int cue = 1; cue <= 40; ++cue) {
    const std::string time = "00:00:" + std::string(cue < 10 ? "0" : "") + std::to_string(cue);
    const std::string timing = time + ",000 --> " + time + ",500\n";
    srt += std::to_string(cue) + "\n" + timing + (cue % 2 ? "Agent: " : "Customer: ") +
           "line one\n" + (cue % 3 ? "- and a dash\n- another\n" : "") + "\n";
    vtt += time + ".000 --> " + time + ".500\r\n<v " + (cue % 2 ? "Ann" : "Bo") +
           ">said this\r\n<v Cy>and that\r\n\r\n";
  }
  for (const auto& [bytes, format] : {std::pair{srt, Format::srt}, std::pair{vtt, Format::vtt}}) {
    const auto document = read_document("cues", bytes, format, ReadOptions{});
    ASSERT_TRUE(document.ok()) << document.error().message;
    ASSERT_GE(document.value().turns.size(), 40u);
    for (const Turn& turn : document.value().turns) {
      EXPECT_EQ(turn.line, line_number_at(bytes, turn.start)) << turn.text;
    }
  }
}

}  // namespace
}  // namespace conduct::read_detail
