// Hand-written records, valid and invalid, checked with tools/validate-output
// against schema/conduct-1.schema.json; the score module's own JSON
// (adjustments, stated points) is embedded so the schema is checked against
// what the code writes.
#include <gtest/gtest.h>

#include "report/score_json.h"
#include "score/adjustments.h"
#include "score/call_metrics.h"
#include "score/stated.h"
#include "sentence_fixture.h"
#include "validate_output.h"

namespace conduct {
namespace {

using Json = nlohmann::ordered_json;
using testing::validate_records;

const char* kSha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

Json source() {
  return Json{{"path", "notes/a.txt"}, {"format", "notes"}, {"bytes", 120}, {"sha256", kSha}};
}

Json result_record() {
  testing::NotesFixture notes("Nobody called back. They are now at -4 points. Deduct 1 point.");
  Finding finding;
  finding.category = Category::unresponsive;
  Policy policy;
  policy.categories[static_cast<int>(Category::unresponsive)] = {-3, 0, false, "not returned", {}};
  finding.confidence = 0.9;
  const std::vector<Finding> findings = {finding};
  Json record;
  record["schema"] = "conduct/1";
  record["id"] = "a.txt";
  record["source"] = source();
  record["speakers"] =
      Json{{"author", Json{{"role", "customer"},
                           {"turns", 1},
                           {"sentiment", {{"mean", -0.41}, {"start", -0.2}, {"end", -0.6}}}}}};
  record["customer_shift"] = -0.4;
  record["findings"] = Json::array({Json{
      {"category", "unresponsive"},
      {"source", "rule:unresponsive.no_callback"},
      {"sources", {"rule:unresponsive.no_callback", "model:unresponsive"}},
      {"confidence", 0.9},
      {"speaker", "author"},
      {"actor", "company"},
      {"evidence", {{"text", "Nobody called back."}, {"start", 0}, {"end", 19}, {"line", 1}}}}});
  const auto adjustments = suggest_adjustments(findings, policy);
  record["adjustments"] = adjustments_to_json(adjustments, CategoryTable());
  record["points"] = total_points(adjustments);
  record["stated"] = stated_to_json(StatedPointsReader().read(notes.sentences, notes.document));
  record["versions"] =
      Json{{"conduct", "0.1.0"}, {"lexicons", "abc"}, {"model", "def"}, {"policy", "123"}};
  return record;
}

TEST(SchemaTest, ValidRecordsOfEveryKind) {
  Json result = result_record();
  EXPECT_EQ(result["stated"]["balances"].dump(), "[-4]");
  EXPECT_EQ(result["stated"]["adjustments"].dump(), "[-1]");
  EXPECT_EQ(result["points"], -3);

  Json passthrough = result_record();
  passthrough["source"]["format"] = "jsonl";
  passthrough["source"]["record"] = 3;
  passthrough["customer_shift"] = nullptr;
  passthrough["ticket"] = Json{{"queue", "billing"}};  // a JSON Lines field passed through
  passthrough["findings"][0]["recap"] = true;
  passthrough["findings"][0]["evidence"]["source"] = "/turns/2/text";
  passthrough["findings"][0]["evidence"]["begin_ms"] = 1500;
  passthrough["turns"] = Json::array({Json{
      {"speaker", "Agent"},
      {"role", "agent"},
      {"begin_ms", 500},
      {"end_ms", 5100},
      {"text", "Hello."},
      {"start", 0},
      {"end", 6},
      {"line", 0},
      {"source", "/turns/0/text"},
      {"sentiment", {{"neg", 0.0}, {"neu", 1.0}, {"pos", 0.0}, {"compound", 0.0}}},
      {"sentences",
       Json::array({Json{
           {"text", "Hello."},
           {"start", 0},
           {"end", 6},
           {"line", 0},
           {"sentiment", {{"neg", 0.0}, {"neu", 1.0}, {"pos", 0.0}, {"compound", 0.0}}}}})}}});

  const Json error{
      {"schema", "conduct/1"},
      {"id", "b.txt"},
      {"source", source()},
      {"error", {{"code", "invalid_utf8"}, {"message", "invalid UTF-8 at byte 12"}, {"line", 2}}}};
  const Json round{{"schema", "conduct/1"},
                   {"kind", "ledger_round"},
                   {"round", 1},
                   {"id", "a.txt"},
                   {"source", source()},
                   {"date", nullptr},
                   {"findings", result["findings"]},
                   {"adjustments", result["adjustments"]},
                   {"points", -3},
                   {"opening", -17},
                   {"balance", -20},
                   {"stated", result["stated"]},
                   {"stated_balance", -20},
                   {"difference", 0}};
  const Json total{{"schema", "conduct/1"},
                   {"kind", "ledger_total"},
                   {"rounds", 1},
                   {"failed", 0},
                   {"order", "given"},
                   {"opening", -17},
                   {"opening_from", "option"},
                   {"points", -3},
                   {"balance", -20},
                   {"stated_balance", -20},
                   {"difference", 0}};
  const auto validation = validate_records({result, passthrough, error, round, total}, "valid");
  EXPECT_EQ(validation.exit_status, 0) << validation.output;
  EXPECT_EQ(validation.output, "5 records valid\n");
}

TEST(SchemaTest, InvalidRecordsAreNamedWithTheirRecordNumber) {
  Json bad_category = result_record();
  bad_category["findings"][0]["category"] = "Rude!";
  Json bad_points = result_record();
  bad_points["adjustments"][0]["points"] = -2.5;
  bad_points["findings"][0]["actor"] = "the rep";
  Json missing_stated = result_record();
  missing_stated.erase("stated");
  const Json bad_error{{"schema", "conduct/1"},
                       {"id", "b.txt"},
                       {"source", source()},
                       {"error", {{"code", "Bad Code"}, {"message", "x"}}}};
  const Json bad_total{{"schema", "conduct/1"}, {"kind", "ledger_total"}, {"rounds", 1}};
  const auto validation = validate_records(
      {result_record(), bad_category, bad_points, missing_stated, bad_error, bad_total}, "invalid");
  EXPECT_EQ(validation.exit_status, 1);
  const std::string& out = validation.output;
  EXPECT_NE(out.find(":2: record 2: /findings/0/category: 'Rude!' does not match"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(":3: record 3: /adjustments/0/points: -2.5 is not of type 'integer'"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(":3: record 3: /findings/0/actor: 'the rep' is not one of"), std::string::npos)
      << out;
  EXPECT_NE(out.find(":4: record 4: /: 'stated' is a required property"), std::string::npos) << out;
  EXPECT_NE(out.find(":5: record 5: /error/code: 'Bad Code' is not one of"), std::string::npos)
      << out;
  EXPECT_NE(out.find(":6: record 6: /: 'failed' is a required property"), std::string::npos) << out;
  EXPECT_EQ(out.find("record 1:"), std::string::npos) << out;
  EXPECT_NE(out.find("5 of 6 records invalid\n"), std::string::npos) << out;
}

// A timed call with a long silence, an interruption and an empty quarter,
// written as the result record writes it.
Json call_metrics_json() {
  auto turn = [](std::string speaker, Role role, std::int64_t begin, std::int64_t end,
                 std::string text) {
    Turn out;
    out.speaker = std::move(speaker);
    out.role = role;
    out.begin_ms = begin;
    out.end_ms = end;
    out.text = std::move(text);
    return out;
  };
  const std::vector<Turn> turns = {
      turn("Agent", Role::agent, 0, 4000, "Hello, how can I help?"),
      turn("Customer", Role::customer, 4500, 10000, "My card was charged twice last month."),
      turn("Agent", Role::agent, 9000, 12000, "I see, let me check."),
      turn("Customer", Role::customer, 16000, 18000, "Thanks."),
      turn("Agent", Role::agent, 18200, 20000, "Done.")};
  const auto call = measure_call(turns, std::vector<double>{0.5, -0.4, 0.2, 0.6, 0.33333});
  EXPECT_TRUE(call.has_value());
  return call ? call_metrics_to_json(*call) : Json();
}

TEST(SchemaTest, CallMetricsAreWrittenInMillisecondsWithRoundedRates) {
  const Json call = call_metrics_json();
  EXPECT_EQ(call["silence"].dump(),
            R"({"total_ms":4700,"long_threshold_ms":3000,"long_total_ms":4000,)"
            R"("long":[{"begin_ms":12000,"end_ms":16000,"duration_ms":4000}],)"
            R"("longest":{"begin_ms":12000,"end_ms":16000,"duration_ms":4000}})");
  EXPECT_EQ(call["interruptions"].dump(),
            R"({"count":1,"total_ms":1000,"min_overlap_ms":500,"list":[)"
            R"({"by":"Agent","by_role":"agent","of":"Customer","of_role":"customer","at_ms":9000,)"
            R"("overlap_ms":1000}]})");
  // 8800 / 16300 = 0.53987..., 11 words in 8.8 s, (0.33333) to 4 decimals.
  EXPECT_EQ(call["roles"]["agent"].dump(),
            R"({"talk_ms":8800,"share":0.5399,"words":11,"words_per_minute":75.0,"turns":3,)"
            R"("interruptions":1,"sentiment_by_quarter":[0.5,null,0.2,0.3333]})");
  EXPECT_EQ(call["speakers"]["Customer"]["role"], "customer");
}

TEST(SchemaTest, CallMetricsAreValidAndClosed) {
  Json with_metrics = result_record();
  with_metrics["call_metrics"] = call_metrics_json();
  const auto valid = validate_records({with_metrics}, "call_metrics_valid");
  EXPECT_EQ(valid.exit_status, 0) << valid.output;

  Json three_quarters = with_metrics;
  three_quarters["call_metrics"]["roles"]["agent"]["sentiment_by_quarter"].erase(0);
  Json unknown_role = with_metrics;
  unknown_role["call_metrics"]["roles"]["manager"] = with_metrics["call_metrics"]["roles"]["agent"];
  Json no_speaker_role = with_metrics;
  no_speaker_role["call_metrics"]["speakers"]["Agent"].erase("role");
  Json stray_field = with_metrics;
  stray_field["call_metrics"]["speakers"]["Agent"]["talk_time"] = 1;
  const auto validation = validate_records(
      {with_metrics, three_quarters, unknown_role, no_speaker_role, stray_field}, "call_metrics");
  EXPECT_EQ(validation.exit_status, 1);
  const std::string& out = validation.output;
  EXPECT_NE(out.find(":2: record 2: /call_metrics/roles/agent/sentiment_by_quarter: "),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(":3: record 3: /call_metrics/roles: 'manager' is not one of"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(":4: record 4: /call_metrics/speakers/Agent: 'role' is a required property"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(":5: record 5: /call_metrics/speakers/Agent: Unevaluated properties"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("4 of 5 records invalid\n"), std::string::npos) << out;
}

TEST(SchemaTest, NotJsonAndEmptyInputFail) {
  const auto not_json = testing::validate_jsonl("{\"schema\": \"conduct/1\"\n", "notjson");
  EXPECT_EQ(not_json.exit_status, 1);
  EXPECT_NE(not_json.output.find(":1: record 1: not JSON"), std::string::npos) << not_json.output;
  const auto empty = testing::validate_jsonl("", "empty");
  EXPECT_EQ(empty.exit_status, 1);
  EXPECT_EQ(empty.output, "no records to validate\n");
}

}  // namespace
}  // namespace conduct
