#include "score/ledger.h"

#include <algorithm>
#include <sstream>
#include <tuple>

namespace conduct {
namespace {

// Position of evidence in document order.
std::tuple<std::size_t, std::size_t> position(const Evidence& evidence) {
  return {evidence.turn, evidence.start};
}

// The first stated balance, when it comes before every stated adjustment and
// every counted finding of the entry.
std::optional<int> opening_stated_by(const LedgerEntry& entry) {
  if (entry.stated.balances.empty()) return std::nullopt;
  const auto balance_at = position(entry.stated.balances.front().evidence);
  for (const auto& adjustment : entry.stated.adjustments) {
    if (position(adjustment.evidence) < balance_at) return std::nullopt;
  }
  for (const auto& adjustment : entry.adjustments) {
    for (std::size_t f : adjustment.findings) {
      if (f < entry.findings.size() && position(entry.findings[f].evidence) < balance_at) {
        return std::nullopt;
      }
    }
  }
  return entry.stated.balances.front().value;
}

// Appends rather than "+" + std::to_string(): GCC 12 warns (-Wrestrict) on that.
std::string signed_number(int value) {
  std::string out(value > 0 ? "+" : "");
  out += std::to_string(value);
  return out;
}

std::string optional_number(const std::optional<int>& value) {
  return value ? signed_number(*value) : std::string("-");
}

// One line of text for the table: newlines and runs of spaces folded.
std::string one_line(std::string_view text, std::size_t limit) {
  std::string out;
  for (char c : text) {
    const char shown = (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (shown == ' ' && !out.empty() && out.back() == ' ') continue;
    out += shown;
  }
  if (out.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    out = out.substr(0, cut) + "...";
  }
  return out;
}

}  // namespace

Ledger build_ledger(std::vector<LedgerEntry> entries, std::optional<int> opening) {
  Ledger ledger;
  ledger.by_date =
      !entries.empty() && std::all_of(entries.begin(), entries.end(),
                                      [](const LedgerEntry& e) { return e.date.has_value(); });
  if (ledger.by_date) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const LedgerEntry& a, const LedgerEntry& b) { return *a.date < *b.date; });
  }
  if (opening) {
    ledger.opening = *opening;
    ledger.opening_from = OpeningFrom::option;
  } else if (!entries.empty()) {
    if (const auto stated = opening_stated_by(entries.front())) {
      ledger.opening = *stated;
      ledger.opening_from = OpeningFrom::stated;
    }
  }
  int balance = ledger.opening;
  for (auto& entry : entries) {
    LedgerRound round;
    round.round = ledger.rounds.size() + 1;
    round.opening = balance;
    round.points = total_points(entry.adjustments);
    round.balance = balance + round.points;
    if (!entry.stated.balances.empty()) {
      round.stated_balance = entry.stated.balances.back().value;
      round.difference = round.balance - *round.stated_balance;
    }
    round.entry = std::move(entry);
    balance = round.balance;
    ledger.points += round.points;
    ledger.rounds.push_back(std::move(round));
  }
  ledger.balance = balance;
  if (!ledger.rounds.empty()) {
    ledger.stated_balance = ledger.rounds.back().stated_balance;
    ledger.difference = ledger.rounds.back().difference;
  }
  return ledger;
}

std::string ledger_table(const Ledger& ledger, const CategoryTable& names) {
  const std::string rounds_label =
      std::to_string(ledger.rounds.size()) + (ledger.rounds.size() == 1 ? " round" : " rounds");
  std::size_t id_width = std::max<std::size_t>(5, rounds_label.size());
  for (const auto& round : ledger.rounds) id_width = std::max(id_width, round.entry.id.size());
  id_width = std::min<std::size_t>(id_width, 40);
  std::ostringstream out;
  auto row = [&](std::string_view first, std::string_view id, std::string_view date,
                 const std::string& opening, const std::string& points, const std::string& balance,
                 const std::string& stated, const std::string& difference) {
    out << std::left;
    out.width(6);
    out << first << "  ";
    out.width(static_cast<std::streamsize>(id_width));
    out << one_line(id, id_width) << "  ";
    out.width(10);
    out << date;
    out << std::right;
    for (const auto* cell : {&opening, &points, &balance, &stated, &difference}) {
      out << "  ";
      out.width(7);
      out << *cell;
    }
    out << '\n';
  };
  row("round", "id", "date", "opening", "points", "balance", "stated", "diff");
  for (const auto& round : ledger.rounds) {
    row(std::to_string(round.round), round.entry.id, round.entry.date.value_or("-"),
        signed_number(round.opening), signed_number(round.points), signed_number(round.balance),
        optional_number(round.stated_balance), optional_number(round.difference));
    for (const auto& adjustment : round.entry.adjustments) {
      out << "        " << signed_number(adjustment.points) << ' '
          << names.name(adjustment.category) << ": " << adjustment.reason;
      const std::size_t f = adjustment.findings.front();
      if (f < round.entry.findings.size()) {
        const Evidence& evidence = round.entry.findings[f].evidence;
        // Text formats quote a line of the file; JSON formats the turn's JSON Pointer.
        if (evidence.line > 0 || evidence.source.empty()) {
          out << " (line " << evidence.line;
        } else {
          out << " (" << evidence.source;
        }
        out << ": \"" << one_line(evidence.text, 60) << "\")";
      }
      out << '\n';
    }
  }
  const std::string opening_note =
      ledger.opening_from == OpeningFrom::option   ? "opening from --opening"
      : ledger.opening_from == OpeningFrom::stated ? "opening stated in round 1"
                                                   : "opening 0";
  row("total",
      std::to_string(ledger.rounds.size()) + (ledger.rounds.size() == 1 ? " round" : " rounds"),
      ledger.by_date ? "by date" : "as given", signed_number(ledger.opening),
      signed_number(ledger.points), signed_number(ledger.balance),
      optional_number(ledger.stated_balance), optional_number(ledger.difference));
  out << "        " << opening_note;
  if (ledger.failed > 0) out << "; " << ledger.failed << " document(s) failed, not in the balance";
  out << '\n';
  return out.str();
}

}  // namespace conduct
