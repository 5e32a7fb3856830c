#include "pipeline/batch.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "test_support.h"

namespace conduct {
namespace {

namespace fs = std::filesystem;

// Output order must be input order whatever the thread count, even when
// later records finish first.
TEST(Batch, OutputOrderIsInputOrderForAnyJobCount) {
  const fs::path file = ::conduct::testing::unique_temp_path("conduct-batch-test.jsonl");
  {
    std::ofstream out(file);
    for (int i = 0; i < 200; ++i) out << "{\"id\": \"" << i << "\", \"text\": \"x\"}\n";
  }
  for (unsigned jobs : {1u, 2u, 3u, 8u}) {
    RecordReader reader(expand_inputs({file.string()}), {});
    std::vector<std::string> seen;
    auto process = [](const InputRecord& record) -> RecordOutput {
      // Early records take longest, so a naive pool would reorder them.
      if (record.source.record % 7 == 1) std::this_thread::sleep_for(std::chrono::milliseconds(2));
      return {std::to_string(record.source.record), record.source.record % 10 == 0};
    };
    const BatchCounts counts = run_batch(
        reader, jobs, process, [&](const RecordOutput& out) { seen.push_back(out.text); },
        [](const InputRecord&, const std::string&) {
          return RecordOutput{"unexpected", true};
        },
        [] {});
    ASSERT_EQ(seen.size(), 200u) << jobs;
    for (std::size_t i = 0; i < seen.size(); ++i) ASSERT_EQ(seen[i], std::to_string(i + 1)) << jobs;
    EXPECT_EQ(counts.records, 200u);
    EXPECT_EQ(counts.errors, 20u);
  }
  fs::remove(file);
}

// An exception from one record becomes that record's output, in its place,
// and the batch goes on, whatever the number of threads.
TEST(Batch, AnExceptionIsThatRecordsErrorAndTheBatchGoesOn) {
  const fs::path file = testing::unique_temp_path("throws.jsonl");
  {
    std::ofstream out(file);
    for (int i = 1; i <= 50; ++i) out << "{\"id\":\"" << i << "\",\"text\":\"x\"}\n";
  }
  for (unsigned jobs : {1u, 2u, 4u}) {
    RecordReader reader(expand_inputs({file.string()}), {});
    std::vector<std::string> seen;
    auto process = [](const InputRecord& record) -> RecordOutput {
      if (record.source.record % 9 == 0) throw std::runtime_error("boom " + record.id);
      return {record.id, false};
    };
    auto on_failure = [](const InputRecord& record, const std::string& what) {
      return RecordOutput{"error:" + record.id + ":" + what, false};
    };
    const BatchCounts counts = run_batch(
        reader, jobs, process, [&](const RecordOutput& out) { seen.push_back(out.text); },
        on_failure, [] {});
    ASSERT_EQ(seen.size(), 50u) << jobs;
    const std::string name = file.string();  // the id of a record without one: path:line
    EXPECT_EQ(seen[8], "error:" + name + ":9:boom " + name + ":9") << jobs;
    EXPECT_EQ(seen[9], name + ":10") << jobs;
    EXPECT_EQ(counts.records, 50u);
    EXPECT_EQ(counts.errors, 5u);  // records 9, 18, 27, 36, 45
  }
  fs::remove(file);
}

}  // namespace
}  // namespace conduct
