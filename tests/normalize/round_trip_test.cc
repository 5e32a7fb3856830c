// Properties that tie the normalizer, its offset map and the segmenter
// together, on hand-made inputs and on every file of ../shared samples and
// eval notes:
// - normalize() (with its ASCII shortcut) equals normalize_with_icu() byte for
//   byte, text and maps;
// - every word of the normalized text maps back to original bytes whose own
//   normalization is that word;
// - every sentence's original bytes normalize to exactly its normalized span.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/normalizer.h"
#include "normalize/segmenter.h"
#include "test_support.h"

namespace conduct {
namespace {

std::vector<std::filesystem::path> shared_text_files() {
  std::vector<std::filesystem::path> files;
  for (const char* folder : {"samples", "eval/notes"}) {
    const auto root = testing::shared_dir() / folder;
    if (!std::filesystem::exists(root)) continue;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  }
  return files;
}

void expect_same(const NormalizedText& a, const NormalizedText& b) {
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.offsets, b.offsets);
}

void expect_words_round_trip(std::string_view source) {
  const NormalizedText n = normalize(source);
  for (const ByteSpan word : split_words(n.text)) {
    const ByteSpan original = n.to_original(word);
    ASSERT_LE(original.end, source.size());
    const std::string_view expected = std::string_view(n.text).substr(word.begin, word.size());
    EXPECT_EQ(normalize(source.substr(original.begin, original.size())).text, expected)
        << "word at normalized " << word.begin << " maps to original " << original.begin << "-"
        << original.end;
  }
}

void expect_sentences_round_trip(std::string_view source) {
  const NormalizedText n = normalize(source);
  for (const ByteSpan sentence : split_sentences(source)) {
    const std::string_view original = source.substr(sentence.begin, sentence.size());
    const ByteSpan normalized = n.from_original(sentence);
    EXPECT_EQ(normalize(original).text,
              std::string_view(n.text).substr(normalized.begin, normalized.size()))
        << "sentence at " << sentence.begin << "-" << sentence.end;
    if (!normalized.empty()) {
      const ByteSpan back = n.to_original(normalized);
      EXPECT_GE(back.begin, sentence.begin);
      EXPECT_LE(back.end, sentence.end);
    }
  }
}

const std::vector<std::string> kTrickyInputs = {
    "She said \u201CI\u2019ll call back\u201D \u2014 she didn\u2019t\u2026",
    "The \uFB01nal o\uFB00er was \uFF21\uFF22\uFF23 plan \uFF11\uFF12\uFF13.",
    "Great service \U0001F600\U0001F44D\U0001F3FD! Thanks \u2764\uFE0F.",
    "Caf\u00E9 vs. Cafe\u0301: na\u0131\u0308ve r\u00E9sum\u00E9s. E\u0301TAT.",
    "zero\u200Bwidth jo\u200Dined wo\u2060rd \uFEFFstart soft\u00ADhyphen.",
    "Stra\u00DFe \u0130stanbul \u03A3\u039F\u03A6\u0399\u0391 \u2160 \u2168.",
    "Tabs\tand\u00A0nbsp\u2003em\u3000ideo\nnew\r\nlines \x01\x7f controls.",
    "Mr. Smith called at 9 a.m.\n\nBad Business\nThe agent hung up.",
};

TEST(RoundTrip, FastPathEqualsIcuOnTrickyInputs) {
  for (const std::string& input : kTrickyInputs) {
    SCOPED_TRACE(input);
    expect_same(normalize(input), normalize_with_icu(input));
  }
}

TEST(RoundTrip, WordsMapBackToTheirOriginalBytesOnTrickyInputs) {
  for (const std::string& input : kTrickyInputs) {
    SCOPED_TRACE(input);
    expect_words_round_trip(input);
  }
}

TEST(RoundTrip, SentencesNormalizeToTheirNormalizedSpanOnTrickyInputs) {
  for (const std::string& input : kTrickyInputs) {
    SCOPED_TRACE(input);
    expect_sentences_round_trip(input);
  }
}

TEST(SharedSamples, FastPathEqualsIcuOnEveryFileAndEveryAsciiLine) {
  CONDUCT_REQUIRE_SHARED();
  const auto files = shared_text_files();
  ASSERT_GE(files.size(), 20u) << "expected the samples and eval notes";
  std::size_t ascii_lines = 0;
  for (const auto& path : files) {
    SCOPED_TRACE(path.string());
    const std::string bytes = testing::read_file(path);
    ASSERT_TRUE(is_valid_utf8(bytes));
    expect_same(normalize(bytes), normalize_with_icu(bytes));
    std::size_t begin = 0;
    while (begin < bytes.size()) {
      std::size_t end = bytes.find('\n', begin);
      if (end == std::string::npos) end = bytes.size();
      const std::string_view line = std::string_view(bytes).substr(begin, end - begin);
      if (is_ascii(line)) {
        ++ascii_lines;
        expect_same(normalize(line), normalize_with_icu(line));
      }
      begin = end + 1;
    }
  }
  EXPECT_GT(ascii_lines, 1000u);
}

TEST(SharedSamples, WordsAndSentencesRoundTripOnEveryFile) {
  CONDUCT_REQUIRE_SHARED();
  for (const auto& path : shared_text_files()) {
    SCOPED_TRACE(path.string());
    const std::string bytes = testing::read_file(path);
    expect_words_round_trip(bytes);
    expect_sentences_round_trip(bytes);
  }
}

/// Marks the bytes of Unicode whitespace (NBSP, U+2003, ...) as well as ASCII.
std::vector<bool> space_bytes(std::string_view text) {
  std::vector<bool> space(text.size(), false);
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto n = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < n;) {
    const std::int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      for (std::int32_t k = begin; k < i; ++k) space[static_cast<std::size_t>(k)] = true;
    }
  }
  return space;
}

