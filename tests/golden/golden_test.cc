// Golden outputs: `conduct analyze --detail` on one input of each format
// (tests/read/fixtures, tests/data/sample, tests/data/golden/inputs) gives
// exactly the records in tests/data/golden/expected, versions and paths
// aside. After a change that moves findings on purpose (a lexicon edit, a
// retrained model), review the difference and rewrite them with
// CONDUCT_UPDATE_GOLDEN=1 ctest -R Golden.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "run_command.h"
#include "test_support.h"

namespace conduct {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> golden_inputs() {
  std::vector<fs::path> inputs;
  for (const char* folder :
       {"tests/read/fixtures", "tests/data/sample", "tests/data/golden/inputs"}) {
    for (const auto& entry : fs::directory_iterator(testing::source_dir() / folder)) {
      if (entry.is_regular_file()) inputs.push_back(entry.path());
    }
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

// The record without what changes with every build or checkout.
std::string canonical(nlohmann::json record) {
  record.erase("versions");
  if (record.contains("source")) {
    const fs::path path = record["source"]["path"].get<std::string>();
    // An id made from the path is the path as given: the checkout's folder goes.
    const std::string folder = path.parent_path().string() + "/";
    const std::string id = record["id"].get<std::string>();
    if (id.rfind(folder, 0) == 0) record["id"] = id.substr(folder.size());
    record["source"]["path"] = path.filename();
  }
  return record.dump(1);
}

TEST(Golden, EachFormatGivesTheRecordedOutput) {
  const bool update = std::getenv("CONDUCT_UPDATE_GOLDEN") != nullptr;
  const fs::path expected_dir = testing::source_dir() / "tests/data/golden/expected";
  std::set<std::string> formats;
  for (const fs::path& input : golden_inputs()) {
    const auto result = testing::run_conduct({"analyze", "--detail", input.string()});
    ASSERT_NE(result.exit_status, 2) << result.err;
    std::string actual;
    for (const auto& record : result.records()) {
      actual += canonical(record) + "\n";
      if (record.contains("source")) formats.insert(record["source"].value("format", ""));
    }
    const fs::path expected = expected_dir / (input.filename().string() + ".json");
    if (update) {
      fs::create_directories(expected_dir);
      std::ofstream(expected, std::ios::binary) << actual;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected)) << expected << " is missing (CONDUCT_UPDATE_GOLDEN=1)";
    EXPECT_EQ(actual, testing::read_file(expected)) << input;
  }
  if (!update) {
    for (const char* format : {"notes", "text", "vtt", "srt", "aws", "connect", "whisper", "jsonl",
                               "json", "ccai", "csv", "tsv"}) {
      EXPECT_TRUE(formats.count(format)) << "no golden input of format " << format;
    }
  }
}

}  // namespace
}  // namespace conduct
