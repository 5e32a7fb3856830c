// Sentence fix-ups (abbreviations, line breaks) and word spans, with exact
// expectations.
#include "normalize/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace conduct {
namespace {

std::vector<std::string_view> sentences_of(std::string_view text) {
  std::vector<std::string_view> out;
  for (const ByteSpan span : split_sentences(text))
    out.push_back(text.substr(span.begin, span.size()));
  return out;
}

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> out;
  for (const ByteSpan span : split_words(text)) out.push_back(text.substr(span.begin, span.size()));
  return out;
}

using Texts = std::vector<std::string_view>;

TEST(SplitSentences, JoinsTitlesAndTimeAbbreviations) {
  const std::string_view text = "I spoke to Mr. Smith at 9 a.m. today. He said no.";
  EXPECT_EQ(split_sentences(text), (std::vector<ByteSpan>{{0, 37}, {38, 49}}));
}

TEST(SplitSentences, JoinsInitials) {
  EXPECT_EQ(sentences_of("Ms. F. C. Manning was great."), (Texts{"Ms. F. C. Manning was great."}));
}

TEST(SplitSentences, JoinsNumberAbbreviationOnlyBeforeDigits) {
  EXPECT_EQ(sentences_of("See No. 5 below. Call No. Never mind."),
            (Texts{"See No. 5 below.", "Call No.", "Never mind."}));
}

TEST(SplitSentences, TimeBeforeCapitalEndsTheSentence) {
  EXPECT_EQ(sentences_of("We met at 5 p.m. Then we left."),
            (Texts{"We met at 5 p.m.", "Then we left."}));
}

TEST(SplitSentences, JoinsLatinAndTitleAbbreviationsBeforeCapitals) {
  EXPECT_EQ(sentences_of("Use tools, e.g. Slack and Zoom. Done."),
            (Texts{"Use tools, e.g. Slack and Zoom.", "Done."}));
  EXPECT_EQ(sentences_of(
                "Dr. Jones and Prof. Xavier came. It took approx. Ten minutes. We won vs. Them."),
            (Texts{"Dr. Jones and Prof. Xavier came.", "It took approx. Ten minutes.",
                   "We won vs. Them."}));
}

TEST(SplitSentences, CompanyAbbreviationsJoinOnlyBeforeLowerCase) {
  EXPECT_EQ(sentences_of("Apple Inc. is big. I work at Acme Inc. They pay well."),
            (Texts{"Apple Inc. is big.", "I work at Acme Inc.", "They pay well."}));
  EXPECT_EQ(sentences_of("Stuff, etc. and more. Also etc. Then end."),
            (Texts{"Stuff, etc. and more.", "Also etc.", "Then end."}));
}

TEST(SplitSentences, KeepsClosingQuotesAndBracketsWithTheirSentence) {
  EXPECT_EQ(sentences_of("He said \"stop.\" Then he left. (It was late.) Done."),
            (Texts{"He said \"stop.\"", "Then he left.", "(It was late.)", "Done."}));
  EXPECT_EQ(sentences_of("She said \u201Cno.\u201D Then hung up."),
            (Texts{"She said \u201Cno.\u201D", "Then hung up."}));
}

TEST(SplitSentences, BlankLineEndsASentenceWithoutPunctuation) {
  const std::string_view text = "First line without stop\n\nsecond paragraph here";
  EXPECT_EQ(split_sentences(text), (std::vector<ByteSpan>{{0, 23}, {25, 46}}));
  EXPECT_EQ(sentences_of("Title\r\n\r\nBody text.\r\n"), (Texts{"Title", "Body text."}));
}

TEST(SplitSentences, ShortHeadingLineBeforeCapitalEndsASentence) {
  EXPECT_EQ(sentences_of("Bad Business\nThe agent hung up on me."),
            (Texts{"Bad Business", "The agent hung up on me."}));
  EXPECT_EQ(sentences_of("Pros: N/A\nCons: Everything"), (Texts{"Pros: N/A", "Cons: Everything"}));
}

TEST(SplitSentences, WrappedLinesStayOneSentence) {
  // Lower-case continuation.
  EXPECT_EQ(sentences_of("the agent was\nrude to me."), (Texts{"the agent was\nrude to me."}));
  // A line of 60 characters or more is not a heading, even before a capital.
  const std::string_view long_line =
      "The agent said that he would call me back later in the day and\nThen never did.";
  EXPECT_EQ(sentences_of(long_line), (Texts{long_line}));
}

TEST(SplitSentences, OffsetsAreBytesInNonAsciiText) {
  // Cyrillic letters are two bytes each.
  EXPECT_EQ(split_sentences("\u041F\u0440\u0438\u0432\u0435\u0442. \u041A\u0430\u043A "
                            "\u0434\u0435\u043B\u0430?"),
            (std::vector<ByteSpan>{{0, 13}, {14, 30}}));
}

TEST(SplitSentences, WhitespaceOnlyGivesNoSentence) {
  EXPECT_TRUE(split_sentences("").empty());
  EXPECT_TRUE(split_sentences("  \n\t \u00A0 \n").empty());
}

TEST(SplitSentences, TrimsUnicodeWhitespace) {
  EXPECT_EQ(sentences_of("\u00A0 Hello there. \u3000"), (Texts{"Hello there."}));
}

TEST(SplitSentences, TrimsInvisibleCharactersOnlyNextToWhitespace) {
  // The variation selector ends a word and stays; the ZWSP and the control
  // after trailing whitespace go.
  EXPECT_EQ(sentences_of("Thanks \u2764\uFE0F"), (Texts{"Thanks \u2764\uFE0F"}));
  EXPECT_EQ(sentences_of("\x01 Bye now. \u200B\x02"), (Texts{"Bye now."}));
  EXPECT_TRUE(split_sentences(" \u200B ").empty());
}

TEST(SentenceSplitter, ReusedSplitterGivesTheSameSpans) {
  SentenceSplitter splitter;
  const std::vector<std::string_view> texts = {"I spoke to Mr. Smith at 9 a.m. today. He said no.",
                                               "Bad Business\nThe agent hung up.", "",
                                               "One. Two. Three."};
  for (int round = 0; round < 2; ++round) {
    for (const std::string_view text : texts)
      EXPECT_EQ(splitter.split(text), split_sentences(text));
  }
}

TEST(SplitWords, KeepsLettersNumbersEmojiAndIdeographs) {
  EXPECT_EQ(
      words_of("hello, world 42 \U0001F600 ok \u65E5\u672C\u8A9E don't 3.5!"),
      (Texts{"hello", "world", "42", "\U0001F600", "ok", "\u65E5\u672C\u8A9E", "don't", "3.5"}));
}

TEST(SplitWords, ExactSpansAndNothingForPunctuation) {
  EXPECT_EQ(split_words("a, bc."), (std::vector<ByteSpan>{{0, 1}, {3, 5}}));
  EXPECT_TRUE(split_words("  ... !? ").empty());
  EXPECT_TRUE(split_words("").empty());
}

TEST(SplitWords, EmojiWithSkinToneIsOneWord) {
  EXPECT_EQ(words_of("ok \U0001F44D\U0001F3FD"), (Texts{"ok", "\U0001F44D\U0001F3FD"}));
}

TEST(WordSplitter, ReusedSplitterGivesTheSameSpans) {
  WordSplitter splitter;
  for (const std::string_view text : {"one two", "", "three \U0001F600 four"}) {
    EXPECT_EQ(splitter.split(text), split_words(text));
  }
}

}  // namespace
}  // namespace conduct
