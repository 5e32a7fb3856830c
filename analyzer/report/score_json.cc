#include "report/score_json.h"

#include <algorithm>

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

}  // namespace

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
