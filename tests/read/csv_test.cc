// CSV and TSV exports: quoting, header synonyms, grouping by conversation,
// times, --columns, and the errors of a header that does not map and of a
// ragged row.
#include "read/csv_table.h"
#include "read_test_support.h"

namespace conduct {
namespace {

using testing::read_file;
using testing::read_fixture;

std::vector<DocumentPart> read_parts(const std::string& name, const std::string& bytes,
                                     const ReadOptions& options = {}) {
  return read_documents(name, bytes, detect_format(name, bytes), options);
}

const Document& ok(const DocumentPart& part) {
  EXPECT_TRUE(part.document.ok()) << part.id << ": "
                                  << (part.document.ok() ? "" : part.document.error().message);
  static const Document empty;
  return part.document.ok() ? part.document.value() : empty;
}

TEST(CsvTable, QuotesDelimitersAndLineBreaksInsideFields) {
  const std::string bytes =
      "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\nplain,,end\n";
  const auto table = read_detail::split_csv(bytes, 0, ',');
  ASSERT_EQ(table.rows.size(), 3u);
  EXPECT_EQ(table.unclosed_quote_line, 0u);
  EXPECT_EQ(table.rows[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "two\r\nlines"}));
  EXPECT_EQ(table.rows[1].line, 2u);
  EXPECT_EQ(table.rows[2].line, 5u);  // after the quoted line break and a blank line
  EXPECT_EQ(table.rows[2].row, 3u);
  EXPECT_EQ(table.rows[2].fields, (std::vector<std::string>{"plain", "", "end"}));
}

TEST(CsvTable, DelimiterIsSniffedFromTheHeader) {
  EXPECT_EQ(read_detail::sniff_delimiter("id;speaker;text"), ';');
  EXPECT_EQ(read_detail::sniff_delimiter("id\tspeaker\ttext"), '\t');
  EXPECT_EQ(read_detail::sniff_delimiter("id,speaker,\"text; notes\""), ',');
}

TEST(Csv, OneDocumentPerConversationInOrderOfFirstAppearance) {
  const std::string bytes = read_file(read_fixture("export.csv"));
  EXPECT_EQ(detect_format("export.csv", bytes), Format::csv);
  const auto parts = read_parts("export.csv", bytes);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].id, "export.csv#C-100");
  EXPECT_EQ(parts[0].line, 2u);
  EXPECT_EQ(parts[1].id, "export.csv#C-200");
  const Document& first = ok(parts[0]);
  EXPECT_EQ(first.format, Format::csv);
  ASSERT_EQ(first.turns.size(), 3u);
  EXPECT_EQ(first.turns[0].speaker, "Dana");
  EXPECT_EQ(first.turns[0].role, Role::agent);
  EXPECT_EQ(first.turns[0].text, "Thank you for calling Northwind, this is Dana.");
  EXPECT_EQ(first.turns[0].begin_ms, 500);
  EXPECT_EQ(first.turns[0].end_ms, 3200);
  EXPECT_EQ(first.turns[0].source, "row 2, column text");
  EXPECT_EQ(first.turns[0].line, 2u);
  EXPECT_EQ(first.turns[1].text, "My bill is wrong, again. I said \"fix it\" last week.");
  EXPECT_EQ(first.turns[1].role, Role::customer);
  EXPECT_FALSE(first.turns[2].end_ms.has_value());  // an empty end field
  const Document& second = ok(parts[1]);
  ASSERT_EQ(second.turns.size(), 2u);
  EXPECT_EQ(second.turns[0].begin_ms, 1250);     // a clock time
  EXPECT_EQ(second.turns[0].role, Role::agent);  // "AGENT"
  EXPECT_EQ(second.turns[1].text, "It stopped working\r\nafter the update.");
  EXPECT_EQ(second.turns[1].line, 5u);
  EXPECT_FALSE(offsets_in_file(Format::csv));
}

TEST(Csv, TsvWithSynonymsAndDateTimes) {
  const std::string bytes = read_file(read_fixture("chat-export.tsv"));
  EXPECT_EQ(detect_format("chat-export.tsv", bytes), Format::tsv);
  const auto parts = read_parts("chat-export.tsv", bytes);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].id, "chat-export.tsv#881");  // "Call ID"
  const Document& d = ok(parts[0]);
  EXPECT_EQ(d.format, Format::tsv);
  ASSERT_EQ(d.turns.size(), 3u);
  EXPECT_EQ(d.turns[0].speaker, "IVR");  // "From" is the speaker column
  EXPECT_EQ(d.turns[2].speaker, "Agent Mo");
  EXPECT_EQ(d.turns[2].role, Role::agent);  // by its label
  EXPECT_EQ(d.turns[0].begin_ms, 0);
  EXPECT_EQ(d.turns[1].begin_ms, 3570500);  // 59:30.5 after the first row
  EXPECT_EQ(d.turns[1].source, "row 3, column Message");
}

