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

TEST(Trainer, AGivenValidationSetChoosesButIsNeverFittedOn) {
  // The last examples are the validation set (as --validation-data gives
  // them): metrics are theirs, and no refit takes them in.
  TrainingData data = synthetic_data();
  const std::size_t training = data.examples.size();
  TrainingData with_validation = data;
  with_validation.fixed_validation_begin = training;
  // A validation example whose words the training data never labels: had it
  // been fitted on, "zebra" would lean towards "rude".
  for (int i = 0; i < 6; ++i) {
    with_validation.examples.push_back({"zebra crossing zebra", {}, {0}});
    with_validation.examples.push_back({"the bill arrived today", {}, {}});
  }
  auto trained = train(with_validation, small_options());
  ASSERT_TRUE(trained.ok()) << trained.error().message;
  double examples = 0, validation = 0, refit = -1;
  for (const auto& [name, value] : trained.value().header().metrics) {
    if (name == "examples") examples = value;
    if (name == "validation_examples") validation = value;
    if (name == "refit") refit = value;
  }
  EXPECT_EQ(examples, double(training + 12));
  EXPECT_EQ(validation, 12.0);
  EXPECT_EQ(refit, 0.0);
  std::vector<float> zebra, unseen;
  trained.value().predict("zebra crossing zebra", {}, zebra);
  trained.value().predict("quokka walrus quokka", {}, unseen);
  // Never fitted on: "zebra crossing" scores as words no example holds.
  EXPECT_NEAR(zebra[0], unseen[0], 1e-3f);

  // Only validation examples: nothing to fit.
  TrainingData only_validation = data;
  only_validation.fixed_validation_begin = 0;
  EXPECT_FALSE(train(only_validation, small_options()).ok());
}

}  // namespace
}  // namespace conduct
