#include "score/stated.h"

#include <gtest/gtest.h>

#include "report/score_json.h"
#include "score/number_words.h"
#include "sentence_fixture.h"
#include "test_support.h"

namespace conduct {
namespace {

using testing::NotesFixture;

std::vector<int> values(const std::vector<StatedValue>& stated) {
  std::vector<int> out;
  for (const auto& value : stated) out.push_back(value.value);
  return out;
}

std::vector<std::string> texts(const std::vector<StatedValue>& stated) {
  std::vector<std::string> out;
  for (const auto& value : stated) out.push_back(value.evidence.text);
  return out;
}

TEST(NumberWordsTest, DigitsAndWords) {
  EXPECT_EQ(parse_number("17"), 17);
  EXPECT_EQ(parse_number("Seventeen"), 17);
  EXPECT_EQ(parse_number("twenty-one"), 21);
  EXPECT_EQ(parse_number("ninety nine"), 99);
  EXPECT_EQ(parse_number("zero"), 0);
  EXPECT_EQ(parse_number("twenty"), 20);
  EXPECT_FALSE(parse_number("twelve-one"));
  EXPECT_FALSE(parse_number("12345"));
  EXPECT_FALSE(parse_number("lots"));
  EXPECT_FALSE(parse_number(""));
}

TEST(StatedPointsTest, SeedNotesStateTwoBalancesAndOneDeduction) {
  CONDUCT_REQUIRE_SHARED();
  const std::string path = testing::shared_dir() / "samples" / "notes" / "round-four.txt";
  const NotesFixture notes(testing::read_file(path));
  const StatedPoints stated = StatedPointsReader().read(notes.sentences, notes.document);
  EXPECT_EQ(values(stated.balances), (std::vector<int>{-17, -20}));
  EXPECT_EQ(values(stated.adjustments), std::vector<int>{-3});
  EXPECT_EQ(texts(stated.balances),
            (std::vector<std::string>{"negative 17 points", "negative 20 points"}));
  EXPECT_EQ(texts(stated.adjustments), std::vector<std::string>{"deduct 3 points"});
  const std::string& original = notes.document.turns[0].text;
  for (const auto* list : {&stated.balances, &stated.adjustments}) {
    for (const auto& value : *list) {
      EXPECT_EQ(original.substr(value.evidence.start, value.evidence.end - value.evidence.start),
                value.evidence.text);
      const auto newlines =
          std::count(original.begin(), original.begin() + value.evidence.start, '\n');
      EXPECT_EQ(value.evidence.line, static_cast<std::size_t>(newlines) + 1);
    }
  }
  EXPECT_EQ(stated.balances[0].evidence.line, 7u);
  EXPECT_EQ(stated.adjustments[0].evidence.line, 15u);
}

struct Phrasing {
  std::string text;
  std::vector<int> balances;
  std::vector<int> adjustments;
  std::vector<std::string> evidence;  // balances' then adjustments' evidence texts
};

class StatedPhrasingTest : public ::testing::TestWithParam<Phrasing> {};

TEST_P(StatedPhrasingTest, ReadsExactValues) {
  const Phrasing& phrasing = GetParam();
  const NotesFixture notes(phrasing.text);
  const StatedPoints stated = StatedPointsReader().read(notes.sentences, notes.document);
  EXPECT_EQ(values(stated.balances), phrasing.balances) << phrasing.text;
  EXPECT_EQ(values(stated.adjustments), phrasing.adjustments) << phrasing.text;
  auto all = texts(stated.balances);
  const auto more = texts(stated.adjustments);
  all.insert(all.end(), more.begin(), more.end());
  EXPECT_EQ(all, phrasing.evidence) << phrasing.text;
}

INSTANTIATE_TEST_SUITE_P(
    Phrasings, StatedPhrasingTest,
    ::testing::Values(
        Phrasing{"Acme is now at negative 12 points.", {-12}, {}, {"negative 12 points"}},
        Phrasing{"After that call they're at -20.", {-20}, {}, {"-20"}},
        Phrasing{"They’re at minus five points now.", {-5}, {}, {"minus five points"}},
        Phrasing{"Score: +5", {5}, {}, {"+5"}},
        Phrasing{"My running total is 4 points.", {4}, {}, {"4 points"}},
        Phrasing{"That brings them down to negative twenty-one points.",
                 {-21},
                 {},
                 {"negative twenty-one points"}},
        Phrasing{"I'm going to deduct two points for the hold.", {}, {-2}, {"deduct two points"}},
        Phrasing{"Minus two for the transfer.", {}, {-2}, {"Minus two"}},
        Phrasing{"I'll give them 5 points for the refund.", {}, {5}, {"give them 5 points"}},
        Phrasing{"Add three points for calling back.", {}, {3}, {"Add three points"}},
        Phrasing{"That is 4 points off for the rudeness.", {}, {-4}, {"4 points off"}},
        Phrasing{"-3 points for the script.", {}, {-3}, {"-3 points"}},
        Phrasing{"Take away another 2 points. This puts them at -9 points.",
                 {-9},
                 {-2},
                 {"-9 points", "Take away another 2 points"}},
        Phrasing{"We met at 5 and waited at the counter for 20 minutes.", {}, {}, {}},
        Phrasing{"The plan has three points of failure.", {}, {}, {}},
        Phrasing{"It is at 7.", {}, {}, {}}));

TEST(StatedPointsTest, EvidenceNamesTheTurnSourceAndTimes) {
  NotesFixture notes("Score: -4 after this call.");
  notes.document.turns[0].source = "/turns/0/text";
  notes.document.turns[0].begin_ms = 1000;
  notes.document.turns[0].end_ms = 4000;
  const StatedPoints stated = StatedPointsReader().read(notes.sentences, notes.document);
  ASSERT_EQ(stated.balances.size(), 1u);
  EXPECT_EQ(stated.balances[0].evidence.source, "/turns/0/text");
  EXPECT_EQ(stated.balances[0].evidence.begin_ms, 1000);
  EXPECT_EQ(stated.balances[0].evidence.start, 7u);
  EXPECT_EQ(stated.balances[0].evidence.end, 9u);
  const auto json = stated_to_json(stated);
  EXPECT_EQ(
      json.dump(),
      R"({"balance":-4,"balances":[-4],"adjustments":[],"evidence":[{"kind":"balance","value":-4,"text":"-4","start":7,"end":9,"line":1,"begin_ms":1000,"end_ms":4000,"source":"/turns/0/text"}]})");
}

TEST(StatedPointsTest, JsonMergesEvidenceInDocumentOrder) {
  const NotesFixture notes("They were at -3 points.\nI deduct 2 points.\nNow at -5 points.");
  const auto json = stated_to_json(StatedPointsReader().read(notes.sentences, notes.document));
  EXPECT_EQ(json["balance"], -5);
  EXPECT_EQ(json["balances"].dump(), "[-3,-5]");
  EXPECT_EQ(json["adjustments"].dump(), "[-2]");
  ASSERT_EQ(json["evidence"].size(), 3u);
  EXPECT_EQ(json["evidence"][1]["kind"], "adjustment");
  EXPECT_EQ(json["evidence"][1]["text"], "deduct 2 points");
  EXPECT_EQ(json["evidence"][1]["line"], 2);
  EXPECT_EQ(json["evidence"][2]["line"], 3);
  EXPECT_EQ(stated_to_json({}).dump(),
            R"({"balance":null,"balances":[],"adjustments":[],"evidence":[]})");
}

TEST(StatedPointsTest, ListsFromTheFolderReplaceTheBuiltInWords) {
  PhraseLists lists;
  lists.words["stated_deduct_verbs"] = {"deduct", "strip"};
  lists.words["stated_points"] = {"points", "marks"};
  const auto reader = StatedPointsReader::from_lists(lists);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  const NotesFixture notes("I strip them 4 marks. I dock them 2 points. Score: -6 marks.");
  const StatedPoints stated = reader.value().read(notes.sentences, notes.document);
  EXPECT_EQ(values(stated.adjustments), (std::vector<int>{-4}));
  EXPECT_EQ(texts(stated.adjustments), (std::vector<std::string>{"strip them 4 marks"}));
  EXPECT_EQ(values(stated.balances), (std::vector<int>{-6}));
}

}  // namespace
}  // namespace conduct
