#include "classify/trainer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "synthetic_model.h"

namespace conduct {
namespace {

TEST(Trainer, LearnsATinySyntheticLabelSet) {
  auto trained = train(synthetic_data(), small_options());
  ASSERT_TRUE(trained.ok()) << trained.error().message;
  const Model& model = trained.value();
  EXPECT_EQ(model.labels(), (std::vector<std::string>{"rude", "late"}));
  EXPECT_FALSE(model.header().exclusive);
  std::vector<float> p;
  model.predict("shut up you idiot", {}, p);
  EXPECT_EQ(model.decide(p), (std::vector<std::size_t>{0}));
  model.predict("i am still waiting after three weeks", {}, p);
  EXPECT_EQ(model.decide(p), (std::vector<std::size_t>{1}));
  model.predict("the bill arrived today", {}, p);
  EXPECT_TRUE(model.decide(p).empty());
  model.predict("you moron , i waited for weeks", {}, p);
  EXPECT_EQ(model.decide(p), (std::vector<std::size_t>{0, 1}));
  // Held-out metrics are recorded.
  bool has_f1 = false;
  for (const auto& [name, value] : model.header().metrics) {
    if (name == "val.micro_f1") {
      has_f1 = true;
      EXPECT_GT(value, 0.8);
    }
  }
  EXPECT_TRUE(has_f1);
  const auto top = model.explain("shut up you idiot", {}, 0, 1);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_GT(top[0].contribution, 0.0f);
}

TEST(Trainer, SameDataAndSeedGiveSameBytes) {
  auto a = train(synthetic_data(), small_options());
  auto b = train(synthetic_data(), small_options());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a.value().serialize(), b.value().serialize());
  TrainOptions other = small_options();
  other.seed = 2;
  auto c = train(synthetic_data(), other);
  ASSERT_TRUE(c.ok());
  EXPECT_NE(a.value().serialize(), c.value().serialize());
}

TEST(Trainer, ExclusiveLabelsDecideByArgmax) {
  TrainingData data;
  data.labels = {"polite", "impolite"};
  for (int i = 0; i < 20; ++i) {
    data.examples.push_back({join("could you please help ", std::to_string(i)), {}, {0}});
    data.examples.push_back({join("why did you break it ", std::to_string(i)), {}, {1}});
  }
  auto trained = train(data, small_options());
  ASSERT_TRUE(trained.ok());
  EXPECT_TRUE(trained.value().header().exclusive);
  std::vector<float> p;
  trained.value().predict("could you please look", {}, p);
  EXPECT_EQ(trained.value().decide(p), (std::vector<std::size_t>{0}));
  trained.value().predict("why did you do it", {}, p);
  EXPECT_EQ(trained.value().decide(p), (std::vector<std::size_t>{1}));
}

TEST(Trainer, RefusesEmptyDataAndBadLabels) {
  TrainingData empty;
  empty.labels = {"x"};
  auto none = train(empty, small_options());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::no_data);
  TrainingData bad = synthetic_data();
  bad.examples[3].labels = {7};
  auto out_of_range = train(bad, small_options());
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_EQ(out_of_range.error().code, ErrorCode::bad_label);
  TrainOptions options = small_options();
  options.l2.clear();
  auto no_l2 = train(synthetic_data(), options);
  ASSERT_FALSE(no_l2.ok());
  EXPECT_EQ(no_l2.error().code, ErrorCode::bad_options);
}

}  // namespace
}  // namespace conduct
