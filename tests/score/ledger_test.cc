#include "score/ledger.h"

#include <gtest/gtest.h>

#include "report/score_json.h"
#include "validate_output.h"

namespace conduct {
namespace {

using Json = nlohmann::ordered_json;

StatedValue stated_at(int value, std::size_t start, std::size_t line) {
  StatedValue out;
  out.value = value;
  out.evidence.text = std::to_string(value) + " points";
  out.evidence.start = start;
  out.evidence.end = start + out.evidence.text.size();
  out.evidence.line = line;
  return out;
}

// A round with one counted finding at `finding_start` and the given points.
LedgerEntry entry(std::string id, int points, std::size_t finding_start,
                  std::optional<std::string> date = std::nullopt) {
  LedgerEntry out;
  out.id = std::move(id);
  out.source =
      Json{{"path", out.id}, {"format", "notes"}, {"bytes", 10}, {"sha256", std::string(64, 'a')}};
  out.date = std::move(date);
  Finding finding;
  finding.category = points < 0 ? Category::unresponsive : Category::resolved;
  finding.confidence = 0.9;
  finding.speaker = "author";
  finding.evidence.text = "No reply\nafter days.";
  finding.evidence.start = finding_start;
  finding.evidence.end = finding_start + finding.evidence.text.size();
  finding.evidence.line = 3;
  out.findings.push_back(finding);
  out.findings_json = Json::array({Json{{"category", std::string(to_string(finding.category))},
                                        {"source", "rule:test.rule"},
                                        {"confidence", 0.9},
                                        {"speaker", "author"},
                                        {"actor", "company"},
                                        {"evidence",
                                         {{"text", finding.evidence.text},
                                          {"start", finding.evidence.start},
                                          {"end", finding.evidence.end},
                                          {"line", 3}}}}});
  out.adjustments.push_back(Adjustment{finding.category, points, {0}, "test reason"});
  return out;
}

TEST(LedgerTest, OpeningOptionRunsTheBalanceAndComparesStated) {
  auto first = entry("one.txt", -3, 100);
  first.stated.balances = {stated_at(-17, 10, 1), stated_at(-20, 200, 5)};
  first.stated.adjustments = {stated_at(-3, 150, 4)};
  auto second = entry("two.txt", 2, 50);
  second.stated.balances = {stated_at(-19, 90, 2)};
  const Ledger ledger = build_ledger({first, second}, -17);
  ASSERT_EQ(ledger.rounds.size(), 2u);
  EXPECT_EQ(ledger.opening_from, OpeningFrom::option);
  EXPECT_EQ(ledger.rounds[0].opening, -17);
  EXPECT_EQ(ledger.rounds[0].balance, -20);
  EXPECT_EQ(ledger.rounds[0].stated_balance, -20);
  EXPECT_EQ(ledger.rounds[0].difference, 0);
  EXPECT_EQ(ledger.rounds[1].opening, -20);
  EXPECT_EQ(ledger.rounds[1].balance, -18);
  EXPECT_EQ(ledger.rounds[1].difference, 1);
  EXPECT_EQ(ledger.points, -1);
  EXPECT_EQ(ledger.balance, -18);
  EXPECT_EQ(ledger.stated_balance, -19);
  EXPECT_EQ(ledger.difference, 1);
  const Json total = ledger_total_json(ledger);
  EXPECT_EQ(
      total.dump(),
      R"({"schema":"conduct/1","kind":"ledger_total","rounds":2,"failed":0,"order":"given","opening":-17,"opening_from":"option","points":-1,"balance":-18,"stated_balance":-19,"difference":1})");
  const Json round = ledger_round_json(ledger.rounds[0], CategoryTable());
  EXPECT_EQ(round["adjustments"].dump(),
            R"([{"category":"unresponsive","points":-3,"findings":[0],"reason":"test reason"}])");
  EXPECT_EQ(round["stated"]["balances"].dump(), "[-17,-20]");
  const auto validation = testing::validate_records(
      {round, ledger_round_json(ledger.rounds[1], CategoryTable()), total}, "ledger");
  EXPECT_EQ(validation.exit_status, 0) << validation.output;
  EXPECT_EQ(validation.output, "3 records valid\n");
}

TEST(LedgerTest, StatedBalanceBeforeAnyAdjustmentIsTheOpening) {
  auto first = entry("one.txt", -3, 100);
  first.stated.balances = {stated_at(-17, 10, 1), stated_at(-20, 200, 5)};
  const Ledger ledger = build_ledger({first}, std::nullopt);
  EXPECT_EQ(ledger.opening_from, OpeningFrom::stated);
  EXPECT_EQ(ledger.opening, -17);
  EXPECT_EQ(ledger.balance, -20);
  EXPECT_EQ(ledger.difference, 0);
  EXPECT_EQ(ledger_total_json(ledger)["opening_from"], "stated");
}

TEST(LedgerTest, StatedBalanceAfterAFindingIsNotTheOpening) {
  auto first = entry("one.txt", -3, 5);  // the finding comes before the balance
  first.stated.balances = {stated_at(-20, 200, 5)};
  const Ledger after_finding = build_ledger({first}, std::nullopt);
  EXPECT_EQ(after_finding.opening_from, OpeningFrom::none);
  EXPECT_EQ(after_finding.opening, 0);
  EXPECT_EQ(after_finding.balance, -3);
  EXPECT_EQ(after_finding.difference, 17);
  auto stated_first = entry("one.txt", -3, 300);
  stated_first.stated.adjustments = {stated_at(-3, 100, 2)};
  stated_first.stated.balances = {stated_at(-20, 200, 5)};
  EXPECT_EQ(build_ledger({stated_first}, std::nullopt).opening_from, OpeningFrom::none);
  EXPECT_EQ(ledger_total_json(after_finding)["opening_from"], "default");
}

TEST(LedgerTest, RoundsFollowDatesOnlyWhenEveryDocumentHasOne) {
  const Ledger by_date =
      build_ledger({entry("b.txt", -2, 0, "2024-03-02"), entry("a.txt", -5, 0, "2024-01-15")}, 0);
  EXPECT_TRUE(by_date.by_date);
  EXPECT_EQ(by_date.rounds[0].entry.id, "a.txt");
  EXPECT_EQ(by_date.rounds[0].round, 1u);
  EXPECT_EQ(by_date.rounds[1].opening, -5);
  EXPECT_EQ(ledger_total_json(by_date)["order"], "date");
  const Ledger given =
      build_ledger({entry("b.txt", -2, 0, "2024-03-02"), entry("a.txt", -5, 0)}, 0);
  EXPECT_FALSE(given.by_date);
  EXPECT_EQ(given.rounds[0].entry.id, "b.txt");
  const Ledger empty = build_ledger({}, std::nullopt);
  EXPECT_EQ(empty.balance, 0);
  EXPECT_EQ(ledger_total_json(empty)["stated_balance"], nullptr);
}

TEST(LedgerTest, TableIsAligned) {
  auto first = entry("one.txt", -3, 100);
  first.stated.balances = {stated_at(-20, 200, 5)};
  const std::string table =
      ledger_table(build_ledger({first, entry("two.txt", 2, 0)}, -17), CategoryTable());
  EXPECT_EQ(table,
            "round   id        date        opening   points  balance   stated     diff\n"
            "1       one.txt   -               -17       -3      -20      -20        0\n"
            "        -3 unresponsive: test reason (line 3: \"No reply after days.\")\n"
            "2       two.txt   -               -20       +2      -18        -        -\n"
            "        +2 resolved: test reason (line 3: \"No reply after days.\")\n"
            "total   2 rounds  as given        -17       -1      -18        -        -\n"
            "        opening from --opening\n");
}

}  // namespace
}  // namespace conduct
