// The scorer against the reference vaderSentiment on the human-rated VADER
// sentences in ../shared/eval: compound equal to 4 decimals on at least 99.5%.
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unordered_map>

#include "sentiment/vader.h"
#include "test_support.h"

namespace conduct {
namespace {

using ::conduct::testing::read_file;
using ::conduct::testing::shared_dir;
using ::conduct::testing::source_dir;

TEST(ReferenceAgreement, CompoundMatchesVaderSentimentOnRatedSentences) {
  CONDUCT_REQUIRE_SHARED();
  Result<SentimentLexicon> lexicon = SentimentLexicon::load(source_dir() / kVaderLexiconFile);
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().where_message();
  const SentimentScorer scorer(std::move(lexicon).value());

  std::unordered_map<std::string, std::string> text_by_id;
  std::istringstream rated(read_file(shared_dir() / "eval/vader_rated.jsonl"));
  for (std::string line; std::getline(rated, line);) {
    const auto record = nlohmann::json::parse(line);
    text_by_id[record.at("id").get<std::string>()] = record.at("text").get<std::string>();
  }

  std::size_t total = 0;
  std::size_t compound_equal = 0;
  std::size_t all_equal = 0;
  std::ostringstream mismatches;
  std::istringstream reference(read_file(shared_dir() / "eval/vader_reference.jsonl"));
  SentimentScratch scratch;
  for (std::string line; std::getline(reference, line);) {
    const auto expected = nlohmann::json::parse(line);
    const std::string id = expected.at("id").get<std::string>();
    const auto text = text_by_id.find(id);
    ASSERT_NE(text, text_by_id.end()) << id << " is in the reference but not in the rated file";
    const SentimentScores got = scorer.score(text->second, scratch);
    ++total;
    // Both sides are rounded to 4 decimals; equal decimals differ by < 1e-9.
    const bool compound_ok = std::fabs(got.compound - expected.at("compound").get<double>()) < 1e-9;
    compound_equal += compound_ok;
    all_equal += compound_ok && std::fabs(got.neg - expected.at("neg").get<double>()) < 1e-9 &&
                 std::fabs(got.neu - expected.at("neu").get<double>()) < 1e-9 &&
                 std::fabs(got.pos - expected.at("pos").get<double>()) < 1e-9;
    if (!compound_ok && total - compound_equal <= 10) {
      mismatches << "  " << id << ": ours " << got.compound << ", reference "
                 << expected.at("compound") << ": " << text->second << "\n";
    }
  }
  std::cout << "compound equal to 4 decimals: " << compound_equal << " of " << total
            << "; neg, neu, pos and compound all equal: " << all_equal << "\n"
            << (compound_equal == total ? "" : "first mismatches:\n") << mismatches.str();
  EXPECT_EQ(total, 14216u);
  EXPECT_GE(static_cast<double>(compound_equal), 0.995 * static_cast<double>(total))
      << mismatches.str();
}

}  // namespace
}  // namespace conduct
