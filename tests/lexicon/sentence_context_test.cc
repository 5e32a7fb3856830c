#include "lexicon/sentence_context.h"

#include <gtest/gtest.h>

#include <string>

namespace conduct {
namespace {

std::size_t at(std::string_view s, std::string_view word) {
  return s.find(word);
}

std::vector<std::string> quoted(std::string_view s) {
  std::vector<ByteSpan> ranges;
  find_quoted_ranges(s, ranges);
  std::vector<std::string> out;
  for (auto r : ranges) out.emplace_back(s.substr(r.begin, r.size()));
  return out;
}

TEST(SentenceContextTest, NegationWithinThreeWordsInTheClause) {
  std::string_view s = "he was not rude";
  EXPECT_TRUE(negated_before(s, at(s, "rude")));
  s = "never rude";
  EXPECT_TRUE(negated_before(s, at(s, "rude")));
  s = "he wasn't rude at all";
  EXPECT_TRUE(negated_before(s, at(s, "rude")));
  s = "he was not in any way rude";  // "not" is 4 words back
  EXPECT_FALSE(negated_before(s, at(s, "rude")));
  s = "not today, he was rude";  // the comma ends the clause
  EXPECT_FALSE(negated_before(s, at(s, "rude")));
  s = "not me but he was rude";
  EXPECT_FALSE(negated_before(s, at(s, "rude")));
  s = "no one was rude";
  EXPECT_FALSE(negated_before(s, at(s, "rude")));
  s = "nobody was rude";
  EXPECT_FALSE(negated_before(s, at(s, "rude")));
  s = "no rude words";
  EXPECT_TRUE(negated_before(s, at(s, "rude")));
  s = "he was rude";
  EXPECT_FALSE(negated_before(s, at(s, "rude")));
}

TEST(SentenceContextTest, ConditionalBeforeInTheClause) {
  std::string_view s = "if they don't call back i will cancel";
  EXPECT_TRUE(conditional_before(s, at(s, "cancel")));
  s = "they should have called back";
  EXPECT_TRUE(conditional_before(s, at(s, "called")));
  s = "they would've called back";
  EXPECT_TRUE(conditional_before(s, at(s, "called")));
  s = "i will cancel if needed";
  EXPECT_FALSE(conditional_before(s, at(s, "cancel")));
  s = "if so, i will cancel";
  EXPECT_FALSE(conditional_before(s, at(s, "cancel")));
  s = "they would call back";
  EXPECT_FALSE(conditional_before(s, at(s, "call")));
}

TEST(SentenceContextTest, Questions) {
  EXPECT_TRUE(is_question("is that your policy?"));
  EXPECT_TRUE(is_question("he asked \"is that your policy?\" "));
  EXPECT_FALSE(is_question("that is your policy."));
  EXPECT_FALSE(is_question(""));
}

TEST(SentenceContextTest, QuotedRanges) {
  EXPECT_EQ(quoted(R"(he said "that's not my problem" and left)"),
            std::vector<std::string>{"that's not my problem"});
  EXPECT_EQ(quoted(R"("one" and "two")"), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(quoted(R"(he said "call someone else)"), std::vector<std::string>{"call someone else"});
  EXPECT_EQ(quoted(R"(call someone else." he said)"),
            std::vector<std::string>{"call someone else."});
  EXPECT_EQ(quoted("he said 'not my department' and hung up"),
            std::vector<std::string>{"not my department"});
  EXPECT_EQ(quoted("that's the customers' problem, isn't it"), std::vector<std::string>{});
}

}  // namespace
}  // namespace conduct
