// The shipped lexicons (lexicons/*.toml): they load, lint clean, and find the
// seed findings of ../shared/samples/notes/round-four.txt at exact offsets.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "lexicon/lexicon.h"
#include "pipeline/analyzer.h"
#include "read/reader.h"
#include "test_support.h"

namespace conduct {
namespace {

using ::conduct::testing::read_file;
using ::conduct::testing::shared_dir;
using ::conduct::testing::source_dir;

std::filesystem::path shipped_dir() {
  return source_dir() / "lexicons";
}

TEST(ShippedLexicons, LoadAndCoverEveryCategory) {
  auto lexicon = Lexicon::load(shipped_dir());
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().where_message();
  const auto& rules = lexicon.value().rules();
  for (Category category : kAllCategories) {
    const auto count = std::count_if(rules.begin(), rules.end(),
                                     [&](const Rule& rule) { return rule.category == category; });
    // Several rules per category, so that no category hangs on one phrasing.
    EXPECT_GE(count, 5) << to_string(category);
  }
  for (const Rule& rule : rules) {
    EXPECT_FALSE(rule.match.empty()) << rule.id;
    EXPECT_FALSE(rule.no_match.empty()) << rule.id << " has no hard negative";
  }
}

TEST(ShippedLexicons, LintClean) {
  LexiconCounts counts;
  const auto messages = check_lexicons(shipped_dir(), &counts);
  std::string errors;
  for (const LintMessage& message : messages) {
    if (!message.is_warning) errors += message.error.where_message() + "\n";
  }
  EXPECT_EQ(errors, "");
  EXPECT_GE(counts.files, 8u);
  EXPECT_GE(counts.rules, 100u);
}

// The seed findings the project started from, analysed as the CLI does.
class RoundFour : public ::testing::Test {
 protected:
  void SetUp() override {
    CONDUCT_REQUIRE_SHARED();
    const auto path = shared_dir() / "samples" / "notes" / "round-four.txt";
    original_ = read_file(path);
    ResourcePaths paths;
    paths.lexicons = shipped_dir();
    paths.use_model = false;  // rule findings only: this tests the lexicons
    auto resources = Analyzer::load(paths);
    ASSERT_TRUE(resources.ok()) << resources.error().where_message();
    const Format format = detect_format(path.string(), original_);
    ASSERT_EQ(format, Format::notes);
    auto document = read_document("round-four.txt", original_, format, ReadOptions{});
    ASSERT_TRUE(document.ok()) << document.error().where_message();
    findings_ = resources.value().analyze(std::move(document).value()).findings;
  }

  // The byte range of `phrase` in the original file (it must occur once).
  std::pair<std::size_t, std::size_t> range_of(std::string_view phrase) const {
    const auto at = original_.find(phrase);
    EXPECT_NE(at, std::string::npos) << phrase;
    EXPECT_EQ(original_.find(phrase, at + 1), std::string::npos) << phrase << " occurs twice";
    return {at, at + phrase.size()};
  }

  // Findings of `category` whose evidence lies inside `phrase`, after
  // checking that every evidence quotes the original bytes at its offsets.
  std::vector<Finding> within(Category category, std::string_view phrase) const {
    const auto [begin, end] = range_of(phrase);
    std::vector<Finding> found;
    for (const Finding& finding : findings_) {
      const Evidence& e = finding.evidence;
      EXPECT_EQ(original_.substr(e.start, e.end - e.start), e.text);
      if (finding.category == category && e.start >= begin && e.end <= end && e.start < e.end) {
        found.push_back(finding);
      }
    }
    return found;
  }

  std::string original_;
  std::vector<Finding> findings_;
};

TEST_F(RoundFour, VoiceMailWithoutResponseIsUnresponsive) {
  const auto after_three_days =
      within(Category::unresponsive, "After three days I had no response.");
  ASSERT_EQ(after_three_days.size(), 1u);
  EXPECT_EQ(after_three_days[0].evidence.line, 13u);
  const auto voice_mail =
      within(Category::unresponsive, "deduct 3 points for not responding to my voice mail.");
  ASSERT_EQ(voice_mail.size(), 1u);
  EXPECT_EQ(voice_mail[0].evidence.text, "for not responding to my voice mail");
  EXPECT_EQ(voice_mail[0].evidence.start, range_of("for not responding to my voice mail").first);
}

TEST_F(RoundFour, ScriptedEscalationIsScripted) {
  const auto scripted = within(Category::scripted,
                               "having to be guided with both a script and someone standing next "
                               "to him, telling him what to say.");
  ASSERT_EQ(scripted.size(), 1u);  // one finding per category and sentence
  // Two rules see it ("guided with both a script", "telling him what to
  // say"): the evidence quotes all that they saw.
  const std::string_view quote =
      "guided with both a script and someone standing next to him, telling him what to say";
  EXPECT_EQ(scripted[0].evidence.text, quote);
  EXPECT_EQ(scripted[0].evidence.start, range_of(quote).first);
  EXPECT_EQ(scripted[0].evidence.end, range_of(quote).second);
  EXPECT_EQ(scripted[0].evidence.line, 5u);
}

TEST_F(RoundFour, NoPositiveFindingsInAComplaint) {
  for (const Finding& finding : findings_) {
    EXPECT_NE(finding.category, Category::empathy) << finding.evidence.text;
    EXPECT_NE(finding.category, Category::ownership) << finding.evidence.text;
    EXPECT_NE(finding.category, Category::resolved) << finding.evidence.text;
  }
}

// Findings of one category in one sentence: one per quotation, one for the
// narration around them, however many rules fire in each.
TEST(ShippedLexiconFindings, OnePerQuotationAndOneForTheNarration) {
  ResourcePaths paths;
  paths.lexicons = shipped_dir();
  paths.use_model = false;
  auto resources = Analyzer::load(paths);
  ASSERT_TRUE(resources.ok()) << resources.error().where_message();
  const std::string text =
      "The recording said \"your call is important to us\" and then, twenty minutes later, "
      "\"we are experiencing a high volume of calls\", and when someone answered he was "
      "reading from a script and kept repeating the same line.\n";
  auto document = read_document("quotes.txt", text, Format::notes, ReadOptions{});
  ASSERT_TRUE(document.ok()) << document.error().where_message();
  const auto findings = resources.value().analyze(std::move(document).value()).findings;
  std::vector<std::string> scripted;
  for (const Finding& finding : findings) {
    EXPECT_EQ(text.substr(finding.evidence.start, finding.evidence.end - finding.evidence.start),
              finding.evidence.text);
    if (finding.category == Category::scripted) scripted.push_back(finding.evidence.text);
  }
  ASSERT_EQ(scripted.size(), 3u) << ::testing::PrintToString(scripted);
  EXPECT_EQ(scripted[0], "your call is important to us");
  EXPECT_EQ(scripted[1], "we are experiencing a high volume of calls");
  // The narration's two rules make one finding quoting both.
  EXPECT_EQ(scripted[2], "reading from a script and kept repeating the same line");
}

}  // namespace
}  // namespace conduct
