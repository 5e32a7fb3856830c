#include "classify/model_findings.h"

#include <algorithm>

#include "classify/extras.h"

namespace conduct {

ModelFindingPolicy ModelFindingPolicy::make(const Model& model, const ModelFindingOptions& options,
                                            const CategoryTable& categories) {
  ModelFindingPolicy policy;
  policy.model = &model;
  policy.clauses = options.clauses;
  policy.pairs = options.pairs;
  const auto& metrics = model.header().metrics;
  for (const std::string& label : model.labels()) {
    const auto category = categories.parse(label);
    policy.label_categories.push_back(category);
    policy.misconduct.push_back(category && categories.sign(*category) < 0);
  }
  for (std::size_t label = 0; label < model.labels().size(); ++label) {
    const std::string metric = "val." + model.labels()[label] + ".precision";
    const auto it = std::find_if(metrics.begin(), metrics.end(),
                                 [&](const auto& m) { return m.first == metric; });
    // A model trained without a validation fold has no such metric.
    const bool trusted = it == metrics.end() || it->second >= options.trusted_precision;
    policy.alone_floors.push_back(
        trusted ? static_cast<float>(std::max(options.alone_floor,
                                              model.thresholds()[label] + options.alone_margin))
                : 2.0f);
  }
  return policy;
}

std::vector<FeatureContribution> ModelFindings::explain(std::string_view text, ByteSpan span,
                                                        std::span<const CategoryHit> hits,
                                                        double compound, std::size_t label,
                                                        std::size_t k) const {
  const Model& model = *policy_.model;
  std::vector<Category> categories;
  categories_within(hits, span, categories);
  const auto extras = sentence_extras(model.features(), categories, compound);
  const std::vector<std::string_view> views(extras.begin(), extras.end());
  return model.explain(text.substr(span.begin, span.size()), views, label, k);
}

void ModelFindings::add_sentence(std::span<const Sentence> sentences, std::size_t s,
                                 const std::string& speaker, double compound, bool narrated,
                                 const MatchContext& context, std::span<const CategoryHit> hits,
                                 std::vector<Finding>& findings, Trace* trace) {
  context_ = context;
  add_single(sentences, s, speaker, compound, hits, findings, trace);
  if (!policy_.pairs || !narrated) return;
  if (s > 0 && sentences[s - 1].turn == sentences[s].turn) {
    add_pair(sentences, s, speaker, hits, findings, trace);
  }
  previous_best_ = scores_.best;
  previous_hits_.assign(hits.begin(), hits.end());
  // The next sentence's tokenize_features clears what it is given.
  std::swap(previous_tokens_, scores_.tokens);
}

void ModelFindings::add_single(std::span<const Sentence> sentences, std::size_t s,
                               const std::string& speaker, double compound,
                               std::span<const CategoryHit> hits, std::vector<Finding>& findings,
                               Trace* trace) {
  const Model& model = *policy_.model;
  const std::string_view text = sentences[s].normalized_text;
  score_sentence(model, text, hits, compound, policy_.clauses, scores_);
  for (std::size_t label = 0; label < model.labels().size(); ++label) {
    const float probability = scores_.best[label];
    const float threshold = model.thresholds()[label];
    ModelDecision* decision = nullptr;
    if (trace && probability >= std::min(threshold, trace->model_interest)) {
      ModelDecision d;
      d.sentence = s;
      d.label = model.labels()[label];
      d.at = {s, scores_.best_span[label]};
      d.probability = probability;
      d.threshold = threshold;
      d.alone_floor = policy_.alone_floors[label];
      d.bias = model.bias(label);
      d.features =
          explain(text, scores_.best_span[label], hits, compound, label, trace->top_features);
      trace->model.push_back(std::move(d));
      decision = &trace->model.back();
    }
    if (probability < threshold) continue;
    const auto category = policy_.label_categories[label];
    if (!category) continue;  // a user model may carry labels of its own
    const std::string source = "model:" + model.labels()[label];
    bool merged = false;
    // This sentence's findings are the last ones: findings come in sentence order.
    for (auto it = findings.rbegin(); it != findings.rend() && it->sentence == s; ++it) {
      if (it->category == *category) {
        it->sources.push_back(source);
        it->confidence = std::max(it->confidence, static_cast<double>(probability));
        merged = true;
      }
    }
    if (merged) {
      if (decision) decision->outcome = ModelOutcome::merged;
      continue;
    }
    if (probability < policy_.alone_floors[label]) {
      if (decision) decision->outcome = ModelOutcome::below_floor;
      continue;
    }
    if (policy_.misconduct[label] && attributor_.actor_of(text, context_) == Actor::customer) {
      if (decision) decision->outcome = ModelOutcome::customers_own;
      continue;
    }
    if (words_in(text, scores_.tokens, scores_.best_span[label]) < kModelAloneMinWords) {
      if (decision) decision->outcome = ModelOutcome::too_short;
      continue;
    }
    if (decision) decision->outcome = ModelOutcome::finding;
    Finding finding;
    finding.category = *category;
    finding.sources = {source};
    finding.confidence = probability;
    finding.speaker = speaker;
    finding.sentence = s;
    finding.at = {s, scores_.best_span[label]};
    findings.push_back(std::move(finding));
  }
}

// Reads sentence `second` with the one before it, in the same turn, and adds
// a model finding for each label that only the two together show (see
// score_sentence_pair), quoting both sentences. It needs the model-alone
// floor like any model finding with no rule beside it, and is skipped for
// labels that already have a finding on either sentence.
void ModelFindings::add_pair(std::span<const Sentence> sentences, std::size_t second,
                             const std::string& speaker, std::span<const CategoryHit> second_hits,
                             std::vector<Finding>& findings, Trace* trace) {
  const Model& model = *policy_.model;
  const std::size_t first = second - 1;
  const Sentence& a = sentences[first];
  const Sentence& b = sentences[second];
  const auto& labels = model.labels();
  settled_.assign(labels.size(), 0);
  for (auto it = findings.rbegin(); it != findings.rend() && it->sentence >= first; ++it) {
    for (std::size_t label = 0; label < labels.size(); ++label) {
      if (policy_.label_categories[label] == it->category) settled_[label] = 1;
    }
  }
  if (!pair_worth_scoring(previous_best_, scores_.best, settled_)) return;

  const std::string_view pair_text = joined(a.normalized_text, b.normalized_text);
  const std::size_t offset = b.normalized.begin - a.normalized.begin;
  pair_hits_.assign(previous_hits_.begin(), previous_hits_.end());
  for (const CategoryHit& hit : second_hits) {
    pair_hits_.push_back({hit.category, {hit.span.begin + offset, hit.span.end + offset}});
  }
  // The original text of both sentences, as training scored a two-sentence record.
  const double compound = sentiment_.score(joined(a.text, b.text), sentiment_scratch_).compound;
  gained_.clear();
  score_sentence_pair(model, pair_text, previous_tokens_, scores_.tokens, pair_hits_, compound,
                      previous_best_, scores_.best, pair_scores_, gained_);
  const ByteSpan whole{0, pair_text.size()};
  for (const std::size_t label : gained_) {
    const float probability = pair_scores_.best[label];
    const auto category = policy_.label_categories[label];
    ModelOutcome outcome = !category || settled_[label]                ? ModelOutcome::already_found
                           : probability < policy_.alone_floors[label] ? ModelOutcome::below_floor
                                                                       : ModelOutcome::finding;
    if (outcome == ModelOutcome::finding && policy_.misconduct[label] &&
        (attributor_.actor_of(a.normalized_text, context_) == Actor::customer ||
         attributor_.actor_of(b.normalized_text, context_) == Actor::customer)) {
      outcome = ModelOutcome::customers_own;
    }
    if (trace) {
      ModelDecision d;
      d.sentence = second;
      d.with_previous = true;
      d.label = labels[label];
      d.at = {first, whole};
      d.probability = probability;
      d.threshold = model.thresholds()[label];
      d.alone_floor = policy_.alone_floors[label];
      d.bias = model.bias(label);
      d.outcome = outcome;
      d.features = explain(pair_text, whole, pair_hits_, compound, label, trace->top_features);
      trace->model.push_back(std::move(d));
    }
    if (outcome != ModelOutcome::finding) continue;
    Finding finding;
    finding.category = *category;
    finding.sources = {"model:" + labels[label]};
    finding.confidence = probability;
    finding.speaker = speaker;
    finding.sentence = second;
    finding.at = {first, whole};
    findings.push_back(std::move(finding));
  }
}

}  // namespace conduct
