#include "report/json_report.h"

#include <array>
#include <cmath>
#include <map>

#include "core/finding.h"
#include "read/encoding.h"
#include "report/json_members.h"
#include "report/score_json.h"

namespace conduct {
namespace {

using Json = nlohmann::ordered_json;

double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

Json source_json(const SourceInfo& source) {
  Json out = Json::object();
  out["path"] = escape_invalid_utf8(source.path);
  out["format"] = source.format ? Json(std::string(to_string(*source.format))) : Json(nullptr);
  out["bytes"] = source.bytes;
  out["sha256"] = source.sha256;
  if (source.record > 0) out["record"] = source.record;
  return out;
}

Json trend_json(const SentimentTrend& trend, bool by_model) {
  return Json{{"mean", round_to(trend.mean, 4)},
              {"start", round_to(trend.start, 4)},
              {"end", round_to(trend.end, 4)},
              {"scorer", by_model ? "model" : "vader"}};
}

// The sentiment model's reading of a sentence or a turn: the most probable
// label and the three probabilities.
Json mood_json(const std::array<float, 3>& mood) {
  static constexpr std::array<const char*, 3> kLabels = {"negative", "neutral", "positive"};
  std::size_t best = 0;
  for (std::size_t l = 1; l < 3; ++l) {
    if (mood[l] > mood[best]) best = l;
  }
  Json probabilities = Json::object();
  for (std::size_t l = 0; l < 3; ++l) probabilities[kLabels[l]] = round_to(mood[l], 4);
  return Json{{"label", kLabels[best]}, {"probabilities", std::move(probabilities)}};
}

// A speaker's trajectory is taken over turns; a speaker with fewer than three
// turns (call notes have one) is followed over its sentences instead, so that
// start and end still mean the first and last thirds of what they said.
std::vector<double> trajectory(const Analysis& analysis, const std::vector<std::size_t>& turns) {
  std::vector<double> values;
  if (turns.size() >= 3) {
    for (std::size_t t : turns) values.push_back(turn_score(analysis, t));
    return values;
  }
  for (std::size_t t : turns) {
    for (std::size_t s : analysis.turn_sentences[t]) values.push_back(sentence_score(analysis, s));
  }
  return values;
}

Json speakers_json(const Analysis& analysis, std::optional<double>& customer_shift) {
  // Speakers in order of first appearance.
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::size_t>> turns_of;
  const auto& turns = analysis.document.turns;
  for (std::size_t t = 0; t < turns.size(); ++t) {
    auto [it, inserted] = turns_of.try_emplace(turns[t].speaker);
    if (inserted) order.push_back(turns[t].speaker);
    it->second.push_back(t);
  }
  // A turn is a run of consecutive units (lines, cues, segments) by the same
  // speaker: a speaker's three cues in a row are one turn.
  std::map<std::string, std::size_t> runs;
  for (std::size_t t = 0; t < turns.size(); ++t) {
    if (t == 0 || turns[t - 1].speaker != turns[t].speaker) ++runs[turns[t].speaker];
  }
  Json out = Json::object();
  std::vector<std::size_t> customer_turns;
  for (const std::string& speaker : order) {
    const auto& indices = turns_of[speaker];
    const Turn& first = turns[indices.front()];
    if (first.role == Role::customer)
      customer_turns.insert(customer_turns.end(), indices.begin(), indices.end());
    const auto values = trajectory(analysis, indices);
    report_detail::append_member(
        out, speaker,
        Json{{"role", std::string(to_string(first.role))},
             {"role_confidence", round_to(first.role_confidence, 2)},
             {"turns", runs[speaker]},
             {"sentiment", trend_json(summarize(values), !analysis.sentence_mood.empty())}});
  }
  if (!customer_turns.empty()) {
    std::sort(customer_turns.begin(), customer_turns.end());
    const auto values = trajectory(analysis, customer_turns);
    if (!values.empty()) {
      const SentimentTrend trend = summarize(values);
      customer_shift = round_to(trend.end - trend.start, 4);
    }
  }
  return out;
}

Json turns_json(const Analysis& analysis) {
  Json out = Json::array();
  const auto& turns = analysis.document.turns;
  for (std::size_t t = 0; t < turns.size(); ++t) {
    const Turn& turn = turns[t];
    Json item = Json::object();
    item["speaker"] = turn.speaker;
    item["role"] = std::string(to_string(turn.role));
    if (turn.begin_ms) item["begin_ms"] = *turn.begin_ms;
    if (turn.end_ms) item["end_ms"] = *turn.end_ms;
    item["text"] = turn.text;
    item["start"] = turn.start;
    item["end"] = turn.end;
    item["line"] = turn.line;
    if (!turn.source.empty()) item["source"] = turn.source;
    SentimentScores mean;
    std::array<float, 3> mean_mood{};
    const bool moods = !analysis.sentence_mood.empty();
    const auto& indices = analysis.turn_sentences[t];
    Json sentences = Json::array();
    for (std::size_t s : indices) {
      const Sentence& sentence = analysis.sentences[s];
      const SentimentScores& scores = analysis.sentence_sentiment[s];
      mean.neg += scores.neg, mean.neu += scores.neu, mean.pos += scores.pos;
      mean.compound += scores.compound;
      Json sentiment = sentiment_json(scores);
      if (moods) {
        for (std::size_t l = 0; l < 3; ++l) mean_mood[l] += analysis.sentence_mood[s][l];
        sentiment["model"] = mood_json(analysis.sentence_mood[s]);
      }
      sentences.push_back(Json{{"text", std::string(sentence.text)},
                               {"start", sentence.original.begin},
                               {"end", sentence.original.end},
                               {"line", sentence.line},
                               {"sentiment", std::move(sentiment)}});
    }
    if (!indices.empty()) {
      const double n = static_cast<double>(indices.size());
      mean.neg /= n, mean.neu /= n, mean.pos /= n, mean.compound /= n;
      for (float& p : mean_mood) p /= static_cast<float>(n);
    }
    item["sentiment"] = sentiment_json(mean);
    if (moods && !indices.empty()) item["sentiment"]["model"] = mood_json(mean_mood);
    item["sentences"] = std::move(sentences);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

Json finding_json(const Finding& finding, const CategoryTable& names) {
  Json out = Json::object();
  out["category"] = std::string(names.name(finding.category));
  out["source"] = finding.sources.empty() ? std::string() : finding.sources.front();
  if (finding.sources.size() > 1) out["sources"] = finding.sources;
  out["confidence"] = round_to(finding.confidence, 4);
  out["speaker"] = finding.speaker;
  out["actor"] = std::string(to_string(finding.actor));
  if (finding.recap) out["recap"] = true;
  out["evidence"] = evidence_json(finding.evidence);
  return out;
}

Json sentiment_json(const SentimentScores& scores) {
  return Json{{"neg", round_to(scores.neg, 3)},
              {"neu", round_to(scores.neu, 3)},
              {"pos", round_to(scores.pos, 3)},
              {"compound", round_to(scores.compound, 4)}};
}

Json evidence_json(const Evidence& evidence) {
  Json out = Json::object();
  out["text"] = evidence.text;
  out["start"] = evidence.start;
  out["end"] = evidence.end;
  out["line"] = evidence.line;
  if (evidence.begin_ms) out["begin_ms"] = *evidence.begin_ms;
  if (evidence.end_ms) out["end_ms"] = *evidence.end_ms;
  if (!evidence.source.empty()) out["source"] = evidence.source;
  return out;
}

Json result_record(const Analysis& analysis, const SourceInfo& source, const Resources& resources,
                   const ReportOptions& options) {
  Json out = Json::object();
  out["schema"] = "conduct/1";
  out["id"] = escape_invalid_utf8(analysis.document.id);
  out["source"] = source_json(source);
  std::optional<double> customer_shift;
  out["speakers"] = speakers_json(analysis, customer_shift);
  out["customer_shift"] = customer_shift ? Json(*customer_shift) : Json(nullptr);
  if (!analysis.document.warnings.empty()) out["warnings"] = analysis.document.warnings;
  Json findings = Json::array();
  for (const Finding& finding : analysis.findings)
    findings.push_back(finding_json(finding, resources.policy->names));
  out["findings"] = std::move(findings);
  out["adjustments"] = adjustments_to_json(analysis.adjustments, resources.policy->names);
  out["points"] = analysis.points;
  out["stated"] = stated_to_json(analysis.stated);
  if (analysis.call_metrics) out["call_metrics"] = call_metrics_to_json(*analysis.call_metrics);
  if (!analysis.required_lines.empty()) {
    Json lines = Json::array();
    for (std::size_t i = 0; i < analysis.required_lines.size(); ++i) {
      const RequiredLineCheck& check = analysis.required_lines[i];
      const RequiredLine& line = resources.policy->required[check.line];
      Json item{{"name", line.name}, {"said", check.said}};
      if (!check.said) item["reason"] = line.reason;
      item["evidence"] = evidence_json(analysis.required_line_evidence[i]);
      lines.push_back(std::move(item));
    }
    out["required_lines"] = std::move(lines);
  }
  out["versions"] = Json{{"conduct", CONDUCT_VERSION},
                         {"lexicons", resources.lexicon_version},
                         {"model", resources.model_version},
                         {"sentiment_model", resources.sentiment_model_version},
                         {"policy", resources.policy_version}};
  if (options.detail) out["turns"] = turns_json(analysis);
  return out;
}

std::string result_record_text(const Analysis& analysis, const SourceInfo& source,
                               const Resources& resources, const ReportOptions& options,
                               int indent) {
  const Json out = result_record(analysis, source, resources, options);
  std::string text = out.dump(indent);
  // JSON Lines fields pass through untouched, as the record wrote them, after
  // ours and never overriding them. A record ends in "}" (compact) or "\n}".
  std::string fields;
  for (const PassthroughField& field : analysis.document.passthrough) {
    if (out.contains(field.key)) continue;
    fields += indent >= 0 ? ",\n" + std::string(static_cast<std::size_t>(indent), ' ') : ",";
    fields += Json(field.key).dump();
    fields += indent >= 0 ? ": " : ":";
    fields += field.json;
  }
  const std::size_t close = indent >= 0 ? text.size() - 2 : text.size() - 1;
  text.insert(close, fields);
  return text;
}

Json error_record(std::string_view id, const SourceInfo& source, const Error& error) {
  Json out = Json::object();
  out["schema"] = "conduct/1";
  // Error messages quote input (a parser's "last read" bytes, a file name):
  // escaped so that the record is valid UTF-8 whatever the input held.
  out["id"] = escape_invalid_utf8(error.record_id.empty() ? id : error.record_id);
  out["source"] = source_json(source);
  Json detail =
      Json{{"code", to_string(error.code)}, {"message", escape_invalid_utf8(error.message)}};
  if (error.line > 0) detail["line"] = error.line;
  out["error"] = std::move(detail);
  return out;
}

}  // namespace conduct
