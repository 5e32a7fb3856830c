// The normalizer's folding classes, with exact texts and exact offset maps,
// and the offset map's to_original / from_original.
#include "normalize/normalizer.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace conduct {
namespace {

using Origins = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

Origins origins_of(const NormalizedText& n) {
  Origins out;
  for (std::size_t i = 0; i < n.text.size(); ++i)
    out.emplace_back(n.original_begin(i), n.original_end(i));
  return out;
}

/// Checks the ICU path, then that the public entry point agrees byte for byte.
void expect_normalized(const std::string& source, const std::string& text, const Origins& origins) {
  SCOPED_TRACE("source: " + source);
  const NormalizedText icu = normalize_with_icu(source);
  EXPECT_EQ(icu.text, text);
  EXPECT_EQ(origins_of(icu), origins);
  const NormalizedText fast = normalize(source);
  EXPECT_EQ(fast.text, icu.text);
  EXPECT_EQ(fast.offsets, icu.offsets);
}

TEST(Normalizer, EmptyInputGivesEmptyText) {
  expect_normalized("", "", {});
}

TEST(Normalizer, LowercasesAscii) {
  expect_normalized("Hi OK", "hi ok", {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}});
}

TEST(Normalizer, FoldsCurlySingleQuotesAndPrimes) {
  // ‘ (3 bytes) a ’ (3 bytes), then ‚ ‛ ′
  expect_normalized("\u2018a\u2019", "'a'", {{0, 3}, {3, 4}, {4, 7}});
  expect_normalized("\u201A\u201B\u2032", "'''", {{0, 3}, {3, 6}, {6, 9}});
}

TEST(Normalizer, FoldsDoubleQuotesAndGuillemets) {
  expect_normalized("\u201Cx\u201D", "\"x\"", {{0, 3}, {3, 4}, {4, 7}});
  expect_normalized("\u201E\u201F\u2033", "\"\"\"", {{0, 3}, {3, 6}, {6, 9}});
  // « and » are two bytes each.
  expect_normalized("\u00ABx\u00BB", "\"x\"", {{0, 2}, {2, 3}, {3, 5}});
}

TEST(Normalizer, FoldsDashesAndMinus) {
  expect_normalized("a\u2013b\u2014c", "a-b-c", {{0, 1}, {1, 4}, {4, 5}, {5, 8}, {8, 9}});
  expect_normalized("\u2012\u2015\u2212", "---", {{0, 3}, {3, 6}, {6, 9}});
}

TEST(Normalizer, FoldsEllipsisToThreeDotsFromOneSource) {
  expect_normalized("No\u2026", "no...", {{0, 1}, {1, 2}, {2, 5}, {2, 5}, {2, 5}});
}

TEST(Normalizer, UnicodeSpacesBecomeOneAsciiSpace) {
  expect_normalized("a\u00A0b", "a b", {{0, 1}, {1, 3}, {3, 4}});
  // a, space, EM SPACE (3 bytes), newline, space, b: one space for the run.
  expect_normalized("a \u2003\n b", "a b", {{0, 1}, {1, 7}, {7, 8}});
}

TEST(Normalizer, CollapsesAndTrimsAsciiWhitespace) {
  expect_normalized("  Hi \t\r\n\n there \n", "hi there",
                    {{2, 3}, {3, 4}, {4, 10}, {10, 11}, {11, 12}, {12, 13}, {13, 14}, {14, 15}});
}

TEST(Normalizer, RemovesControlCharacters) {
  expect_normalized(
      "a\x01"
      "b\x7f",
      "ab", {{0, 1}, {2, 3}});
  // U+0080 is a C1 control (two bytes).
  expect_normalized("a\u0080b", "ab", {{0, 1}, {3, 4}});
  // A control inside a whitespace run does not split the run.
  expect_normalized("a \x02 b", "a b", {{0, 1}, {1, 4}, {4, 5}});
}

TEST(Normalizer, RemovesZeroWidthCharactersInsideWords) {
  // U+200B has no normalization boundary before it, so it joins the unit of
  // the letter before it and that letter maps to both.
  expect_normalized("a\u200Bb", "ab", {{0, 4}, {4, 5}});
  expect_normalized("a\u200Db", "ab", {{0, 4}, {4, 5}});
  // Soft hyphen and BOM are default-ignorable too.
  expect_normalized("x\u00ADy\uFEFF", "xy", {{0, 3}, {3, 7}});
}

TEST(Normalizer, AppliesNfkcToLigaturesAndFullWidthForms) {
  expect_normalized("\uFB01ne", "fine", {{0, 3}, {0, 3}, {3, 4}, {4, 5}});
  expect_normalized("\uFF21\uFF22\uFF23", "abc", {{0, 3}, {3, 6}, {6, 9}});
}

TEST(Normalizer, CaseFoldsBeyondAscii) {
  // ß folds to "ss"; É (precomposed, 2 bytes) to é (2 bytes).
  expect_normalized(
      "Stra\u00DFe \u00C9", "strasse \u00E9",
      {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 6}, {4, 6}, {6, 7}, {7, 8}, {8, 10}, {8, 10}});
}

