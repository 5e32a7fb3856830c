// CheckedPatterns, the cache of rule patterns that passed their checks, and
// a lexicon loaded with it: the same hits whether its patterns were compiled
// at load, vouched for by the cache, or compiled with no cache at all.
#include "lexicon/checked_patterns.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/sha256.h"
#include "lexicon/lexicon.h"
#include "normalize/normalizer.h"
#include "test_support.h"

namespace conduct {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path());
  return files;
}

TEST(CheckedPatterns, WhatIsSavedIsReadBackByAnotherRun) {
  const fs::path folder = testing::unique_temp_path("cache") / "conduct";
  CheckedPatterns first(folder);
  EXPECT_FALSE(first.contains("\\bhung up\\b"));
  first.add("\\bhung up\\b");
  first.add("\\bhung up\\b");
  first.save();
  // One file named by the version, no temporary file left behind.
  ASSERT_EQ(files_in(folder).size(), 1u);
  EXPECT_EQ(files_in(folder)[0].filename().string(),
            std::string("checked-patterns-") + CONDUCT_VERSION);

  const CheckedPatterns second(folder);
  EXPECT_EQ(second.size(), 1u);
  EXPECT_TRUE(second.contains("\\bhung up\\b"));
  EXPECT_FALSE(second.contains("\\bhung up"));
  fs::remove_all(folder.parent_path());
}

TEST(CheckedPatterns, LinesThatAreNotDigestsAreIgnored) {
  const fs::path folder = testing::unique_temp_path("cache");
  fs::create_directories(folder);
  std::ofstream(folder / (std::string("checked-patterns-") + CONDUCT_VERSION))
      << "garbage\n"
      << sha256_hex("abc") << "\n"
      << std::string(64, 'G') << "\n"
      << sha256_hex("def").substr(1) << "\n";
  const CheckedPatterns cache(folder);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_TRUE(cache.contains("abc"));
  EXPECT_FALSE(cache.contains("def"));
  fs::remove_all(folder);
}

TEST(CheckedPatterns, WithoutAFolderOrAWritableOneNothingIsKept) {
  CheckedPatterns none;
  none.add("abc");
  none.save();
  EXPECT_FALSE(none.contains("abc"));
  EXPECT_TRUE(none.file().empty());

  // A folder that cannot be made: saving fails quietly.
  CheckedPatterns unwritable(fs::path("/proc/conduct-cache-test"));
  unwritable.add("abc");
  EXPECT_NO_THROW(unwritable.save());
  EXPECT_FALSE(fs::exists("/proc/conduct-cache-test"));
}

// Every rule's own examples, matched in both registers and roles: (rule id,
// span) of every hit, suppressed ones included.
std::vector<std::tuple<std::string, std::size_t, std::size_t>> hits_on_examples(
    const Lexicon& lexicon) {
  std::vector<std::tuple<std::string, std::size_t, std::size_t>> all;
  std::vector<RuleHit> hits;
  for (const Rule& rule : lexicon.rules()) {
    for (const std::string& example : rule.match) {
      const std::string text = normalize(example).text;
      for (Register reg : {Register::speech, Register::report}) {
        for (Role role : {Role::agent, Role::customer}) {
          hits.clear();
          lexicon.match(text, {reg, role}, hits, true);
          for (const RuleHit& hit : hits) {
            all.emplace_back(hit.rule->id, hit.span.begin, hit.span.end);
          }
        }
      }
    }
  }
  return all;
}

TEST(CheckedPatterns, ShippedLexiconsFindTheSameWithACacheColdOrWarm) {
  const fs::path shipped = testing::source_dir() / "lexicons";
  const fs::path folder = testing::unique_temp_path("cache");
  auto uncached = Lexicon::load(shipped);
  ASSERT_TRUE(uncached.ok()) << uncached.error().where_message();
  auto cold = Lexicon::load(shipped, CategoryTable(), folder);
  ASSERT_TRUE(cold.ok()) << cold.error().where_message();

  // The cold run checked every distinct pattern and remembered each (and
  // the shared lists' patterns beside them).
  std::set<std::string> patterns;
  for (const Rule& rule : uncached.value().rules()) {
    for (const std::string* source : {&rule.pattern, &rule.then, &rule.near, &rule.not_near}) {
      if (!source->empty()) patterns.insert(*source);
    }
  }
  const CheckedPatterns saved(folder);
  EXPECT_GE(saved.size(), patterns.size());
  for (const std::string& pattern : patterns) EXPECT_TRUE(saved.contains(pattern)) << pattern;

  auto warm = Lexicon::load(shipped, CategoryTable(), folder);
  ASSERT_TRUE(warm.ok()) << warm.error().where_message();
  const auto expected = hits_on_examples(uncached.value());
  EXPECT_GT(expected.size(), uncached.value().rules().size());
  EXPECT_EQ(hits_on_examples(cold.value()), expected);
  EXPECT_EQ(hits_on_examples(warm.value()), expected);
  EXPECT_EQ(warm.value().version(), uncached.value().version());
  fs::remove_all(folder);
}

TEST(CheckedPatterns, ABadPatternIsNeverRemembered) {
  const fs::path lexicons = testing::source_dir() / "tests/lexicon/fixtures/bad_regex";
  const fs::path folder = testing::unique_temp_path("cache");
  for (int run = 0; run < 2; ++run) {
    auto lexicon = Lexicon::load(lexicons, CategoryTable(), folder);
    ASSERT_FALSE(lexicon.ok());
    EXPECT_EQ(lexicon.error().code, ErrorCode::lexicon_bad_pattern);
    EXPECT_EQ(lexicon.error().line, 8u) << lexicon.error().where_message();
  }
  EXPECT_EQ(CheckedPatterns(folder).size(), 0u);
  EXPECT_FALSE(fs::exists(folder));
}

}  // namespace
}  // namespace conduct
