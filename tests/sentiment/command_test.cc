// `conduct sentiment` end to end: the binary on small inputs, exact output
// lines and exit statuses.
#include <cstdlib>
#include <string>

#include "sentiment_test_support.h"

namespace conduct {
namespace {

using ::conduct::testing::read_file;
using ::conduct::testing::write_temp_file;

struct CommandRun {
  int status = -1;
  std::string out;
  std::string err;
};

CommandRun run_sentiment(const std::string& arguments, const std::string& input) {
  const auto in = write_temp_file("sentiment_in.txt", input);
  const auto out = ::conduct::testing::unique_temp_path("sentiment_out.txt");
  const auto err = ::conduct::testing::unique_temp_path("sentiment_err.txt");
  const std::string command = std::string("CONDUCT_HOME='") + CONDUCT_SOURCE_DIR + "' '" +
                              CONDUCT_BINARY + "' sentiment " + arguments + " < '" + in.string() +
                              "' > '" + out.string() + "' 2> '" + err.string() + "'";
  const int raw = std::system(command.c_str());
  CommandRun run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = read_file(out);
  run.err = read_file(err);
  return run;
}

TEST(SentimentCommand, PlainTextAndJsonLinesIn) {
  const CommandRun run =
      run_sentiment("--plain",
                    "The book was good.\n"
                    "\n"
                    "{\"id\": \"x-1\", \"text\": \"The book was not good.\", \"k\": 1}\r\n"
                    "{\"text\": \"THE BOOK\"}\n");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out,
            "{\"id\":1,\"neg\":0.0,\"neu\":0.508,\"pos\":0.492,\"compound\":0.4404}\n"
            "{\"id\":\"x-1\",\"neg\":0.376,\"neu\":0.624,\"pos\":0.0,\"compound\":-0.3412}\n"
            "{\"id\":4,\"neg\":0.0,\"neu\":1.0,\"pos\":0.0,\"compound\":0.0}\n");
}

TEST(SentimentCommand, OverlayOnByDefaultOffWithPlain) {
  const std::string input = "They gave me the runaround\n";
  EXPECT_EQ(run_sentiment("--plain", input).out,
            "{\"id\":1,\"neg\":0.0,\"neu\":1.0,\"pos\":0.0,\"compound\":0.0}\n");
  const CommandRun overlaid = run_sentiment("", input);
  EXPECT_EQ(overlaid.status, 0);
  EXPECT_NE(overlaid.out.find("\"compound\":-"), std::string::npos) << overlaid.out;
  const auto overlay = write_temp_file("cli_overlay.txt", "runaround\t2.0\n");
  EXPECT_NE(run_sentiment("--overlay '" + overlay.string() + "'", input).out.find("\"pos\":0.4"),
            std::string::npos);
}

TEST(SentimentCommand, BadLinesBecomeErrorRecordsAndExitOne) {
  const CommandRun run =
      run_sentiment("--plain", "{\"id\": 7, \"txt\": \"x\"}\n{oops\nbad \xFF byte\ntable\n");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.out,
            "{\"id\":7,\"error\":{\"code\":\"missing_text\",\"message\":\"the record has no string "
            "field `text`\",\"line\":1}}\n"
            "{\"id\":2,\"error\":{\"code\":\"malformed_json\",\"message\":\"the line starts with "
            "`{` but is not JSON\",\"line\":2}}\n"
            "{\"id\":3,\"error\":{\"code\":\"invalid_utf8\",\"message\":\"invalid UTF-8 at byte 4 "
            "of the line\",\"line\":3}}\n"
            "{\"id\":4,\"neg\":0.0,\"neu\":1.0,\"pos\":0.0,\"compound\":0.0}\n");
}

TEST(SentimentCommand, ConfigurationErrorsExitTwo) {
  const CommandRun missing =
      run_sentiment("--sentiment-lexicon /nonexistent/lexicon.txt", "good\n");
  EXPECT_EQ(missing.status, 2);
  EXPECT_TRUE(missing.out.empty());
  EXPECT_NE(missing.err.find("/nonexistent/lexicon.txt"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("tools/setup"), std::string::npos) << missing.err;

  const auto broken = write_temp_file("broken_overlay.txt", "ok\t1\nBAD\t1\n");
  const CommandRun bad_overlay = run_sentiment("--overlay '" + broken.string() + "'", "good\n");
  EXPECT_EQ(bad_overlay.status, 2);
  EXPECT_NE(bad_overlay.err.find(broken.string() + ":2: "), std::string::npos) << bad_overlay.err;

  EXPECT_EQ(run_sentiment("--plain --overlay x", "good\n").status, 2);
}

}  // namespace
}  // namespace conduct
