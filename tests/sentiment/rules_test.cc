// Each VADER rule on its own, with the expected value derived by hand from the
// algorithm (the arithmetic is spelled out in the same order as the
// reference's). Valences from the pinned lexicon: good 1.9, bad -2.5,
// horrible -2.5, no -1.2, problem -1.7, kind 2.4, shit -2.6, ass -2.5, love
// 3.2, credit 1.6, doubt -1.5, excellent 2.7, disappointed -2.1.
#include "sentiment_test_support.h"

namespace conduct {
namespace {

using ::conduct::testing::compound_of;
using ::conduct::testing::plain_scorer;

double compound(std::string_view sentence) {
  return plain_scorer().score(sentence).compound;
}

TEST(Rules, LexiconWordAndProportions) {
  const SentimentScores scores = plain_scorer().score("The book was good.");
  EXPECT_DOUBLE_EQ(scores.compound, compound_of(1.9));
  EXPECT_DOUBLE_EQ(scores.compound, 0.4404);  // VADER's README
  // pos: (1.9 + 1) / (2.9 + 3 neutral words); neu: 3 / 5.9.
  EXPECT_DOUBLE_EQ(scores.pos, 0.492);
  EXPECT_DOUBLE_EQ(scores.neu, 0.508);
  EXPECT_DOUBLE_EQ(scores.neg, 0.0);
}

TEST(Rules, EmptyAndNeutralText) {
  const SentimentScores empty = plain_scorer().score("  \t ");
  EXPECT_EQ(empty.compound, 0.0);
  EXPECT_EQ(empty.neu, 0.0);  // no tokens: every proportion is 0
  const SentimentScores neutral = plain_scorer().score("!!! table");
  EXPECT_EQ(neutral.compound, 0.0);  // ! amplifies a non-zero sum only
  EXPECT_EQ(neutral.neu, 1.0);
}

TEST(Rules, NegationOneTwoAndThreeWordsBack) {
  EXPECT_DOUBLE_EQ(compound("The book was not good."), compound_of(1.9 * -0.74));
  EXPECT_DOUBLE_EQ(compound("The book isn't good."), compound_of(1.9 * -0.74));
  EXPECT_DOUBLE_EQ(compound("The book aint good."), compound_of(1.9 * -0.74));
  EXPECT_DOUBLE_EQ(compound("The book was not very good."), compound_of((1.9 + 0.293) * -0.74));
  EXPECT_DOUBLE_EQ(compound("It was not a really good book"), compound_of((1.9 + 0.293) * -0.74));
}

TEST(Rules, NeverSoAndNeverThisIntensify) {
  EXPECT_DOUBLE_EQ(compound("It was never good."), compound_of(1.9 * -0.74));
  // "so" boosts (+0.293), "never so" multiplies by 1.25, and the reference's
  // three-back check multiplies again because "so" is just before the word.
  EXPECT_DOUBLE_EQ(compound("It was never so good."), compound_of((1.9 + 0.293) * 1.25 * 1.25));
  EXPECT_DOUBLE_EQ(compound("It was never this good"), compound_of(1.9 * 1.25 * 1.25));
  // Only the second check fires: "this" just before the word.
  EXPECT_DOUBLE_EQ(compound("It has never been this good"), compound_of(1.9 * 1.25));
}

TEST(Rules, WithoutDoubtDoesNotNegate) {
  // "doubt" is negated by "without" (-1.5 * -0.74); "excellent" three words
  // after "without" with "doubt" before it is left as it is.
  EXPECT_DOUBLE_EQ(compound("Without a doubt, excellent idea."), compound_of(-1.5 * -0.74 + 2.7));
  EXPECT_DOUBLE_EQ(compound("Without doubt excellent"), compound_of(-1.5 * -0.74 + 2.7));
}

TEST(Rules, Least) {
  EXPECT_DOUBLE_EQ(compound("This is the least good movie."), compound_of(1.9 * -0.74));
  EXPECT_DOUBLE_EQ(compound("Least good movie."), compound_of(1.9 * -0.74));
  EXPECT_DOUBLE_EQ(compound("It was at least good."), compound_of(1.9));
  // "very least" does not negate; "very", two back, boosts at 0.95.
  EXPECT_DOUBLE_EQ(compound("At the very least good."), compound_of(1.9 + 0.293 * 0.95));
}

TEST(Rules, ButHalvesBeforeAndRaisesAfter) {
  EXPECT_DOUBLE_EQ(compound("The food was good, but the service was horrible."),
                   compound_of(1.9 * 0.5 + -2.5 * 1.5));
  // The reference finds each value again by equality: "love" halved becomes
  // 1.6, the value of "credit", so "credit" halves "love" a second time and
  // keeps its own 1.6.
  EXPECT_DOUBLE_EQ(compound("love but credit"), compound_of(3.2 * 0.5 * 0.5 + 1.6));
}

TEST(Rules, AllCapsEmphasisOnlyAmongOtherWords) {
  EXPECT_DOUBLE_EQ(compound("The book was GOOD."), compound_of(1.9 + 0.733));
  EXPECT_DOUBLE_EQ(compound("THE BOOK WAS GOOD."), compound_of(1.9));
  EXPECT_DOUBLE_EQ(compound("The book was BAD."), compound_of(-2.5 - 0.733));
  EXPECT_DOUBLE_EQ(compound("The book was VERY good."), compound_of(1.9 + (0.293 + 0.733)));
  EXPECT_DOUBLE_EQ(plain_scorer().score("VADER is VERY SMART, handsome, and FUNNY!!!").compound,
                   0.9342);  // VADER's README
}

TEST(Rules, ExclamationMarksUpToFour) {
  EXPECT_DOUBLE_EQ(compound("The book was good!"), compound_of(1.9 + 1 * 0.292));
  EXPECT_DOUBLE_EQ(compound("The book was good!!!"), compound_of(1.9 + 3 * 0.292));
  EXPECT_DOUBLE_EQ(compound("The book was good!!!!!!!"), compound_of(1.9 + 4 * 0.292));
  EXPECT_DOUBLE_EQ(compound("The book was bad!!"), compound_of(-2.5 - 2 * 0.292));
  // The amplifier also goes to the dominant proportion: pos = (2.9 + 0.876)
  // / (2.9 + 0.876 + 3).
  EXPECT_DOUBLE_EQ(plain_scorer().score("The book was good!!!").pos, 0.557);
}

TEST(Rules, QuestionMarksTwoOrMore) {
  EXPECT_DOUBLE_EQ(compound("The book was good?"), compound_of(1.9));
  EXPECT_DOUBLE_EQ(compound("The book was good??"), compound_of(1.9 + 2 * 0.18));
  EXPECT_DOUBLE_EQ(compound("The book was good???"), compound_of(1.9 + 3 * 0.18));
  EXPECT_DOUBLE_EQ(compound("The book was good?????"), compound_of(1.9 + 0.96));
  EXPECT_DOUBLE_EQ(compound("Good!?!?"), compound_of(1.9 + (2 * 0.292 + 2 * 0.18)));
}

TEST(Rules, KindOfAndSortOfDampen) {
  // "kind" (2.4 in the lexicon) before "of" scores 0; the pair dampens.
  EXPECT_DOUBLE_EQ(compound("The book was kind of good."), compound_of(1.9 + -0.293));
  EXPECT_DOUBLE_EQ(compound("The book was only kind of good."), 0.3832);  // VADER's README
  EXPECT_DOUBLE_EQ(compound("The book was sort of good."), compound_of(1.9 + -0.293));
  EXPECT_DOUBLE_EQ(compound("The book was kinda good."), compound_of(1.9 + -0.293));
  EXPECT_DOUBLE_EQ(compound("They are kind"), compound_of(2.4));
}

TEST(Rules, Boosters) {
  EXPECT_DOUBLE_EQ(compound("The book was very good."), compound_of(1.9 + 0.293));
  EXPECT_DOUBLE_EQ(compound("The book was very very good."),
                   compound_of(1.9 + 0.293 + 0.293 * 0.95));
  EXPECT_DOUBLE_EQ(compound("The book was slightly good."), compound_of(1.9 + -0.293));
  EXPECT_DOUBLE_EQ(compound("The book was very bad."), compound_of(-2.5 + -0.293));
  EXPECT_DOUBLE_EQ(compound("very"), 0.0);
}

TEST(Rules, IdiomsReplaceTheWordValence) {
  EXPECT_DOUBLE_EQ(compound("That movie is the shit."), compound_of(3));
  EXPECT_DOUBLE_EQ(compound("The shit."), compound_of(-2.6));  // too early for the idiom step
  // Both "bad" (by "bad ass" ahead) and "ass" (by "bad ass" behind) become 1.5.
  EXPECT_DOUBLE_EQ(compound("He is a bad ass guy"), compound_of(1.5 + 1.5));
}

TEST(Rules, NoBeforeALexiconWordNegatesIt) {
  EXPECT_DOUBLE_EQ(compound("No problem."), compound_of(-1.7 * -0.74));
  EXPECT_DOUBLE_EQ(compound("No"), compound_of(-1.2));
  // "No." keeps its period: stripped, it would be 2 characters or fewer, so
  // the reference keeps the token whole, and "no." is no lexicon word.
  EXPECT_DOUBLE_EQ(compound("No."), 0.0);
  // Two words back, "no" still negates, and counts itself (-1.2) because the
  // word right after it ("real") is not in the lexicon.
  EXPECT_DOUBLE_EQ(compound("There was no real problem"), compound_of(-1.2 + -1.7 * -0.74));
  // ALL-CAPS "NO" scored 0 still takes the caps emphasis, on the negative side.
  EXPECT_DOUBLE_EQ(compound("NO problem here"), compound_of(0.0 - 0.733 + -1.7 * -0.74));
}

TEST(Rules, EmojiScoredThroughTheirDescription) {
  EXPECT_DOUBLE_EQ(compound("I am \xF0\x9F\x98\x9E"), compound_of(-2.1));  // disappointed face
  EXPECT_DOUBLE_EQ(compound("I am disappointed face"), compound_of(-2.1));
}

TEST(Rules, ScratchReuseGivesTheSameScores) {
  SentimentScratch scratch;
  const SentimentScores first = plain_scorer().score("The food was good, but slow!!", scratch);
  plain_scorer().score("Another, much longer sentence that grows every buffer a lot.", scratch);
  const SentimentScores again = plain_scorer().score("The food was good, but slow!!", scratch);
  EXPECT_EQ(first.compound, again.compound);
  EXPECT_EQ(first.pos, again.pos);
}

TEST(Rounding, LikePythonRound) {
  EXPECT_EQ(round_like_python(0.125, 2), 0.12);  // exact tie: to even
  EXPECT_EQ(round_like_python(0.375, 2), 0.38);  // exact tie: to even
  EXPECT_EQ(round_like_python(2.675, 2), 2.67);  // 2.675 is 2.67499999... in binary
  EXPECT_EQ(round_like_python(-0.0625, 3), -0.062);
  EXPECT_EQ(round_like_python(0.44044, 4), 0.4404);
  EXPECT_EQ(round_like_python(0.99995, 3), 1.0);
}

}  // namespace
}  // namespace conduct
