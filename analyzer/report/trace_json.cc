#include "report/trace_json.h"

#include "read/encoding.h"
#include "report/json_report.h"
#include "report/score_json.h"

namespace conduct {
namespace {

using Json = nlohmann::ordered_json;

Json rule_json(const Analysis& analysis, const RuleDecision& d, const CategoryTable& names) {
  const Evidence evidence = evidence_for(analysis, {d.sentence, d.span});
  Json r;
  r["id"] = d.rule;
  r["category"] = names.name(d.category);
  r["confidence"] = d.confidence;
  r["about"] = to_string(d.about);
  r["text"] = evidence.text;
  r["start"] = evidence.start;
  r["end"] = evidence.end;
  r["line"] = evidence.line;
  r["outcome"] = to_string(d.outcome);
  r["suppressed_by"] = d.guard.empty() ? Json(nullptr) : Json(d.guard);
  if (d.follow_up) {
    // The later sentence's "index"; null while no later sentence confirmed it.
    r["confirmed_by"] = d.confirmed_by ? Json(*d.confirmed_by) : Json(nullptr);
    r["counted"] = d.outcome == RuleOutcome::confirmed;
  }
  r["rule_at"] = d.rule_at;
  if (!d.reason.empty()) r["reason"] = d.reason;
  return r;
}

Json model_json(const Analysis& analysis, const ModelDecision& d) {
  const Evidence evidence = evidence_for(analysis, d.at);
  Json m;
  m["source"] = "model:" + d.label;
  m["text"] = evidence.text;
  m["start"] = evidence.start;
  m["end"] = evidence.end;
  m["probability"] = d.probability;
  m["threshold"] = d.threshold;
  m["alone_floor"] = d.alone_floor;
  m["bias"] = d.bias;
  m["with_previous"] = d.with_previous;
  m["outcome"] = to_string(d.outcome);
  auto& features = m["features"] = Json::array();
  for (const FeatureContribution& f : d.features) {
    features.push_back({{"feature", f.feature},
                        {"contribution", f.contribution},
                        {"weight", f.weight},
                        {"value", f.value}});
  }
  return m;
}

}  // namespace

Json trace_json(const Analysis& analysis, const Trace& trace, const Resources& resources) {
  Json doc;
  doc["id"] = escape_invalid_utf8(analysis.document.id);
  doc["format"] = to_string(analysis.document.format);
  auto& list = doc["sentences"] = Json::array();
  const auto rules_of = by_sentence(trace.rules, analysis.sentences.size());
  const auto model_of = by_sentence(trace.model, analysis.sentences.size());
  for (std::size_t index = 0; index < analysis.sentences.size(); ++index) {
    const Sentence& sentence = analysis.sentences[index];
    const Turn& turn = analysis.document.turns[sentence.turn];
    Json s;
    s["index"] = index;
    s["text"] = sentence.text;
    s["start"] = sentence.original.begin;
    s["end"] = sentence.original.end;
    s["line"] = sentence.line;
    s["turn"] = sentence.turn;
    s["speaker"] = turn.speaker;
    s["role"] = to_string(turn.role);
    s["register"] = to_string(turn.reg);
    auto& rules = s["rules"] = Json::array();
    for (const std::size_t d : rules_of[index]) {
      rules.push_back(rule_json(analysis, trace.rules[d], resources.policy->names));
    }
    auto& model = s["model"] = Json::array();
    for (const std::size_t d : model_of[index])
      model.push_back(model_json(analysis, trace.model[d]));
    list.push_back(std::move(s));
  }
  auto& findings = doc["findings"] = Json::array();
  for (const Finding& finding : analysis.findings)
    findings.push_back(finding_json(finding, resources.policy->names));
  Json adjustments = adjustments_to_json(analysis.adjustments, resources.policy->names);
  for (const AdjustmentDecision& d : trace.adjustments) {
    adjustments[d.adjustment]["policy"] = {{"points_each", d.points_each},
                                           {"cap", d.cap},
                                           {"count_repeats", d.count_repeats},
                                           {"version", d.policy}};
  }
  doc["adjustments"] = std::move(adjustments);
  doc["points"] = analysis.points;
  doc["lexicons"] = resources.lexicon_version;
  doc["model"] = resources.model_version;
  doc["policy"] = resources.policy_version;
  return doc;
}

}  // namespace conduct
