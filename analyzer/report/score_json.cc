#include "report/score_json.h"

#include <algorithm>
#include <cmath>

#include "report/json_members.h"

namespace conduct {
namespace {

using Json = nlohmann::ordered_json;

Json optional_int(const std::optional<int>& value) {
  return value ? Json(*value) : Json(nullptr);
}

std::string_view opening_from_name(OpeningFrom from) {
  switch (from) {
    case OpeningFrom::option:
      return "option";
    case OpeningFrom::stated:
      return "stated";
    case OpeningFrom::none:
      break;
  }
  return "default";
}

// Document order across both lists: turn, then offset.
bool before(const Evidence& a, const Evidence& b) {
  return a.turn != b.turn ? a.turn < b.turn : a.start < b.start;
}

nlohmann::ordered_json evidence_json(std::string_view kind, const StatedValue& stated) {
  nlohmann::ordered_json out;
  out["kind"] = kind;
  out["value"] = stated.value;
  out["text"] = stated.evidence.text;
  out["start"] = stated.evidence.start;
  out["end"] = stated.evidence.end;
  out["line"] = stated.evidence.line;
  if (stated.evidence.begin_ms) out["begin_ms"] = *stated.evidence.begin_ms;
  if (stated.evidence.end_ms) out["end_ms"] = *stated.evidence.end_ms;
  if (!stated.evidence.source.empty()) out["source"] = stated.evidence.source;
  return out;
}

Json rounded(const std::optional<double>& value, int decimals) {
  if (!value) return nullptr;
  const double scale = std::pow(10.0, decimals);
  return std::round(*value * scale) / scale;
}

Json silence_json(const Silence& silence) {
  return Json{{"begin_ms", silence.begin_ms},
              {"end_ms", silence.end_ms},
              {"duration_ms", silence.duration_ms()}};
}

Json participant_json(const ParticipantMetrics& metrics) {
  Json out = Json::object();
  out["talk_ms"] = metrics.talk_ms;
  out["share"] = rounded(metrics.share, 4);
  out["words"] = metrics.words;
  out["words_per_minute"] = rounded(metrics.words_per_minute, 1);
  out["turns"] = metrics.turns;
  out["interruptions"] = metrics.interruptions;
  out["sentiment_by_quarter"] = Json::array();
  for (const auto& quarter : metrics.sentiment_by_quarter)
    out["sentiment_by_quarter"].push_back(rounded(quarter, 4));
  return out;
}

}  // namespace

Json call_metrics_to_json(const CallMetrics& call) {
  Json out = Json::object();
  out["begin_ms"] = call.begin_ms;
  out["end_ms"] = call.end_ms;
  out["duration_ms"] = call.duration_ms;
  out["speech_ms"] = call.speech_ms;
  Json silence = Json::object();
  silence["total_ms"] = call.silence_ms;
  silence["long_threshold_ms"] = kLongSilenceMs;
  silence["long_total_ms"] = call.long_silence_ms;
  silence["long"] = Json::array();
  for (const Silence& gap : call.long_silences) silence["long"].push_back(silence_json(gap));
  silence["longest"] = call.longest_silence ? silence_json(*call.longest_silence) : Json(nullptr);
  out["silence"] = std::move(silence);
  Json interruptions = Json::object();
  interruptions["count"] = call.interruptions.size();
  interruptions["total_ms"] = call.interruption_ms;
  interruptions["min_overlap_ms"] = kMinInterruptionOverlapMs;
  interruptions["list"] = Json::array();
  for (const Interruption& cut : call.interruptions) {
    interruptions["list"].push_back(Json{{"by", cut.by},
                                         {"by_role", std::string(to_string(cut.by_role))},
                                         {"of", cut.of},
                                         {"of_role", std::string(to_string(cut.of_role))},
                                         {"at_ms", cut.at_ms},
                                         {"overlap_ms", cut.overlap_ms}});
  }
  out["interruptions"] = std::move(interruptions);
  Json roles = Json::object();
  for (const RoleMetrics& role : call.by_role)
    roles[std::string(to_string(role.role))] = participant_json(role.metrics);
  out["roles"] = std::move(roles);
  Json speakers = Json::object();
  for (const SpeakerMetrics& speaker : call.by_speaker) {
    Json entry = Json{{"role", std::string(to_string(speaker.role))}};
    entry.update(participant_json(speaker.metrics));
    report_detail::append_member(speakers, speaker.speaker, std::move(entry));  // distinct
  }
  out["speakers"] = std::move(speakers);
  return out;
}

nlohmann::ordered_json adjustments_to_json(const std::vector<Adjustment>& adjustments,
                                           const CategoryTable& names) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& adjustment : adjustments) {
    nlohmann::ordered_json item;
    item["category"] = names.name(adjustment.category);
    item["points"] = adjustment.points;
    item["findings"] = adjustment.findings;
    item["reason"] = adjustment.reason;
    out.push_back(std::move(item));
  }
  return out;
}

nlohmann::ordered_json stated_to_json(const StatedPoints& stated) {
  nlohmann::ordered_json out;
  out["balance"] = stated.balances.empty() ? nlohmann::ordered_json(nullptr)
                                           : nlohmann::ordered_json(stated.balances.back().value);
  out["balances"] = nlohmann::ordered_json::array();
  for (const auto& balance : stated.balances) out["balances"].push_back(balance.value);
  out["adjustments"] = nlohmann::ordered_json::array();
  for (const auto& adjustment : stated.adjustments) out["adjustments"].push_back(adjustment.value);
  // Evidence of both kinds merged in document order, so a reader can follow the tally.
  std::vector<std::pair<std::string_view, const StatedValue*>> all;
  for (const auto& balance : stated.balances) all.emplace_back("balance", &balance);
  for (const auto& adjustment : stated.adjustments) all.emplace_back("adjustment", &adjustment);
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return before(a.second->evidence, b.second->evidence);
  });
  out["evidence"] = nlohmann::ordered_json::array();
  for (const auto& [kind, value] : all) out["evidence"].push_back(evidence_json(kind, *value));
  return out;
}

Json ledger_round_json(const LedgerRound& round, const CategoryTable& names) {
  Json out = Json::object();
  out["schema"] = "conduct/1";
  out["kind"] = "ledger_round";
  out["round"] = round.round;
  out["id"] = round.entry.id;
  out["source"] = round.entry.source;
  out["date"] = round.entry.date ? Json(*round.entry.date) : Json(nullptr);
  out["findings"] = round.entry.findings_json;
  out["adjustments"] = adjustments_to_json(round.entry.adjustments, names);
  out["points"] = round.points;
  out["opening"] = round.opening;
  out["balance"] = round.balance;
  out["stated"] = stated_to_json(round.entry.stated);
  out["stated_balance"] = optional_int(round.stated_balance);
  out["difference"] = optional_int(round.difference);
  return out;
}

Json ledger_total_json(const Ledger& ledger) {
  Json out = Json::object();
  out["schema"] = "conduct/1";
  out["kind"] = "ledger_total";
  out["rounds"] = ledger.rounds.size();
  out["failed"] = ledger.failed;
  out["order"] = ledger.by_date ? "date" : "given";
  out["opening"] = ledger.opening;
  out["opening_from"] = opening_from_name(ledger.opening_from);
  out["points"] = ledger.points;
  out["balance"] = ledger.balance;
  out["stated_balance"] = optional_int(ledger.stated_balance);
  out["difference"] = optional_int(ledger.difference);
  return out;
}

}  // namespace conduct
