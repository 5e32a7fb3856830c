#include "score/policy.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"

namespace conduct {
namespace {

// A valid policy with every category; `extra` is appended to [categories.scripted].
std::string policy_text(const std::string& scripted_extra = "") {
  std::string text = "[policy]\nconfidence_floor = 0.6\n\n[categories.scripted]\npoints = -2\n" +
                     scripted_extra + "\n";
  for (Category category : kAllCategories) {
    if (category == Category::scripted) continue;
    text += "[categories." + std::string(to_string(category)) + "]\npoints = 1\n";
  }
  return text;
}

TEST(PolicyTest, DefaultPolicyHasTheSpecPoints) {
  const auto policy = Policy::load(testing::source_dir() / "lexicons" / "policy.toml");
  ASSERT_TRUE(policy.ok()) << policy.error().where_message();
  const std::array<int, 10> expected = {-2, -5, -3, -3, -4, -2, 1, 2, 3, 0};
  for (Category category : kAllCategories) {
    EXPECT_EQ(policy.value().of(category).points, expected[static_cast<int>(category)])
        << to_string(category);
    EXPECT_FALSE(policy.value().of(category).count_repeats) << to_string(category);
    EXPECT_FALSE(policy.value().of(category).reason.empty()) << to_string(category);
  }
  EXPECT_DOUBLE_EQ(policy.value().confidence_floor, 0.5);
  EXPECT_EQ(policy.value().of(Category::unresponsive).reason,
            "call, voice mail or message not returned");
  EXPECT_EQ(policy.value().version.size(), 12u);
}

TEST(PolicyTest, ReadsEveryKeyAndVersionFollowsTheBytes) {
  const auto policy = Policy::parse(
      policy_text("cap = 6\ncount_repeats = true\nreason = \"stock lines\""), "p.toml");
  ASSERT_TRUE(policy.ok()) << policy.error().where_message();
  const CategoryPolicy& scripted = policy.value().of(Category::scripted);
  EXPECT_EQ(scripted.points, -2);
  EXPECT_EQ(scripted.cap, 6);
  EXPECT_TRUE(scripted.count_repeats);
  EXPECT_EQ(scripted.reason, "stock lines");
  EXPECT_EQ(policy.value().of(Category::empathy).reason, "empathy");  // default reason
  EXPECT_DOUBLE_EQ(policy.value().confidence_floor, 0.6);
  const auto other = Policy::parse(policy_text("cap = 7\ncount_repeats = true"), "p.toml");
  ASSERT_TRUE(other.ok());
  EXPECT_NE(policy.value().version, other.value().version);
}

// A user's policy over the shipped one names only what it changes.
TEST(PolicyTest, PartialPolicyOverABase) {
  const auto base = Policy::load(testing::source_dir() / "lexicons" / "policy.toml");
  ASSERT_TRUE(base.ok()) << base.error().where_message();
  const auto partial =
      Policy::parse("[policy]\nconfidence_floor = 0.7\n[categories.runaround]\npoints = -1\n",
                    "user.toml", &base.value());
  ASSERT_TRUE(partial.ok()) << partial.error().where_message();
  EXPECT_EQ(partial.value().of(Category::runaround).points, -1);
  EXPECT_EQ(partial.value().of(Category::runaround).reason,
            base.value().of(Category::runaround).reason);
  EXPECT_EQ(partial.value().of(Category::unprofessional).points, -5);
  EXPECT_DOUBLE_EQ(partial.value().confidence_floor, 0.7);
  EXPECT_NE(partial.value().version, base.value().version);
  // Without a base, the same file misses every other category.
  EXPECT_FALSE(Policy::parse("[categories.runaround]\npoints = -1\n", "user.toml").ok());
}

TEST(PolicyTest, ACapWhereRepeatsDoNotCountIsAnErrorAtItsLine) {
  const auto base = Policy::load(testing::source_dir() / "lexicons" / "policy.toml");
  ASSERT_TRUE(base.ok());
  const auto policy =
      Policy::parse("[categories.scripted]\npoints = -2\ncap = 4\n", "user.toml", &base.value());
  ASSERT_FALSE(policy.ok());
  EXPECT_EQ(policy.error().where_message(),
            "user.toml:3: cap of 'scripted' can never apply: repeats do not count (set "
            "count_repeats = true or remove the cap)");
}

std::string error_of(const std::string& text) {
  const auto policy = Policy::parse(text, "p.toml");
  EXPECT_FALSE(policy.ok());
  if (policy.ok()) return "";
  EXPECT_EQ(policy.error().code, ErrorCode::invalid_policy);
  return policy.error().where_message();
}

TEST(PolicyTest, UnknownCategoryNamesItsLine) {
  EXPECT_EQ(error_of(policy_text() + "[categories.rude]\npoints = -1\n"),
            "p.toml:25: [categories.rude] is not a built-in category (scripted, unprofessional, "
            "dismissive, unresponsive, broken_promise, runaround, empathy, ownership, resolved, "
            "churn_risk): a category of your own needs sign = -1 (bad conduct), 1 (good) or 0 "
            "(reported only)");
}

TEST(PolicyTest, PointsMustBeAnInteger) {
  EXPECT_EQ(error_of("[categories.scripted]\npoints = -2.5\n"),
            "p.toml:2: points of 'scripted' must be an integer");
  EXPECT_EQ(error_of("[categories.scripted]\npoints = \"-2\"\n"),
            "p.toml:2: points of 'scripted' must be an integer");
}

TEST(PolicyTest, CapMustNotBeNegative) {
  EXPECT_EQ(error_of(policy_text("cap = -4")),
            "p.toml:6: cap of 'scripted' must be 0 (no cap) or a positive number of points");
}

TEST(PolicyTest, UnknownKeysAreTypos) {
  EXPECT_EQ(error_of(policy_text("count_repeat = true")),
            "p.toml:6: unknown key 'count_repeat' in [categories.scripted] (expected points, cap, "
            "count_repeats, reason, same_incident_as; a category of your own also sign and "
            "description)");
  EXPECT_EQ(error_of("[policy]\nfloor = 0.5\n"),
            "p.toml:2: unknown key 'floor' in [policy] (expected confidence_floor, "
            "incident_window)");
  EXPECT_EQ(error_of("version = 2\n"),
            "p.toml:1: unknown key 'version' (expected [policy], [categories.<category>] and "
            "[required.<name>])");
}

TEST(PolicyTest, BadValuesOfOtherKeys) {
  EXPECT_EQ(error_of(policy_text("count_repeats = 1")),
            "p.toml:6: count_repeats of 'scripted' must be true or false");
  EXPECT_EQ(error_of(policy_text("reason = \"\"")),
            "p.toml:6: reason of 'scripted' must be a non-empty string");
  EXPECT_EQ(error_of("[policy]\nconfidence_floor = 1.5\n"),
            "p.toml:2: confidence_floor must be a number in [0, 1]");
  EXPECT_EQ(error_of("[categories.scripted]\ncap = 2\n"),
            "p.toml:1: [categories.scripted] needs points");
}

TEST(PolicyTest, SameIncidentNamesOtherCategories) {
  std::string text = policy_text("same_incident_as = [\"runaround\"]");
  text.replace(text.find("[policy]\n"), 9, "[policy]\nincident_window = 5\n");
  const auto policy = Policy::parse(text, "p.toml");
  ASSERT_TRUE(policy.ok()) << policy.error().where_message();
  EXPECT_EQ(policy.value().incident_window, 5);
  EXPECT_EQ(policy.value().of(Category::scripted).same_incident_as,
            std::vector<Category>{Category::runaround});
  EXPECT_EQ(error_of(policy_text("same_incident_as = [\"rudeness\"]")),
            "p.toml:6: same_incident_as of 'scripted' names an unknown category (expected "
            "scripted, unprofessional, dismissive, unresponsive, broken_promise, runaround, "
            "empathy, ownership, resolved, churn_risk)");
  EXPECT_EQ(error_of(policy_text("same_incident_as = \"runaround\"")),
            "p.toml:6: same_incident_as of 'scripted' must be an array of category names");
  EXPECT_EQ(error_of(policy_text("same_incident_as = [\"scripted\"]")),
            "p.toml:6: same_incident_as of 'scripted' may not name the category itself");
  EXPECT_EQ(error_of("[policy]\nincident_window = -1\n"),
            "p.toml:2: incident_window must be a whole number of sentences in 0..1000");
}

TEST(PolicyTest, SameIncidentMayNotChain) {
  std::string text = "[categories.scripted]\npoints = -2\nsame_incident_as = [\"runaround\"]\n";
  for (Category category : kAllCategories) {
    if (category == Category::scripted) continue;
    text += "[categories." + std::string(to_string(category)) + "]\npoints = 1\n";
    if (category == Category::runaround) text += "same_incident_as = [\"empathy\"]\n";
  }
  EXPECT_EQ(error_of(text),
            "p.toml:3: same_incident_as of 'scripted' names 'runaround', which itself folds into "
            "another category");
}

TEST(PolicyTest, EveryCategoryIsRequired) {
  EXPECT_EQ(error_of("[categories.scripted]\npoints = -2\n"),
            "p.toml:1: missing [categories.unprofessional]: every category needs its points (0 "
            "to report only)");
}

TEST(PolicyTest, BadTomlGivesItsLine) {
  EXPECT_EQ(error_of("[policy]\nconfidence_floor = 0.5\n[categories.scripted\npoints = 1\n"),
            "p.toml:3: invalid TOML: Error while parsing table header: expected ']', saw '\\n'");
}

TEST(PolicyTest, LoadNamesTheFile) {
  const auto path = ::conduct::testing::unique_temp_path("conduct_policy_test_bad.toml");
  {
    std::ofstream out(path);
    out << "[policy]\nconfidence_floor = 0.5\n\n[categories.scripted]\npoints = \"two\"\n";
  }
  const auto policy = Policy::load(path);
  std::filesystem::remove(path);
  ASSERT_FALSE(policy.ok());
  EXPECT_EQ(policy.error().where_message(),
            path.string() + ":5: points of 'scripted' must be an integer");
  const auto missing = Policy::load("/nonexistent/policy.toml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::unreadable_file);
  EXPECT_EQ(missing.error().where_message(),
            "/nonexistent/policy.toml: cannot read the policy file: No such file or directory");
}

}  // namespace
}  // namespace conduct
