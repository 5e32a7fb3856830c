#include "report/json_report.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "core/finding.h"
#include "normalize/normalizer.h"
#include "read/encoding.h"
#include "report/json_writer.h"
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
    for (std::size_t s : analysis.sentences_of(t)) values.push_back(sentence_score(analysis, s));
  }
  return values;
}

// The "speakers" object, one member per speaker label in order of first
// appearance; sets `customer_shift`, the customer's change of sentiment.
void write_speakers(JsonWriter& out, const Analysis& analysis,
                    std::optional<double>& customer_shift) {
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
  out.begin_object();
  std::vector<std::size_t> customer_turns;
  for (const std::string& speaker : order) {
    const auto& indices = turns_of[speaker];
    const Turn& first = turns[indices.front()];
    if (first.role == Role::customer)
      customer_turns.insert(customer_turns.end(), indices.begin(), indices.end());
    const auto values = trajectory(analysis, indices);
    out.member(speaker,
               Json{{"role", std::string(to_string(first.role))},
                    {"role_confidence", round_to(first.role_confidence, 2)},
                    {"turns", runs[speaker]},
                    {"sentiment", trend_json(summarize(values), !analysis.sentence_mood.empty())}});
  }
  out.end();
  if (!customer_turns.empty()) {
    std::sort(customer_turns.begin(), customer_turns.end());
    const auto values = trajectory(analysis, customer_turns);
    if (!values.empty()) {
      const SentimentTrend trend = summarize(values);
      customer_shift = round_to(trend.end - trend.start, 4);
    }
  }
}

// VADER's scores and, when a sentiment model is loaded, its reading.
Json sentiment_with_mood(const SentimentScores& scores, const std::array<float, 3>* mood) {
  Json sentiment = sentiment_json(scores);
  if (mood != nullptr) sentiment["model"] = mood_json(*mood);
  return sentiment;
}

// The detailed "turns" array: each turn with its text, its mean sentiment
// and its sentences, written element by element (a document of call notes
// is one turn of a million sentences).
void write_turns(JsonWriter& out, const Analysis& analysis) {
  const bool moods = !analysis.sentence_mood.empty();
  out.begin_array();
  const auto& turns = analysis.document.turns;
  for (std::size_t t = 0; t < turns.size(); ++t) {
    const Turn& turn = turns[t];
    out.begin_object();
    out.string_member("speaker", turn.speaker);
    out.string_member("role", to_string(turn.role));
    if (turn.begin_ms) out.member("begin_ms", *turn.begin_ms);
    if (turn.end_ms) out.member("end_ms", *turn.end_ms);
    out.string_member("text", turn.text);
    out.member("start", turn.start);
    out.member("end", turn.end);
    out.member("line", turn.line);
    if (!turn.source.empty()) out.string_member("source", turn.source);
    SentimentScores mean;
    std::array<float, 3> mean_mood{};
    const auto indices = analysis.sentences_of(t);
    for (std::size_t s : indices) {
      const SentimentScores& scores = analysis.sentence_sentiment[s];
      mean.neg += scores.neg, mean.neu += scores.neu, mean.pos += scores.pos;
      mean.compound += scores.compound;
      if (moods) {
        for (std::size_t l = 0; l < 3; ++l) mean_mood[l] += analysis.sentence_mood[s][l];
      }
    }
    if (!indices.empty()) {
      const double n = static_cast<double>(indices.size());
      mean.neg /= n, mean.neu /= n, mean.pos /= n, mean.compound /= n;
      for (float& p : mean_mood) p /= static_cast<float>(n);
    }
    out.member("sentiment",
               sentiment_with_mood(mean, moods && !indices.empty() ? &mean_mood : nullptr));
    out.key("sentences");
    out.begin_array();
    for (std::size_t s : indices) {
      const Sentence& sentence = analysis.sentences[s];
      out.begin_object();
      out.string_member("text", sentence.text);
      out.member("start", sentence.original.begin);
      out.member("end", sentence.original.end);
      out.member("line", sentence.line);
      out.member("sentiment", sentiment_with_mood(analysis.sentence_sentiment[s],
                                                  moods ? &analysis.sentence_mood[s] : nullptr));
      out.end();
    }
    out.end();
    out.end();
  }
  out.end();
}

