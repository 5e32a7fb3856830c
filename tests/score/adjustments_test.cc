#include "score/adjustments.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace conduct {
namespace {

Policy test_policy() {
  Policy policy;
  policy.confidence_floor = 0.5;
  for (Category category : kAllCategories) {
    policy.categories[static_cast<int>(category)] = {
        -1, 0, false, std::string(to_string(category)), {}};
  }
  policy.categories[static_cast<int>(Category::unresponsive)] = {-3, 0, false, "not returned", {}};
  policy.categories[static_cast<int>(Category::scripted)] = {-2, 5, true, "scripted", {}};
  policy.categories[static_cast<int>(Category::resolved)] = {3, 0, true, "fixed", {}};
  policy.categories[static_cast<int>(Category::churn_risk)] = {0, 0, false, "leaving", {}};
  return policy;
}

Finding finding(Category category, double confidence = 0.9, bool recap = false,
                std::size_t sentence = 0) {
  Finding out;
  out.category = category;
  out.confidence = confidence;
  out.recap = recap;
  out.sentence = sentence;
  return out;
}

Finding at_sentence(Category category, std::size_t sentence) {
  return finding(category, 0.9, false, sentence);
}

TEST(AdjustmentsTest, RepeatsCountOnceByDefault) {
  const std::vector<Finding> findings = {finding(Category::unresponsive),
                                         finding(Category::unresponsive)};
  const auto adjustments = suggest_adjustments(findings, test_policy());
  ASSERT_EQ(adjustments.size(), 1u);
  EXPECT_EQ(adjustments[0].category, Category::unresponsive);
  EXPECT_EQ(adjustments[0].points, -3);
  EXPECT_EQ(adjustments[0].findings, std::vector<std::size_t>{0});
  EXPECT_EQ(adjustments[0].reason, "not returned (1 repeat not counted)");
  EXPECT_EQ(total_points(adjustments), -3);
}

TEST(AdjustmentsTest, CountedRepeatsAreCapped) {
  const std::vector<Finding> findings = {finding(Category::scripted), finding(Category::scripted),
                                         finding(Category::scripted)};
  const auto adjustments = suggest_adjustments(findings, test_policy());
  ASSERT_EQ(adjustments.size(), 1u);
  EXPECT_EQ(adjustments[0].points, -5);
  EXPECT_EQ(adjustments[0].findings, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(adjustments[0].reason, "scripted (3 x -2), capped at -5");
  const auto two = suggest_adjustments({finding(Category::scripted), finding(Category::scripted)},
                                       test_policy());
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].points, -4);
  EXPECT_EQ(two[0].reason, "scripted (2 x -2)");
}

TEST(AdjustmentsTest, NoCapMeansEveryRepeatCounts) {
  const std::vector<Finding> findings(4, finding(Category::resolved));
  const auto adjustments = suggest_adjustments(findings, test_policy());
  ASSERT_EQ(adjustments.size(), 1u);
  EXPECT_EQ(adjustments[0].points, 12);
}

TEST(AdjustmentsTest, BelowTheFloorAndRecapsAreNotCounted) {
  const std::vector<Finding> findings = {
      finding(Category::unresponsive, 0.49), finding(Category::unprofessional, 0.9, true),
      finding(Category::unresponsive, 0.5), finding(Category::scripted, 0.95, true)};
  const auto adjustments = suggest_adjustments(findings, test_policy());
  ASSERT_EQ(adjustments.size(), 1u);
  EXPECT_EQ(adjustments[0].category, Category::unresponsive);
  EXPECT_EQ(adjustments[0].findings, std::vector<std::size_t>{2});
  EXPECT_EQ(adjustments[0].reason, "not returned");
  EXPECT_EQ(total_points(adjustments), -3);
}

TEST(AdjustmentsTest, ZeroPointCategoriesAreOnlyReportedAndOrderFollowsFindings) {
  const std::vector<Finding> findings = {finding(Category::churn_risk), finding(Category::resolved),
                                         finding(Category::unresponsive)};
  const auto adjustments = suggest_adjustments(findings, test_policy());
  ASSERT_EQ(adjustments.size(), 2u);
  EXPECT_EQ(adjustments[0].category, Category::resolved);
  EXPECT_EQ(adjustments[0].findings, std::vector<std::size_t>{1});
  EXPECT_EQ(adjustments[1].category, Category::unresponsive);
  EXPECT_EQ(total_points(adjustments), 0);
  EXPECT_TRUE(suggest_adjustments({}, test_policy()).empty());
}

