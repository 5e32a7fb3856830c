#include "read/inputs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "test_support.h"

namespace conduct {
namespace {

namespace fs = std::filesystem;

class InputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("conduct-inputs-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "calls" / "2026");
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const fs::path& relative, std::string_view bytes) {
    std::ofstream out(root_ / relative, std::ios::binary);
    out << bytes;
  }
  std::vector<InputRecord> read_all(const std::vector<std::string>& paths,
                                    InputLimits limits = {}) {
    RecordReader reader(expand_inputs(paths), {}, limits);
    std::vector<InputRecord> records;
    InputRecord record;
    while (reader.next(record)) records.push_back(record);
    return records;
  }
  fs::path root_;
};

TEST_F(InputsTest, FoldersAreRecursiveSortedAndSkipHiddenFiles) {
  write("calls/b.txt", "Agent: hello\nCustomer: hi\n");
  write("calls/2026/a.txt", "I called twice.");
  write("calls/.hidden.txt", "secret");
  const auto inputs = expand_inputs({(root_ / "calls").string()});
  ASSERT_EQ(inputs.size(), 2u);
  // The id is the path as given: the folder joined with the file's path under it.
  EXPECT_EQ(inputs[0].id, (root_ / "calls" / "2026" / "a.txt").string());
  EXPECT_EQ(inputs[1].id, (root_ / "calls" / "b.txt").string());
}

TEST_F(InputsTest, GlobsExpandAndMissingFilesBecomeErrorRecords) {
  write("calls/one.txt", "I called.");
  write("calls/two.txt", "I called again.");
  const auto records =
      read_all({(root_ / "calls" / "*.txt").string(), (root_ / "nope.txt").string()});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].id, (root_ / "calls" / "one.txt").string());
  EXPECT_EQ(records[1].id, (root_ / "calls" / "two.txt").string());
  ASSERT_TRUE(records[2].error.has_value());
  EXPECT_EQ(records[2].error->code, ErrorCode::not_found);
}

TEST_F(InputsTest, WholeFileRecordCarriesSizeAndDigest) {
  write("calls/one.txt", "abc");
  const auto records = read_all({(root_ / "calls" / "one.txt").string()});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0].error.has_value());
  EXPECT_EQ(records[0].bytes, "abc");
  EXPECT_EQ(records[0].source.bytes, 3u);
  EXPECT_EQ(records[0].source.sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(records[0].source.record, 0u);
}

TEST_F(InputsTest, JsonLinesAreStreamedOneRecordPerLineSkippingBlankLines) {
  write("calls/batch.jsonl",
        "{\"id\": \"a\", \"text\": \"one\"}\r\n\n   \n{\"id\": \"b\", \"text\": \"two\"}\n"
        "{\"text\": \"three, no newline\"}");
  const auto records = read_all({(root_ / "calls" / "batch.jsonl").string()});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].bytes, "{\"id\": \"a\", \"text\": \"one\"}");
  EXPECT_EQ(records[0].source.record, 1u);
  EXPECT_EQ(records[1].source.record, 4u);
  EXPECT_EQ(records[2].source.record, 5u);
  EXPECT_EQ(records[2].id, (root_ / "calls" / "batch.jsonl").string() + ":5");
  EXPECT_EQ(records[2].source.format, Format::jsonl);
}

TEST_F(InputsTest, OverlongJsonLinesBecomeErrorsWithoutStoppingTheStream) {
  std::string huge = "{\"text\": \"" + std::string(200000, 'x') + "\"}";
  write("calls/batch.jsonl", "{\"text\": \"short\"}\n" + huge + "\n{\"text\": \"after\"}\n");
  const auto records = read_all({(root_ / "calls" / "batch.jsonl").string()}, {100000});
  ASSERT_EQ(records.size(), 3u);
  EXPECT_FALSE(records[0].error.has_value());
  ASSERT_TRUE(records[1].error.has_value());
  EXPECT_EQ(records[1].error->code, ErrorCode::record_too_large);
  EXPECT_EQ(records[1].error->line, 2u);
  EXPECT_TRUE(records[1].bytes.empty());
  EXPECT_EQ(records[2].bytes, "{\"text\": \"after\"}");
}

TEST_F(InputsTest, OversizedFilesBecomeErrors) {
  write("calls/big.txt", std::string(300000, 'a'));
  const auto records = read_all({(root_ / "calls" / "big.txt").string()}, {100000});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].error.has_value());
  EXPECT_EQ(records[0].error->code, ErrorCode::file_too_large);
}

TEST_F(InputsTest, CsvConversationsAndJsonArraysBecomeOneRecordEach) {
  write("calls/export.csv",
        "conversation_id,speaker,text\nA,Agent,hello\nB,Agent,hi\nA,Customer,bye\n");
  write("calls/records.json", "[\n {\"id\": \"x\", \"text\": \"one\"},\n {\"text\": \"two\"}\n]\n");
  const auto records = read_all(
      {(root_ / "calls" / "export.csv").string(), (root_ / "calls" / "records.json").string()});
  ASSERT_EQ(records.size(), 4u);
  const std::string csv = (root_ / "calls" / "export.csv").string();
  EXPECT_EQ(records[0].id, csv + "#A");
  EXPECT_EQ(records[0].source.record, 2u);
  EXPECT_EQ(records[0].source.format, Format::csv);
  ASSERT_TRUE(records[0].document.has_value());
  EXPECT_EQ(records[0].document->turns.size(), 2u);
  EXPECT_EQ(records[1].id, csv + "#B");
  EXPECT_EQ(records[1].source.sha256, records[0].source.sha256);  // the file's
  EXPECT_EQ(records[2].id, "x");
  EXPECT_EQ(records[3].id, (root_ / "calls" / "records.json").string() + "#1");
  auto document = read_record(records[3], {});
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(document.value().turns[0].text, "two");
}

}  // namespace
}  // namespace conduct
