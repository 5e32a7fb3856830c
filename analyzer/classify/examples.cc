#include "classify/examples.h"

#include <algorithm>

#include "classify/text_extras.h"
#include "normalize/normalizer.h"

namespace conduct {

Result<TrainingExample> make_example(const LabelledRecord& record, const std::string& file,
                                     const FeatureConfig& config, const Lexicon* lexicon,
                                     const SentimentScorer* sentiment) {
  std::size_t bad = 0;
  if (!is_valid_utf8(record.text, &bad)) {
    return Error{ErrorCode::invalid_utf8,
                 "\"text\" is not valid UTF-8 (byte " + std::to_string(bad) + ")", file,
                 record.line};
  }
  TrainingExample example;
  example.normalized_text = normalize(record.text).text;
  example.extras = text_extras(config, lexicon, sentiment, example.normalized_text, record.text,
                               context_for_record(record.register_name, record.speaker));
  return example;
}

std::vector<std::string> label_set(const std::vector<LabelledRecord>& records) {
  std::vector<std::string> labels;
  for (const auto& record : records)
    labels.insert(labels.end(), record.labels.begin(), record.labels.end());
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  return labels;
}

}  // namespace conduct
