// The Python str behaviours VADER depends on, and the emoji replacement.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sentiment/emoji.h"
#include "sentiment/python_text.h"

namespace conduct::sentiment_text {
namespace {

std::vector<std::string> split(std::string_view text) {
  std::vector<std::string> tokens;
  split_python_whitespace(text, [&](std::string_view token) { tokens.emplace_back(token); });
  return tokens;
}

TEST(PythonText, SplitsOnUnicodeWhitespaceLikeStrSplit) {
  EXPECT_EQ(split("  a  b\tc\n"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(split("a\xC2\xA0"
                  "b"),
            (std::vector<std::string>{"a", "b"}));  // U+00A0
  EXPECT_EQ(split("a\xE3\x80\x80"
                  "b"),
            (std::vector<std::string>{"a", "b"}));  // U+3000
  EXPECT_EQ(split("a\x1F"
                  "b"),
            (std::vector<std::string>{"a", "b"}));  // unit separator
  EXPECT_EQ(split("a\xE2\x80\x8B"
                  "b"),
            (std::vector<std::string>{"a\xE2\x80\x8B"
                                      "b"}));  // ZWSP is no space
  EXPECT_TRUE(split(" \t ").empty());
}

TEST(PythonText, StripsPunctuationOnlyFromWordsLongerThanTwo) {
  EXPECT_EQ(strip_punctuation_if_word("good!!!"), "good");
  EXPECT_EQ(strip_punctuation_if_word("--good--"), "good");
  EXPECT_EQ(strip_punctuation_if_word(":)"), ":)");
  EXPECT_EQ(strip_punctuation_if_word("ok!"), "ok!");                // "ok" has 2 characters
  EXPECT_EQ(strip_punctuation_if_word("n\xC3\xA9!"), "n\xC3\xA9!");  // "né": 2 code points, 3 bytes
  EXPECT_EQ(strip_punctuation_if_word("caf\xC3\xA9!"), "caf\xC3\xA9");
  EXPECT_EQ(strip_punctuation_if_word("don't"), "don't");  // inner punctuation stays
  EXPECT_EQ(strip_punctuation_if_word("\xE2\x80\x9Cgood\xE2\x80\x9D"),
            "\xE2\x80\x9Cgood\xE2\x80\x9D");  // curly quotes are not string.punctuation
}

TEST(PythonText, IsUpperLikePython) {
  EXPECT_TRUE(python_isupper("GOOD"));
  EXPECT_TRUE(python_isupper("GOOD1!"));
  EXPECT_FALSE(python_isupper("Good"));
  EXPECT_FALSE(python_isupper("123"));  // no cased character
  EXPECT_FALSE(python_isupper(":)"));
  EXPECT_TRUE(python_isupper(":D"));
  EXPECT_TRUE(python_isupper("CAF\xC3\x89"));       // CAFÉ
  EXPECT_FALSE(python_isupper("CAF\xC3\xA9"));      // CAFé
  EXPECT_FALSE(python_isupper("\xC7\x85"));         // U+01C5, titlecase
  EXPECT_TRUE(python_isupper("\xD0\x94\xD0\x90"));  // Cyrillic ДА
}

TEST(PythonText, StripWhitespaceAndCountCodePoints) {
  EXPECT_EQ(strip_whitespace("\xC2\xA0 a b \n"), "a b");
  EXPECT_EQ(strip_whitespace("   "), "");
  EXPECT_EQ(count_code_points("caf\xC3\xA9"), 4u);
  EXPECT_EQ(count_code_points("\xF0\x9F\x98\x9E"), 1u);
  EXPECT_EQ(count_code_points("a\xFF"
                              "b"),
            3u);  // an invalid byte counts as one
}

TEST(PythonText, DecodesAndRejectsInvalidSequences) {
  EXPECT_EQ(decode_utf8("\xE2\x82\xAC", 0).value, 0x20ACu);
  EXPECT_EQ(decode_utf8("\xE2\x82\xAC", 0).length, 3u);
  EXPECT_EQ(decode_utf8("\xC0\x80", 0).length, 1u);      // overlong
  EXPECT_EQ(decode_utf8("\xED\xA0\x80", 0).length, 1u);  // surrogate
  EXPECT_EQ(decode_utf8("\xE2\x82", 0).length, 1u);      // truncated
}

TEST(Emoji, ReplacedByDescriptionWithVaderSpacing) {
  std::string out;
  replace_emoji(
      "a\xF0\x9F\x98\x9E"
      "b",
      out);
  EXPECT_EQ(out, "a disappointed faceb");
  replace_emoji("\xF0\x9F\x98\x9E\xF0\x9F\x91\x8D!", out);
  EXPECT_EQ(out, "disappointed face thumbs up!");
  replace_emoji("so \xF0\x9F\x92\x94", out);
  EXPECT_EQ(out, "so broken heart");
  replace_emoji("caf\xC3\xA9 \xE2\x9C\x88", out);  // an emoji we do not describe stays
  EXPECT_EQ(out, "caf\xC3\xA9 \xE2\x9C\x88");
}

TEST(Emoji, DetectsOnlyDescribedEmoji) {
  EXPECT_TRUE(contains_described_emoji("ok \xF0\x9F\x91\x8D"));
  EXPECT_FALSE(contains_described_emoji("caf\xC3\xA9 \xE2\x80\x99 \xE2\x9C\x88"));
  EXPECT_EQ(emoji_description(0x1F494), "broken heart");
  EXPECT_EQ(emoji_description('a'), "");
}

}  // namespace
}  // namespace conduct::sentiment_text