// Writes the result record's members in order, inside an object the caller
// opened, the large arrays element by element; returns the keys written
// (passed-through fields never replace them).
std::vector<std::string_view> write_members(JsonWriter& out, const Analysis& analysis,
                                            const SourceInfo& source, const Resources& resources,
                                            const ReportOptions& options) {
  std::vector<std::string_view> keys;
  auto key = [&](std::string_view name) {
    keys.push_back(name);
    out.key(name);
  };
  auto member = [&](std::string_view name, Json value) {
    key(name);
    out.value(std::move(value));
  };
  member("schema", "conduct/1");
  member("id", escape_invalid_utf8(analysis.document.id));
  member("source", source_json(source));
  std::optional<double> customer_shift;
  key("speakers");
  write_speakers(out, analysis, customer_shift);
  member("customer_shift", customer_shift ? Json(*customer_shift) : Json(nullptr));
  if (!analysis.document.warnings.empty()) member("warnings", analysis.document.warnings);
  key("findings");
  out.begin_array();
  for (const Finding& finding : analysis.findings)
    out.value(finding_json(finding, resources.policy->names));
  out.end();
  member("adjustments", adjustments_to_json(analysis.adjustments, resources.policy->names));
  member("points", analysis.points);
  member("stated", stated_to_json(analysis.stated));
  if (analysis.call_metrics) member("call_metrics", call_metrics_to_json(*analysis.call_metrics));
  if (!analysis.required_lines.empty()) {
    key("required_lines");
    out.begin_array();
    for (std::size_t i = 0; i < analysis.required_lines.size(); ++i) {
      const RequiredLineCheck& check = analysis.required_lines[i];
      const RequiredLine& line = resources.policy->required[check.line];
      Json item{{"name", line.name}, {"said", check.said}};
      if (!check.said) item["reason"] = line.reason;
      item["evidence"] = evidence_json(analysis.required_line_evidence[i]);
      out.value(std::move(item));
    }
    out.end();
  }
  member("versions", Json{{"conduct", CONDUCT_VERSION},
                          {"lexicons", resources.lexicon_version},
                          {"model", resources.model_version},
                          {"sentiment_model", resources.sentiment_model_version},
                          {"policy", resources.policy_version}});
  if (options.detail) {
    key("turns");
    write_turns(out, analysis);
  }
  return keys;
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
  JsonTreeWriter tree;
  tree.begin_object();
  write_members(tree, analysis, source, resources, options);
  tree.end();
  return tree.take();
}

void write_result_record(const Analysis& analysis, const SourceInfo& source,
                         const Resources& resources, const ReportOptions& options, int indent,
                         const std::function<void(std::string_view piece)>& write) {
  std::string buffer;
  JsonTextWriter out(buffer, indent, write);
  out.begin_object();
  const std::vector<std::string_view> ours =
      write_members(out, analysis, source, resources, options);
  // JSON Lines fields pass through untouched, as the record wrote them, after
  // ours and never overriding them.
  for (const PassthroughField& field : analysis.document.passthrough) {
    if (std::find(ours.begin(), ours.end(), field.key) != ours.end()) continue;
    out.raw_member(field.key, field.json);
  }
  out.end();
}

void check_result_record(const Analysis& analysis, const SourceInfo& source,
                         const Resources& resources, const ReportOptions& options) {
  write_result_record(analysis, source, resources, ReportOptions{}, -1, [](std::string_view) {});
  if (!options.detail) return;
  // The turns, in the order they are written; a sentence's text is a part of
  // its turn's, cut between characters.
  std::string scratch;
  for (const Turn& turn : analysis.document.turns) {
    for (const std::string_view text : {std::string_view(turn.speaker), std::string_view(turn.text),
                                        std::string_view(turn.source)}) {
      scratch.clear();
      if (!is_valid_utf8(text)) append_json_string(scratch, text);  // throws as dump throws
    }
  }
}

std::string result_record_text(const Analysis& analysis, const SourceInfo& source,
                               const Resources& resources, const ReportOptions& options,
                               int indent) {
  std::string text;
  write_result_record(analysis, source, resources, options, indent,
                      [&text](std::string_view piece) { text += piece; });
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
