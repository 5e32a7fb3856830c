// The result record written member by member (result_record_text, and in
// pieces by write_result_record) is byte for byte the dump of the record
// built as one tree (result_record), with the input record's passed-through
// fields after ours, on every sample format, with and without --detail,
// compact and indented.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/analyzer.h"
#include "read/reader.h"
#include "report/json_report.h"
#include "test_support.h"

namespace conduct {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

// The tree's dump with the passed-through fields put before its closing
// brace, as records were written before they were streamed.
std::string tree_text(const Analysis& analysis, const Resources& resources, bool detail,
                      int indent) {
  const Json tree = result_record(analysis, {}, resources, ReportOptions{detail});
  std::string text = tree.dump(indent);
  std::string fields;
  for (const PassthroughField& field : analysis.document.passthrough) {
    if (tree.contains(field.key)) continue;
    fields += indent >= 0 ? ",\n" + std::string(static_cast<std::size_t>(indent), ' ') : ",";
    fields += Json(field.key).dump() + (indent >= 0 ? ": " : ":") + field.json;
  }
  text.insert(indent >= 0 ? text.size() - 2 : text.size() - 1, fields);
  return text;
}

std::vector<Document> documents_in(const fs::path& folder) {
  std::vector<Document> documents;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    const std::string path = entry.path().string();
    const std::string bytes = testing::read_file(entry.path());
    const Format format = detect_format(path, bytes);
    if (format == Format::jsonl) {
      std::size_t begin = 0;
      while (begin < bytes.size()) {
        std::size_t end = bytes.find('\n', begin);
        if (end == std::string::npos) end = bytes.size();
        auto document = read_jsonl_record(bytes.substr(begin, end - begin), path, ReadOptions{});
        if (document.ok()) documents.push_back(std::move(document).value());
        begin = end + 1;
      }
    } else if (holds_several_documents(format)) {
      for (DocumentPart& part : read_documents(path, bytes, format, ReadOptions{})) {
        if (part.document.ok()) documents.push_back(std::move(part.document).value());
      }
    } else if (auto document = read_document(path, bytes, format, ReadOptions{}); document.ok()) {
      documents.push_back(std::move(document).value());
    }
  }
  return documents;
}

// Returns how many of the documents have passed-through fields.
std::size_t expect_streamed_equals_tree(const Analyzer& analyzer, const fs::path& folder) {
  const std::vector<Document> documents = documents_in(folder);
  EXPECT_GE(documents.size(), 2u) << folder;
  std::size_t with_passthrough = 0;
  for (const Document& document : documents) {
    const Analysis analysis = analyzer.analyze(document);
    if (!analysis.document.passthrough.empty()) ++with_passthrough;
    for (const bool detail : {false, true}) {
      for (const int indent : {-1, 2}) {
        const std::string text =
            result_record_text(analysis, {}, analyzer.resources(), ReportOptions{detail}, indent);
        EXPECT_EQ(text, tree_text(analysis, analyzer.resources(), detail, indent))
            << document.id << " detail " << detail << " indent " << indent;
        std::string pieces;
        write_result_record(analysis, {}, analyzer.resources(), ReportOptions{detail}, indent,
                            [&pieces](std::string_view piece) { pieces += piece; });
        EXPECT_EQ(pieces, text) << document.id;
      }
    }
  }
  return with_passthrough;
}

TEST(StreamedRecord, EqualsTheTreesDumpOnTheRepositorysInputs) {
  auto analyzer = Analyzer::load(ResourcePaths{});
  ASSERT_TRUE(analyzer.ok()) << analyzer.error().where_message();
  // records.jsonl's "queue" is a field passed through.
  EXPECT_GE(expect_streamed_equals_tree(analyzer.value(), testing::source_dir() / "tests" / "data"),
            1u);
}

// The message of the exception `write` throws, or "" when it throws none.
template <typename Write>
std::string thrown_by(Write write) {
  try {
    write();
  } catch (const nlohmann::json::type_error& e) {
    return e.what();
  }
  return "";
}

TEST(StreamedRecord, TheCheckThrowsWhatWritingWouldThrow) {
  auto analyzer = Analyzer::load(ResourcePaths{});
  ASSERT_TRUE(analyzer.ok()) << analyzer.error().where_message();
  const Resources& resources = analyzer.value().resources();
  Document document;
  document.id = "bad";
  document.format = Format::json;
  Turn turn;
  turn.speaker = "Agent";
  turn.text = "Hello there. How can I help?";
  turn.end = turn.text.size();
  turn.source = "/turns/0/te\xFFxt";
  document.turns = {turn};
  turn.speaker = "Cust\xC3omer";
  turn.source = "/turns/1/text";
  document.turns.push_back(turn);
  const Analysis analysis = analyzer.value().analyze(document);
  for (const bool detail : {false, true}) {
    const ReportOptions options{detail};
    const std::string written = thrown_by([&] {
      write_result_record(analysis, {}, resources, options, -1, [](std::string_view) {});
    });
    EXPECT_NE(written, "") << "detail " << detail;
    EXPECT_EQ(thrown_by([&] { check_result_record(analysis, {}, resources, options); }), written)
        << "detail " << detail;
  }
  // Without the bad label, only the detailed record (the turns' sources) fails.
  Document sources_only = document;
  sources_only.turns[1].speaker = "Customer";
  const Analysis second = analyzer.value().analyze(sources_only);
  EXPECT_EQ(thrown_by([&] { check_result_record(second, {}, resources, ReportOptions{false}); }),
            "");
  const std::string written = thrown_by([&] {
    write_result_record(second, {}, resources, ReportOptions{true}, 2, [](std::string_view) {});
  });
  EXPECT_NE(written, "");
  EXPECT_EQ(thrown_by([&] { check_result_record(second, {}, resources, ReportOptions{true}); }),
            written);
}

TEST(StreamedRecord, EqualsTheTreesDumpOnTheSharedSamples) {
  CONDUCT_REQUIRE_SHARED();
  auto analyzer = Analyzer::load(ResourcePaths{});
  ASSERT_TRUE(analyzer.ok()) << analyzer.error().where_message();
  expect_streamed_equals_tree(analyzer.value(), testing::shared_dir() / "samples");
}

}  // namespace
}  // namespace conduct
