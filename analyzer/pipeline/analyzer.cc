#include "pipeline/analyzer.h"

#include <optional>
#include <span>

#include "classify/extras.h"
#include "classify/model_findings.h"
#include "lexicon/rule_findings.h"
#include "score/recap.h"

namespace conduct {
namespace {

// Conduct told across two sentences is narrated: a promise and, next, its
// failure; a question and, next, the silence. Accounts and customer turns
// tell such stories; an agent turn does not narrate the agent's own conduct.
bool narrated(const Turn& turn) {
  return turn.reg == Register::report || turn.role == Role::customer;
}

// The policy's required lines: one said where required is compliance, so a
// `scripted` finding on its sentence is dropped; one missing is a finding of
// the line's category, quoted at the first sentence where it was due.
void check_required_lines(Analysis& analysis, const Resources& resources) {
  if (!resources.required_lines || resources.required_lines->empty()) return;
  analysis.required_lines = resources.required_lines->check(analysis.sentences, analysis.document);
  for (const RequiredLineCheck& check : analysis.required_lines) {
    const RequiredLine& line = resources.policy->required[check.line];
    const EvidenceSpan at{check.sentence, check.normalized};
    analysis.required_line_evidence.push_back(evidence_for(analysis, at));
    const Turn& turn = analysis.document.turns[analysis.sentences[check.sentence].turn];
    if (check.said) {
      std::erase_if(analysis.findings, [&](const Finding& finding) {
        return finding.category == Category::scripted && finding.sentence == check.sentence;
      });
      continue;
    }
    Finding missing;
    missing.category = line.category;
    missing.actor = turn.role == Role::agent ? Actor::agent : Actor::company;
    missing.sources = {"policy:required." + line.name};
    missing.confidence = line.confidence;
    missing.speaker = turn.speaker;
    missing.sentence = check.sentence;
    missing.at = at;
    missing.evidence = analysis.required_line_evidence.back();
    analysis.findings.push_back(std::move(missing));
  }
}

// Each sentence read by the sentiment model, with the same tokens its
// training saw (the normalized text and the VADER compound's bin).
void read_moods(Analysis& analysis, const Model& model) {
  analysis.sentence_mood.reserve(analysis.sentences.size());
  FeatureVector scratch;
  std::vector<float> probabilities;
  std::vector<std::string_view> views;
  for (std::size_t s = 0; s < analysis.sentences.size(); ++s) {
    const auto extras =
        sentence_extras(model.features(), {}, analysis.sentence_sentiment[s].compound);
    views.assign(extras.begin(), extras.end());
    model.predict(analysis.sentences[s].normalized_text, views, scratch, probabilities);
    std::array<float, 3> mood{};
    for (std::size_t l = 0; l < 3 && l < probabilities.size(); ++l) mood[l] = probabilities[l];
    analysis.sentence_mood.push_back(mood);
  }
}

}  // namespace

Result<Analyzer> Analyzer::load(const ResourcePaths& paths) {
  auto resources = Resources::load(paths);
  if (!resources) return resources.error();
  return Analyzer(std::make_shared<const Resources>(std::move(resources).value()));
}

Analyzer::Analyzer(std::shared_ptr<const Resources> resources) : resources_(std::move(resources)) {}

Analysis Analyzer::analyze(Document document, Trace* trace) const {
  const Resources& resources = *resources_;
  Analysis analysis = segment_document(std::move(document));
  const std::span<const Sentence> sentences = analysis.sentences;
  analysis.sentence_sentiment.reserve(sentences.size());
  // Scratch buffers reused across the document's sentences: no allocation
  // per sentence once they have grown.
  SentimentScratch sentiment_scratch;
  for (const Sentence& sentence : sentences) {
    analysis.sentence_sentiment.push_back(
        resources.sentiment->score(sentence.text, sentiment_scratch));
  }
  if (resources.sentiment_model) read_moods(analysis, *resources.sentiment_model);

  RuleFindings rule_findings(*resources.lexicon, analysis.document);
  std::optional<ModelFindings> model_findings;
  if (resources.model) {
    model_findings.emplace(resources.model_findings, *resources.sentiment, *resources.attributor);
  }
  std::vector<RuleHit> hits;
  std::vector<CategoryHit> category_hits;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Turn& turn = analysis.document.turns[sentences[s].turn];
    hits.clear();
    // Suppressed hits too: the trace shows them, and one that a counted hit
    // of the same rule replaces keeps its place, with or without a trace.
    resources.lexicon->match(sentences[s].normalized_text, {turn.reg, turn.role}, hits, true);
    // The customer's own quoted words are never the company's misconduct.
    resources.attributor->mark_customers_words(sentences[s].normalized_text, {turn.reg, turn.role},
                                               resources.lexicon->categories(), hits);
    rule_findings.add_sentence(sentences, s, turn.speaker, hits, analysis.findings, category_hits,
                               trace);
    if (model_findings) {
      model_findings->add_sentence(sentences, s, turn.speaker,
                                   analysis.sentence_sentiment[s].compound, narrated(turn),
                                   {turn.reg, turn.role}, category_hits, analysis.findings, trace);
    }
  }
  rule_findings.finish(sentences, analysis.findings, trace);
  for (Finding& finding : analysis.findings) {
    finding.evidence = evidence_for(analysis, finding.at);
    // Whose conduct: churn is the customer's intent; the rest is the company
    // side's, said by the agent in an agent turn or told by the customer.
    const Turn& turn = analysis.document.turns[sentences[finding.sentence].turn];
    finding.actor = finding.category == Category::churn_risk                   ? Actor::customer
                    : turn.reg == Register::speech && turn.role == Role::agent ? Actor::agent
                                                                               : Actor::company;
  }

  check_required_lines(analysis, resources);

  analysis.sentence_is_recap = resources.recap->mark(analysis.sentences);
  for (Finding& finding : analysis.findings) {
    finding.recap = analysis.sentence_is_recap[finding.sentence];
  }
  analysis.stated = resources.stated->read(analysis.sentences, analysis.document);
  analysis.adjustments = suggest_adjustments(analysis.findings, *resources.policy);
  analysis.points = total_points(analysis.adjustments);
  std::vector<double> turn_sentiment(analysis.document.turns.size());
  for (std::size_t t = 0; t < turn_sentiment.size(); ++t)
    turn_sentiment[t] = turn_score(analysis, t);
  analysis.call_metrics = measure_call(analysis.document.turns, turn_sentiment);
  if (trace) {
    for (std::size_t a = 0; a < analysis.adjustments.size(); ++a) {
      const Category category = analysis.adjustments[a].category;
      const CategoryPolicy& line = resources.policy->of(category);
      trace->adjustments.push_back(
          {a, category, line.points, line.cap, line.count_repeats, resources.policy_version});
    }
  }
  return analysis;
}

}  // namespace conduct