TEST(Normalizer, ComposesCombiningSequencesAsOneUnit) {
  // e + U+0301 composes to é; both output bytes map to the whole sequence.
  expect_normalized("Cafe\u0301!", "caf\u00E9!", {{0, 1}, {1, 2}, {2, 3}, {3, 6}, {3, 6}, {6, 7}});
  // A mark after an uppercase ASCII letter: folded and composed.
  expect_normalized("E\u0301", "\u00E9", {{0, 3}, {0, 3}});
}

TEST(Normalizer, KeepsEmoji) {
  expect_normalized("ok \U0001F600", "ok \U0001F600",
                    {{0, 1}, {1, 2}, {2, 3}, {3, 7}, {3, 7}, {3, 7}, {3, 7}});
}

TEST(Normalizer, PureAsciiFastPathMatchesIcuOnEveryByte) {
  std::string all;
  for (int c = 1; c < 0x80; ++c) all.push_back(static_cast<char>(c));
  all += all;
  const NormalizedText fast = normalize(all);
  const NormalizedText icu = normalize_with_icu(all);
  EXPECT_EQ(fast.text, icu.text);
  EXPECT_EQ(fast.offsets, icu.offsets);
  // Controls gone, whitespace collapsed, A-Z lowercased.
  EXPECT_EQ(fast.text.find('\t'), std::string::npos);
  EXPECT_EQ(fast.text.find('A'), std::string::npos);
  EXPECT_NE(fast.text.find("abcdefghijklmnopqrstuvwxyz[\\]^_`abc"), std::string::npos);
}

TEST(NormalizedText, ToOriginalCoversTheSourceCharacters) {
  const std::string source = "\u2018Hi\u2019 there";  // ‘Hi’ there
  const NormalizedText n = normalize(source);
  ASSERT_EQ(n.text, "'hi' there");
  EXPECT_EQ(n.to_original({1, 3}), (ByteSpan{3, 5}));    // hi
  EXPECT_EQ(n.to_original({0, 4}), (ByteSpan{0, 8}));    // 'hi'
  EXPECT_EQ(n.to_original({5, 10}), (ByteSpan{9, 14}));  // there
  EXPECT_EQ(source.substr(9, 5), "there");
}

TEST(NormalizedText, ToOriginalOfEmptyRangeIsEmptyAtThatPosition) {
  const NormalizedText n = normalize("\u2018Hi\u2019 there");
  EXPECT_EQ(n.to_original({1, 1}), (ByteSpan{3, 3}));
  EXPECT_EQ(n.to_original({10, 10}), (ByteSpan{14, 14}));  // the end
  EXPECT_EQ(n.to_original({50, 60}), (ByteSpan{14, 14}));  // past the end: clamped
  EXPECT_EQ(normalize("").to_original({0, 0}), (ByteSpan{0, 0}));
}

TEST(NormalizedText, ToOriginalOfPartOfAnExpansionGivesTheWholeSource) {
  const NormalizedText n = normalize("\uFB01");  // ﬁ -> fi
  ASSERT_EQ(n.text, "fi");
  EXPECT_EQ(n.to_original({0, 1}), (ByteSpan{0, 3}));
  EXPECT_EQ(n.to_original({1, 2}), (ByteSpan{0, 3}));
}

TEST(NormalizedText, FromOriginalIsTheInverseForWholeCharacters) {
  const std::string source = "\u2018Hi\u2019 there";
  const NormalizedText n = normalize(source);
  EXPECT_EQ(n.from_original({0, 8}), (ByteSpan{0, 4}));
  EXPECT_EQ(n.from_original({3, 5}), (ByteSpan{1, 3}));
  EXPECT_EQ(n.from_original({0, source.size()}), (ByteSpan{0, n.text.size()}));
  // Inside one multi-byte character: no whole source character, empty.
  const ByteSpan inside = n.from_original({1, 2});
  EXPECT_TRUE(inside.empty());
  EXPECT_EQ(inside.begin, 1u);
}

// The map is kept as runs: ASCII prose with single spaces is one run of
// copied bytes whatever its length; a whitespace run or a multi-byte
// character is a run of its own, and each byte still maps to its source.
TEST(OffsetMap, RunsGiveEveryBytesSource) {
  const std::string prose(100000, 'a');
  EXPECT_EQ(normalize(prose).offsets.runs(), 1u);
  const NormalizedText n = normalize("A  B\xC3\xA9" "c");  // "a b" then e-acute, "c"
  EXPECT_EQ(n.text, "a b\xC3\xA9" "c");
  ASSERT_EQ(n.offsets.size(), 6u);
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> expected = {{0, 1}, {1, 3}, {3, 4},
                                                                         {4, 6}, {4, 6}, {6, 7}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(n.original_begin(i), expected[i].first) << i;
    EXPECT_EQ(n.original_end(i), expected[i].second) << i;
  }
  EXPECT_EQ(n.offsets.runs(), 5u);
  EXPECT_EQ(n.to_original({3, 5}), (ByteSpan{4, 6}));
  EXPECT_EQ(n.from_original({3, 6}), (ByteSpan{2, 5}));
}

}  // namespace
}  // namespace conduct