TEST(Csv, SemicolonsWithoutAnIdColumnAreOneDocument) {
  const std::string bytes =
      "Speaker;Role;Utterance;start_ms\nAnn;Agent;Hello, how can I help?;1200\n"
      "Bob;Customer;My phone is broken;4000\n";
  const auto parts = read_parts("calls.csv", bytes);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].id, "calls.csv");
  const Document& d = ok(parts[0]);
  ASSERT_EQ(d.turns.size(), 2u);
  EXPECT_EQ(d.turns[0].text, "Hello, how can I help?");
  EXPECT_EQ(d.turns[0].begin_ms, 1200);  // milliseconds: the name says so
  EXPECT_EQ(d.turns[1].role, Role::customer);
  EXPECT_EQ(d.turns[1].speaker, "Bob");
}

TEST(Csv, ColumnsOptionMapsOtherNames) {
  const std::string bytes = "call,who,said,t0\n7,agent,Hi there,1.5\n7,customer,Hello,3\n";
  ReadOptions options;
  auto columns = parse_csv_columns("id=call,role=who,text=said,start=t0");
  ASSERT_TRUE(columns.ok());
  options.columns = columns.value();
  const auto parts = read_documents("x.csv", bytes, Format::csv, options);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].id, "x.csv#7");
  const Document& d = ok(parts[0]);
  ASSERT_EQ(d.turns.size(), 2u);
  EXPECT_EQ(d.turns[0].role, Role::agent);
  EXPECT_EQ(d.turns[0].speaker, "agent");  // no speaker column: the role names it
  EXPECT_EQ(d.turns[1].begin_ms, 3000);
  EXPECT_FALSE(parse_csv_columns("speaker").ok());
  EXPECT_FALSE(parse_csv_columns("voice=who").ok());
}

TEST(Csv, AHeaderThatDoesNotMapIsOneErrorNamingWhatWasFound) {
  const std::string bytes = "call,who,said\n7,agent,Hi there\n";
  const auto parts = read_parts("x.csv", bytes);
  ASSERT_EQ(parts.size(), 1u);
  ASSERT_FALSE(parts[0].document.ok());
  const Error& error = parts[0].document.error();
  EXPECT_EQ(error.code, ErrorCode::unmappable_csv);
  EXPECT_EQ(error.line, 1u);
  EXPECT_EQ(error.file, "x.csv");
  EXPECT_NE(error.message.find("\"who\""), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("text column"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("--columns"), std::string::npos) << error.message;
  // A text column alone is not enough either.
  const auto no_speaker = read_parts("y.csv", "id,text\n1,hello\n");
  ASSERT_FALSE(no_speaker[0].document.ok());
  EXPECT_EQ(no_speaker[0].document.error().code, ErrorCode::unmappable_csv);
  EXPECT_NE(no_speaker[0].document.error().message.find("found id=id, text=text"),
            std::string::npos)
      << no_speaker[0].document.error().message;
}

TEST(Csv, ARaggedRowIsAnErrorOfItsConversationOnly) {
  const std::string bytes =
      "conversation_id,speaker,text\nA,Agent,hello\nA,Customer\nB,Agent,fine\n"
      "B,Customer,thanks,,\n";  // trailing empty fields are allowed
  const auto parts = read_parts("r.csv", bytes);
  ASSERT_EQ(parts.size(), 2u);
  ASSERT_FALSE(parts[0].document.ok());
  EXPECT_EQ(parts[0].document.error().code, ErrorCode::malformed_csv);
  EXPECT_EQ(parts[0].document.error().line, 3u);
  EXPECT_EQ(parts[0].id, "r.csv#A");
  const Document& b = ok(parts[1]);
  EXPECT_EQ(b.turns.size(), 2u);
}

TEST(Csv, AQuoteNeverClosedIsAnErrorWithItsLine) {
  const auto parts = read_parts("q.csv", "speaker,text\nAgent,hello\nCustomer,\"it broke\nagain\n");
  ASSERT_EQ(parts.size(), 1u);
  ASSERT_FALSE(parts[0].document.ok());
  EXPECT_EQ(parts[0].document.error().code, ErrorCode::malformed_csv);
  EXPECT_EQ(parts[0].document.error().line, 3u);
}

TEST(Csv, ReadDocumentRefusesAFileOfSeveralConversations) {
  const std::string bytes = read_file(read_fixture("export.csv"));
  auto d = read_document("export.csv", bytes, Format::csv, {});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, ErrorCode::unsupported_format);
}

TEST(CsvDetection, NeverTakesNotesWithCommasForCsv) {
  EXPECT_EQ(detect_format("notes.txt",
                          "I called on Monday, Tuesday and Friday, and nobody helped.\n"
                          "The rep, Sam, said to wait.\n"),
            Format::notes);
  EXPECT_EQ(detect_format("-",
                          "Agent: Hello, how can I help?\nCustomer: My bill, again.\n"
                          "Agent: Sorry, let me look.\n"),
            Format::text);
  // A header that maps makes CSV without the extension; a .csv file is CSV
  // whenever its first line reads as column names.
  EXPECT_EQ(detect_format("-", "speaker,text\nAgent,Hello\n"), Format::csv);
  EXPECT_EQ(detect_format("x.csv", "who,said\nA,hi\n"), Format::csv);
  EXPECT_EQ(detect_format("x.csv", "I called them, twice, and they hung up on me.\n"),
            Format::notes);
}

}  // namespace
}  // namespace conduct
