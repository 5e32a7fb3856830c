#include "lexicon/phrase.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

namespace conduct {
namespace {

bool matches(const std::string& pattern, std::string_view text) {
  RE2 regex(pattern);
  EXPECT_TRUE(regex.ok()) << regex.error();
  return RE2::PartialMatch(text, regex);
}

TEST(PhraseTest, WordsJoinedByFlexibleWhitespaceWithBoundaries) {
  EXPECT_EQ(phrase_to_pattern("hung up on me"), R"(\bhung\s+up\s+on\s+me\b)");
  EXPECT_EQ(phrase_to_pattern("  hung \t up  "), R"(\bhung\s+up\b)");
  const std::string pattern = phrase_to_pattern("hung up on me");
  EXPECT_TRUE(matches(pattern, "the rep hung  up on me."));
  EXPECT_TRUE(matches(pattern, "hung\nup on me"));
  EXPECT_FALSE(matches(pattern, "he hung up on meg"));
  EXPECT_FALSE(matches(pattern, "unhung up on me"));
}

TEST(PhraseTest, MetacharactersAreLiteral) {
  const std::string pattern = phrase_to_pattern("a.b (c)? [x]+");
  EXPECT_EQ(pattern, R"(\ba\.b\s+\(c\)\?\s+\[x\]\+)");
  EXPECT_TRUE(matches(pattern, "so a.b (c)? [x]+ ok"));
  EXPECT_FALSE(matches(pattern, "so axb (c)? [x]+ ok"));
  EXPECT_FALSE(matches(pattern, "so a.b c [x]+ ok"));
}

TEST(PhraseTest, BoundaryOnlyNextToWordCharacters) {
  EXPECT_EQ(phrase_to_pattern("$5 fee"), R"(\$5\s+fee\b)");
  EXPECT_EQ(phrase_to_pattern("really?!"), R"(\breally\?\!)");
  EXPECT_TRUE(matches(phrase_to_pattern("$5 fee"), "a $5 fee"));
}

TEST(PhraseTest, ApostrophesMatchStraightAndCurly) {
  const std::string pattern = phrase_to_pattern("that's not my problem");
  EXPECT_TRUE(matches(pattern, "that's not my problem"));
  EXPECT_TRUE(matches(pattern, "that\xE2\x80\x99s not my problem"));
  EXPECT_TRUE(matches(phrase_to_pattern("that\xE2\x80\x99s it"), "that's it"));
}

TEST(PhraseTest, EmptyPhraseGivesEmptyPattern) {
  EXPECT_EQ(phrase_to_pattern(""), "");
  EXPECT_EQ(phrase_to_pattern("   "), "");
}

TEST(PhraseTest, AlternationPrefersLongerPhrases) {
  const std::string pattern = compile_phrases({"hung up", "hung up on me"}, {}, nullptr);
  EXPECT_EQ(pattern, R"((?:\bhung\s+up\s+on\s+me\b|\bhung\s+up\b))");
  re2::StringPiece found;
  RE2 regex(pattern);
  ASSERT_TRUE(RE2::PartialMatch("he hung up on me", regex));
  std::string_view text = "he hung up on me";
  ASSERT_TRUE(regex.Match(text, 0, text.size(), RE2::UNANCHORED, &found, 1));
  EXPECT_EQ(found, "hung up on me");
}

// Format 2: {list} references, `*` for one word, `...` for a few.
TEST(PhraseTest, ListsStarsAndGaps) {
  const PhraseLists lists{.words = {{"agent", {"rep", "customer service rep", "agent"}},
                                    {"hangup", {"hung up", "disconnected me"}}}};
  std::string error;
  const std::string agent = compile_phrase("the {agent} {hangup}", lists, &error);
  ASSERT_FALSE(agent.empty()) << error;
  EXPECT_TRUE(matches(agent, "then the customer service rep hung up."));
  EXPECT_TRUE(matches(agent, "the agent disconnected me"));
  EXPECT_FALSE(matches(agent, "the reporter hung up"));

  const std::string star = compile_phrase("put me on * hold", {}, &error);
  EXPECT_TRUE(matches(star, "they put me on indefinite hold"));
  EXPECT_FALSE(matches(star, "they put me on hold"));
  EXPECT_FALSE(matches(star, "they put me on very long hold"));

  const std::string gap = compile_phrase("never ...3 back", {}, &error);
  EXPECT_TRUE(matches(gap, "she never called back"));
  EXPECT_TRUE(matches(gap, "she never called me back"));
  EXPECT_TRUE(matches(gap, "she never did call me back"));
  EXPECT_FALSE(matches(gap, "she never did get to call me back"));
  EXPECT_TRUE(
      matches(compile_phrase("never ... back", {}, &error), "she never did get to call me back"));

  EXPECT_TRUE(compile_phrase("thank you for {waiting}", lists, &error).empty());
  EXPECT_EQ(error, "unknown list 'waiting'");
  EXPECT_TRUE(compile_phrase("... hung up", {}, &error).empty());
  EXPECT_NE(error.find("gap"), std::string::npos);
  EXPECT_TRUE(compile_phrase("hung up ...", {}, &error).empty());
}

TEST(PhraseTest, PatternsNameListsAndKeepCountedRepetition) {
  const PhraseLists lists{.words = {{"agent", {"rep", "agent"}}},
                          .patterns = {{"subject", R"([a-z]+ (?:agent|rep))"}}};
  std::string error;
  const std::string pattern =
      expand_list_references(R"(the {agent} (?:x{2}|y{1,3}) \{agent\})", lists, &error);
  EXPECT_EQ(pattern, R"(the (?:agent|rep) (?:x{2}|y{1,3}) \{agent\})");
  EXPECT_TRUE(expand_list_references("{nobody}", lists, &error).empty());
  EXPECT_EQ(error, "unknown list 'nobody'");
  // A named RE2 fragment stands in patterns, as a group; not in phrases.
  EXPECT_EQ(expand_list_references(R"(\b{subject} hung up)", lists, &error),
            R"(\b(?:[a-z]+ (?:agent|rep)) hung up)");
  EXPECT_TRUE(compile_phrase("{subject} hung up", lists, &error).empty());
  EXPECT_EQ(error, "'subject' is a pattern fragment: it stands in patterns only");
}

}  // namespace
}  // namespace conduct
