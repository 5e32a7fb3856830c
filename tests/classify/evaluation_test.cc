#include "classify/evaluation.h"

#include <gtest/gtest.h>

namespace conduct {
namespace {

TEST(Evaluation, CountsPerViewPerRuleAndQuotesMistakes) {
  Evaluation e;
  // Rule and model agree on a true category.
  e.add("a", "he hung up", {"unprofessional"},
        {{"unprofessional", {"rule:u.hung_up", "model:unprofessional"}, 0.9, "hung up"}}, {});
  // The model finds what the rules miss; the rule fires wrongly.
  e.add("b", "relax sir", {"unprofessional"},
        {{"unprofessional", {"model:unprofessional"}, 0.7, "relax sir"},
         {"scripted", {"rule:s.canned"}, 0.8, "sir"}},
        {});
  // Nothing found: a miss, ranked by the model's probability.
  e.add("c", "no callback", {"unresponsive"}, {}, {{"unresponsive", 0.2}});
  e.add("d", "ok", {}, {}, {});

  EXPECT_EQ(e.records(), 4u);
  const auto& all = e.counts("all");
  EXPECT_EQ(all.at("unprofessional").tp, 2u);
  EXPECT_EQ(all.at("scripted").fp, 1u);
  EXPECT_EQ(all.at("unresponsive").fn, 1u);
  const auto& rules = e.counts("rules");
  EXPECT_EQ(rules.at("unprofessional").tp, 1u);
  EXPECT_EQ(rules.at("unprofessional").fn, 1u);
  EXPECT_DOUBLE_EQ(rules.at("unprofessional").recall(), 0.5);
  const auto& model = e.counts("model");
  EXPECT_EQ(model.at("unprofessional").tp, 2u);
  EXPECT_EQ(model.count("scripted"), 0u);

  const auto per_rule = e.rule_counts();
  EXPECT_EQ(per_rule.at("rule:u.hung_up").tp, 1u);
  EXPECT_EQ(per_rule.at("rule:u.hung_up").fn, 1u);
  EXPECT_EQ(per_rule.at("rule:s.canned").fp, 1u);
  EXPECT_DOUBLE_EQ(per_rule.at("rule:s.canned").precision(), 0.0);

  const auto fps = e.worst_false_positives(5);
  ASSERT_EQ(fps.size(), 1u);
  EXPECT_EQ(fps[0].id, "b");
  EXPECT_EQ(fps[0].category, "scripted");
  EXPECT_EQ(fps[0].text, "sir");
  const auto misses = e.worst_misses(5);
  ASSERT_EQ(misses.size(), 1u);
  EXPECT_EQ(misses[0].id, "c");
  EXPECT_DOUBLE_EQ(misses[0].confidence, 0.2);

  const auto json = e.to_json();
  EXPECT_EQ(json["averages"]["all"]["micro"]["tp"], 2);
  EXPECT_EQ(json["averages"]["all"]["micro"]["fp"], 1);
  EXPECT_EQ(json["averages"]["all"]["micro"]["fn"], 1);
  EXPECT_EQ(json["rules"]["rule:s.canned"]["category"], "scripted");
}

}  // namespace
}  // namespace conduct
