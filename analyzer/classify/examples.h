// From labelled records to what the model reads: normalized text plus extra
// tokens. Shared by `conduct train` and `conduct classify` so that both see a
// record the same way.
#pragma once

#include <string>
#include <vector>

#include "classify/labelled_data.h"
#include "classify/trainer.h"
#include "core/error.h"

namespace conduct {

class Lexicon;
class SentimentScorer;

/// The normalized text of a record and its extras (see text_extras), the
/// record's register and speaker giving the lexicon's match context.
/// Failure: Error "invalid_utf8" naming the record's line.
Result<TrainingExample> make_example(const LabelledRecord& record, const std::string& file,
                                     const FeatureConfig& config, const Lexicon* lexicon,
                                     const SentimentScorer* sentiment);

/// The sorted set of labels the records hold.
std::vector<std::string> label_set(const std::vector<LabelledRecord>& records);

}  // namespace conduct
