// One analyzer: `explain` reports exactly the findings `analyze` makes, and a
// text gives the same findings whether it comes as a notes file, a JSON Lines
// `text` record or a one-turn record by "author".
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/analyzer.h"
#include "read/reader.h"
#include "run_command.h"
#include "test_support.h"

namespace conduct {
namespace {

using testing::run_conduct;
using testing::shared_dir;
using testing::source_dir;

// What identifies a finding: category, primary source and evidence span.
std::vector<std::string> finding_keys(const nlohmann::json& findings) {
  std::vector<std::string> keys;
  for (const auto& f : findings) {
    keys.push_back(f["category"].get<std::string>() + " " + f["source"].get<std::string>() + " " +
                   std::to_string(f["evidence"]["start"].get<std::size_t>()) + "-" +
                   std::to_string(f["evidence"]["end"].get<std::size_t>()) + " " +
                   f["evidence"].value("source", std::string()));
  }
  return keys;
}

// Every document under `root`: analyze and explain --json, record by record.
void expect_explain_agrees(const std::filesystem::path& root, std::size_t at_least) {
  const auto analyzed = run_conduct({"analyze", root.string()}).records();
  const auto explained = run_conduct({"explain", "--json", root.string()}).records();
  ASSERT_GE(analyzed.size(), at_least) << root;
  ASSERT_EQ(analyzed.size(), explained.size()) << root;
  std::size_t findings = 0;
  for (std::size_t i = 0; i < analyzed.size(); ++i) {
    const auto& a = analyzed[i];
    const auto& e = explained[i];
    ASSERT_EQ(a["id"], e["id"]) << root;
    if (a.contains("error")) {
      EXPECT_TRUE(e.contains("error")) << a["id"];
      continue;
    }
    EXPECT_EQ(finding_keys(a["findings"]), finding_keys(e["findings"])) << a["id"];
    EXPECT_EQ(a["points"], e["points"]) << a["id"];
    findings += a["findings"].size();
  }
  EXPECT_GT(findings, 0u) << root << ": no finding at all, so nothing was compared";
}

TEST(OneAnalyzer, ExplainReportsTheFindingsOfAnalyzeOnTestData) {
  expect_explain_agrees(source_dir() / "tests" / "data", 80);
}

TEST(OneAnalyzer, ExplainReportsTheFindingsOfAnalyzeOnSharedNotesAndSamples) {
  CONDUCT_REQUIRE_SHARED();
  expect_explain_agrees(shared_dir() / "eval" / "notes", 13);
  expect_explain_agrees(shared_dir() / "samples", 15);
}

struct Seen {
  std::string category;
  std::string source;
  std::size_t start;
  std::size_t end;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> seen(const Analysis& analysis) {
  std::vector<Seen> out;
  for (const Finding& f : analysis.findings) {
    out.push_back(
        {std::string(to_string(f.category)), f.sources.front(), f.evidence.start, f.evidence.end});
  }
  return out;
}

TEST(OneAnalyzer, NotesFileTextRecordAndAuthorTurnGiveTheSameFindings) {
  CONDUCT_REQUIRE_SHARED();
  auto analyzer = Analyzer::load(ResourcePaths{});
  ASSERT_TRUE(analyzer.ok()) << analyzer.error().where_message();
  std::size_t documents = 0;
  std::size_t findings = 0;
  for (const auto& entry : std::filesystem::directory_iterator(shared_dir() / "eval" / "notes")) {
    if (entry.path().extension() != ".txt") continue;
    const std::string text = testing::read_file(entry.path());
    auto notes = read_document("notes", text, Format::notes, ReadOptions{});
    ASSERT_TRUE(notes.ok()) << entry.path();
    const nlohmann::json text_record = {{"id", "record"}, {"text", text}};
    const nlohmann::json turn_record = {{"id", "turn"},
                                        {"turns", {{{"speaker", "author"}, {"text", text}}}}};
    auto as_text = read_jsonl_record(text_record.dump(), "x:1", ReadOptions{});
    auto as_turn = read_jsonl_record(turn_record.dump(), "x:2", ReadOptions{});
    ASSERT_TRUE(as_text.ok() && as_turn.ok()) << entry.path();
    EXPECT_EQ(as_turn.value().turns[0].reg, Register::report);
    const auto expected = seen(analyzer.value().analyze(std::move(notes).value()));
    EXPECT_EQ(seen(analyzer.value().analyze(std::move(as_text).value())), expected) << entry.path();
    EXPECT_EQ(seen(analyzer.value().analyze(std::move(as_turn).value())), expected) << entry.path();
    ++documents;
    findings += expected.size();
  }
  EXPECT_EQ(documents, 13u);
  EXPECT_GT(findings, 40u);
}

// A trace changes nothing: the same findings with and without it, and every
// counted rule and model finding of the result is in the trace.
TEST(OneAnalyzer, TracingChangesNoFinding) {
  CONDUCT_REQUIRE_SHARED();
  auto analyzer = Analyzer::load(ResourcePaths{});
  ASSERT_TRUE(analyzer.ok()) << analyzer.error().where_message();
  const std::string text =
      testing::read_file(shared_dir() / "samples" / "notes" / "round-four.txt");
  auto document = read_document("round-four.txt", text, Format::notes, ReadOptions{});
  ASSERT_TRUE(document.ok());
  Document copy = document.value();
  Trace trace;
  const Analysis traced = analyzer.value().analyze(std::move(document).value(), &trace);
  const Analysis plain = analyzer.value().analyze(std::move(copy));
  EXPECT_EQ(seen(traced), seen(plain));
  ASSERT_FALSE(traced.findings.empty());
  for (const Finding& finding : traced.findings) {
    for (const std::string& source : finding.sources) {
      bool in_trace = false;
      for (const RuleDecision& d : trace.rules) {
        in_trace = in_trace ||
                   ("rule:" + d.rule == source &&
                    (d.outcome == RuleOutcome::counted || d.outcome == RuleOutcome::confirmed));
      }
      for (const ModelDecision& d : trace.model) {
        in_trace =
            in_trace || ("model:" + d.label == source &&
                         (d.outcome == ModelOutcome::merged || d.outcome == ModelOutcome::finding));
      }
      EXPECT_TRUE(in_trace) << source << " of \"" << finding.evidence.text << "\"";
    }
  }
  EXPECT_EQ(trace.adjustments.size(), traced.adjustments.size());
}

}  // namespace
}  // namespace conduct
