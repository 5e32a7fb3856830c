// The ledger of a dispute kept over several rounds (documents): each round's
// counted adjustments, the running balance, and the balance the documents
// state beside it. Pure: the command reads and analyses the documents, this
// orders the rounds and does the arithmetic and the output.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "score/adjustments.h"
#include "score/stated.h"

namespace conduct {

/// One analysed document, as the ledger needs it.
struct LedgerEntry {
  std::string id;
  /// The record's "source" object (path, format, bytes, sha256), written as is.
  nlohmann::ordered_json source = nlohmann::ordered_json::object();
  /// "YYYY-MM-DD" when the document carries a date.
  std::optional<std::string> date;
  std::vector<Finding> findings;
  /// The findings as the result record writes them (adjustments index them).
  nlohmann::ordered_json findings_json = nlohmann::ordered_json::array();
  std::vector<Adjustment> adjustments;
  StatedPoints stated;
};

/// Where the opening balance came from.
enum class OpeningFrom { option, stated, none };

struct LedgerRound {
  std::size_t round = 0;  // 1-based
  LedgerEntry entry;
  int opening = 0;
  int points = 0;
  int balance = 0;                    // opening + points
  std::optional<int> stated_balance;  // the last balance the document states
  std::optional<int> difference;      // balance - stated_balance
};

struct Ledger {
  std::vector<LedgerRound> rounds;
  bool by_date = false;  // every document carried a date
  int opening = 0;
  OpeningFrom opening_from = OpeningFrom::none;
  int points = 0;
  int balance = 0;
  std::optional<int> stated_balance;  // of the last round
  std::optional<int> difference;
  std::size_t failed = 0;  // documents that could not be analysed
};

/// Orders the rounds (as given, or by date when every entry has one; stable)
/// and runs the balance from `opening`. Without an opening, a balance the
/// first round states before any of its adjustments (stated or counted) is
/// taken as the opening ("T-Mobile is now at negative 17 points" before this
/// round's deduction); else the opening is 0. Cost: linear in the entries.
Ledger build_ledger(std::vector<LedgerEntry> entries, std::optional<int> opening);

/// An aligned text table for a terminal: one row per round, one indented line
/// per adjustment with the line and text of its first finding, and a total.
std::string ledger_table(const Ledger& ledger, const CategoryTable& names);

}  // namespace conduct
