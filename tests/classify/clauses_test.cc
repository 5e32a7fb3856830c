#include "classify/clauses.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conduct {
namespace {

std::vector<std::string> clauses_of(std::string_view text, std::size_t min_words = 3) {
  std::vector<ByteSpan> spans;
  split_clauses(text, spans, min_words);
  std::vector<std::string> out;
  for (const ByteSpan span : spans) out.emplace_back(text.substr(span.begin, span.size()));
  return out;
}

TEST(Clauses, SplitAtPunctuationAndConjunctions) {
  EXPECT_EQ(clauses_of("i told them, very nicely, that we gave you a chance, but the woman i "
                       "spoke to was very rude."),
            (std::vector<std::string>{"i told them", "very nicely, that we gave you a chance",
                                      "but the woman i spoke to was very rude."}));
  EXPECT_EQ(clauses_of("she was rude; talked over me and talked down to me"),
            (std::vector<std::string>{"she was rude", "talked over me", "and talked down to me"}));
}

TEST(Clauses, ShortPiecesJoinTheirNeighbours) {
  // "phone" and "internet" are too short alone; the short tail joins the last clause.
  EXPECT_EQ(
      clauses_of("the bill was over $200 for phone, internet and cable - and that was basic, ok"),
      (std::vector<std::string>{"the bill was over $200 for phone", "internet and cable",
                                "and that was basic, ok"}));
  EXPECT_EQ(
      clauses_of("\"no,\" he said, \"that's our policy and it won't change.\""),
      (std::vector<std::string>{"no,\" he said", "that's our policy", "and it won't change."}));
}

TEST(Clauses, ByDefaultAClauseHasFiveWords) {
  // Shorter pieces ("if you look up the word") score noisily on their own.
  EXPECT_EQ(clauses_of("if you look up it, the word means something else entirely here", 5),
            (std::vector<std::string>{"if you look up it",
                                      "the word means something else entirely here"}));
  // "she was rude" is too short alone and joins what follows.
  EXPECT_EQ(clauses_of("she was rude, talked over me and talked down to me", 5),
            (std::vector<std::string>{"she was rude, talked over me", "and talked down to me"}));
  std::vector<ByteSpan> spans;
  split_clauses("she was rude, then talked over me", spans);
  EXPECT_TRUE(spans.empty());
}

TEST(Clauses, HyphensInsideWordsDoNotSplit) {
  EXPECT_TRUE(clauses_of("the follow-up call never came from the so-called manager").empty());
}

TEST(Clauses, OneClauseGivesNothingAndAppendsOnly) {
  EXPECT_TRUE(clauses_of("nobody ever called me back.").empty());
  EXPECT_TRUE(clauses_of("").empty());
  EXPECT_TRUE(clauses_of("but, and, because").empty());
  std::vector<ByteSpan> spans{{7, 9}};
  split_clauses("one two three, four five six", spans, 3);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0], (ByteSpan{7, 9}));
  EXPECT_EQ(spans[1], (ByteSpan{0, 13}));
  EXPECT_EQ(spans[2], (ByteSpan{15, 28}));
}

}  // namespace
}  // namespace conduct
