// A tiny synthetic label set and training options shared by the classifier
// tests: small enough to train in milliseconds, clear enough that the model
// it gives is unambiguous.
#pragma once

#include <string>
#include <vector>

#include "classify/trainer.h"

namespace conduct {

// a + b without operator+(const char*, std::string&&), which GCC 12 at -O3
// flags with a false -Wrestrict.
inline std::string join(std::string a, const std::string& b) {
  return a.append(b);
}

// A tiny synthetic label set: "rude" sentences hold one of a few insults,
// "late" ones talk about waiting, some have both and some neither.
inline TrainingData synthetic_data() {
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

inline TrainOptions small_options() {
  TrainOptions options;
  options.features.bucket_bits = 14;
  options.l2 = {1e-3, 1e-2};
  return options;
}

}  // namespace conduct
