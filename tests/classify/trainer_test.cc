#include "classify/trainer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace conduct {
namespace {

// a + b without operator+(const char*, std::string&&), which GCC 12 at -O3
// flags with a false -Wrestrict.
std::string join(std::string a, const std::string& b) {
  return a.append(b);
}

// A tiny synthetic label set: "rude" sentences hold one of a few insults,
// "late" ones talk about waiting, some have both and some neither.
TrainingData synthetic_data() {
  const std::vector<std::string> rude = {"you are an idiot", "what a stupid question",
                                         "shut up and listen", "you moron"};
  const std::vector<std::string> late = {"i waited three weeks", "still waiting for the refund",
                                         "nobody called back for days", "weeks of waiting"};
  const std::vector<std::string> neutral = {"the order arrived today", "thanks for the help",
                                            "my account number is ready", "please check the bill"};
  TrainingData data;
  data.labels = {"rude", "late"};
  for (int round = 0; round < 6; ++round) {
    for (std::size_t i = 0; i < 4; ++i) {
      const std::string suffix = join(" ", std::to_string(round));
      data.examples.push_back({rude[i] + suffix, {}, {0}});
      data.examples.push_back({late[i] + suffix, {}, {1}});
      data.examples.push_back({neutral[i] + suffix, {}, {}});
      const std::string both = join(join(join(rude[i], " and "), late[(i + 1) % 4]), suffix);
      data.examples.push_back({both, {}, {0, 1}});
    }
  }
  data.files = {{"synthetic.jsonl", std::string(64, '0')}};
  return data;
}

TrainOptions small_options() {
  TrainOptions options;
  options.features.bucket_bits = 14;
  options.l2 = {1e-3, 1e-2};
  return options;
}

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
  EXPECT_EQ(none.error().code, "no_data");
  TrainingData bad = synthetic_data();
  bad.examples[3].labels = {7};
  auto out_of_range = train(bad, small_options());
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_EQ(out_of_range.error().code, "bad_label");
  TrainOptions options = small_options();
  options.l2.clear();
  auto no_l2 = train(synthetic_data(), options);
  ASSERT_FALSE(no_l2.ok());
  EXPECT_EQ(no_l2.error().code, "bad_options");
}

}  // namespace
}  // namespace conduct