TEST(SharedSamples, RoundFourSentencesCoverTheTextAndRespectBlankLines) {
  CONDUCT_REQUIRE_SHARED();
  const std::string text =
      testing::read_file(testing::shared_dir() / "samples/notes/round-four.txt");
  const std::vector<ByteSpan> sentences = split_sentences(text);
  ASSERT_GT(sentences.size(), 20u);

  const std::vector<bool> space = space_bytes(text);
  std::vector<bool> covered(text.size(), false);
  std::size_t previous_end = 0;
  for (const ByteSpan s : sentences) {
    ASSERT_LT(s.begin, s.end);
    ASSERT_GE(s.begin, previous_end) << "sentences overlap or are out of order";
    previous_end = s.end;
    EXPECT_FALSE(space[s.begin]);
    EXPECT_FALSE(space[s.end - 1]);
    const std::string_view sentence = std::string_view(text).substr(s.begin, s.size());
    EXPECT_EQ(sentence.find("\n\n"), std::string_view::npos) << sentence;
    EXPECT_EQ(sentence.find("\n\r\n"), std::string_view::npos) << sentence;
    for (std::size_t i = s.begin; i < s.end; ++i) covered[i] = true;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!space[i]) {
      EXPECT_TRUE(covered[i]) << "byte " << i << " is in no sentence";
    }
  }
  // The title line has no terminal punctuation; the blank line ends it.
  const std::size_t first_newline = text.find('\n');
  ASSERT_NE(first_newline, std::string::npos);
  EXPECT_EQ(sentences.front(), (ByteSpan{0, first_newline}));
}

}  // namespace
}  // namespace conduct

namespace conduct {
namespace {

/// Deterministic mixes of ASCII, typographic punctuation, spaces, controls,
/// combining marks, compatibility forms, zero-width characters and emoji.
std::vector<std::string> generated_inputs() {
  const std::vector<std::string_view> pieces = {
      "a",          "B",      "z",      " ",      "\n",     "\t",     ".",
      "Mr.",        "9",      "\u2019", "\u201C", "\u2014", "\u2026", "\u00A0",
      "\u2003",     "\x01",   "\u0085", "\u0301", "\u0308", "\uFB01", "\uFF21",
      "\u200B",     "\u200D", "\u00DF", "\u00C9", "\u0130", "\uFE0F", "\U0001F600",
      "\U0001F3FD", "\u1100", "\u1161", "\u65E5", "\u0627", "E"};
  std::vector<std::string> inputs;
  std::uint32_t state = 12345;  // a fixed LCG: the same inputs on every run
  for (int i = 0; i < 300; ++i) {
    std::string input;
    const int length = 1 + i % 40;
    for (int k = 0; k < length; ++k) {
      state = state * 1664525u + 1013904223u;
      input += pieces[(state >> 8) % pieces.size()];
    }
    inputs.push_back(std::move(input));
  }
  return inputs;
}

TEST(RoundTrip, GeneratedInputsKeepTheMapInvariants) {
  for (const std::string& input : generated_inputs()) {
    SCOPED_TRACE(input);
    const NormalizedText n = normalize_with_icu(input);
    expect_same(normalize(input), n);
    ASSERT_EQ(n.offsets.size(), n.text.size());
    for (std::size_t i = 0; i < n.text.size(); ++i) {
      EXPECT_LT(n.original_begin(i), n.original_end(i));
      EXPECT_LE(n.original_end(i), input.size());
      if (i > 0) {
        EXPECT_LE(n.original_begin(i - 1), n.original_begin(i));
        EXPECT_LE(n.original_end(i - 1), n.original_end(i));
      }
    }
    EXPECT_TRUE(n.text.empty() || (n.text.front() != ' ' && n.text.back() != ' '));
    EXPECT_EQ(n.text.find("  "), std::string::npos);
    // No round-trip check here: in these random mixes a combining mark or a
    // conjoining jamo often follows punctuation or an ignorable, and a word or
    // sentence that starts there maps back to the whole normalization unit
    // (a known, documented limit; ordinary text is checked above).
  }
}

}  // namespace
}  // namespace conduct