TEST(AdjustmentsTest, APromiseAndItsUnansweredCallAreOneIncident) {
  Policy policy = test_policy();
  policy.incident_window = 3;
  policy.categories[static_cast<int>(Category::broken_promise)] = {
      -4, 0, false, "broken", {Category::unresponsive}};
  // "She said she would return my call." ... "After three days I had no response."
  const auto one = suggest_adjustments(
      {at_sentence(Category::broken_promise, 4), at_sentence(Category::unresponsive, 6)}, policy);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].category, Category::unresponsive);
  EXPECT_EQ(one[0].points, -3);
  EXPECT_EQ(one[0].findings, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(one[0].reason,
            "not returned; counted once with the broken_promise finding of the same incident");

  // Far apart they are two incidents; a recap or low-confidence finding is
  // no incident to fold into.
  const auto two = suggest_adjustments(
      {at_sentence(Category::broken_promise, 4), at_sentence(Category::unresponsive, 8)}, policy);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(total_points(two), -7);
  const auto recap = suggest_adjustments(
      {at_sentence(Category::broken_promise, 4), finding(Category::unresponsive, 0.9, true, 5)},
      policy);
  ASSERT_EQ(recap.size(), 1u);
  EXPECT_EQ(recap[0].category, Category::broken_promise);
  EXPECT_EQ(recap[0].points, -4);
}

// The incident window holds on both sides and at its edge, near the start
// of the document too, and over many findings (each looked up, not compared
// with every other).
TEST(AdjustmentsTest, TheIncidentWindowHoldsBeforeAfterAndAtItsEdge) {
  Policy policy = test_policy();
  policy.incident_window = 3;
  policy.categories[static_cast<int>(Category::broken_promise)] = {
      -4, 0, true, "broken", {Category::unresponsive}};
  const auto folds = [&](std::size_t promise, std::size_t unresponsive) {
    const auto adjustments =
        suggest_adjustments({at_sentence(Category::broken_promise, promise),
                             at_sentence(Category::unresponsive, unresponsive)},
                            policy);
    return adjustments.size() == 1;
  };
  EXPECT_TRUE(folds(10, 7));
  EXPECT_TRUE(folds(10, 13));
  EXPECT_FALSE(folds(10, 6));
  EXPECT_FALSE(folds(10, 14));
  EXPECT_TRUE(folds(1, 0));
  EXPECT_TRUE(folds(0, 3));

  // 20,000 promises, every other one with an unanswered call 2 sentences on
  // (findings 0, 1: promise and call; 2: a promise alone; ...).
  std::vector<Finding> findings;
  constexpr std::size_t kPromises = 20000;
  for (std::size_t i = 0; i < kPromises; ++i) {
    findings.push_back(at_sentence(Category::broken_promise, i * 10));
    if (i % 2 == 0) findings.push_back(at_sentence(Category::unresponsive, i * 10 + 2));
  }
  const auto adjustments = suggest_adjustments(findings, policy);
  ASSERT_EQ(adjustments.size(), 2u);
  // Unresponsive, counted once, lists its first finding and every promise
  // folded into it: it starts at finding 0 and comes first.
  EXPECT_EQ(adjustments[0].category, Category::unresponsive);
  EXPECT_EQ(adjustments[0].findings.size(), 1u + kPromises / 2);
  EXPECT_EQ(adjustments[0].findings.front(), 0u);
  // The unanswered half of the promises stands alone, each counted.
  EXPECT_EQ(adjustments[1].category, Category::broken_promise);
  EXPECT_EQ(adjustments[1].findings.size(), kPromises / 2);
  EXPECT_EQ(adjustments[1].findings.front(), 2u);
}

TEST(AdjustmentsTest, SeedLikeDocumentUnderTheDefaultPolicyComesToMinusThree) {
  const auto policy = Policy::load(testing::source_dir() / "lexicons" / "policy.toml");
  ASSERT_TRUE(policy.ok()) << policy.error().where_message();
  const std::vector<Finding> findings = {
      finding(Category::scripted, 0.9, true), finding(Category::unprofessional, 0.9, true),
      finding(Category::unresponsive), finding(Category::unresponsive),
      finding(Category::churn_risk)};
  const auto adjustments = suggest_adjustments(findings, policy.value());
  ASSERT_EQ(adjustments.size(), 1u);
  EXPECT_EQ(adjustments[0].findings, std::vector<std::size_t>{2});
  EXPECT_EQ(total_points(adjustments), -3);
}

}  // namespace
}  // namespace conduct
