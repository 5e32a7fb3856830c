// Rules an analyst writes for their own company: a category of their own
// from phrases with a list and near / not_near conditions, an absence rule,
// a partial policy beside the lexicons; and a broken rule reported at its line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run_command.h"
#include "test_support.h"

namespace conduct {
namespace {

namespace fs = std::filesystem;
using testing::run_conduct;

fs::path write_lexicons() {
  const fs::path dir = testing::unique_temp_path("custom-lexicons");
  fs::create_directories(dir);
  std::ofstream(dir / "policy.toml") << R"(# Only what changes from the shipped policy.
[categories.upsell]
sign = 1
points = 1
description = "the agent offers a product that fits"
reason = "offered an upgrade"

[categories.runaround]
points = -1
)";
  std::ofstream(dir / "lists.toml") << R"([lists]
product = ["premium plan", "extended warranty", "faster plan"]
)";
  std::ofstream(dir / "sales.toml") << R"([lexicon]
theme = "sales"

[lists]
thanks = ["thank you", "thanks", "appreciate your patience"]

[[rule]]
id = "sales.offer"
category = "upsell"
phrases = ["{product}"]
near = {phrases = ["would you like", "can i offer you"], within = 4}
not_near = {phrases = ["cancel", "refund"], within = 6}
confidence = 0.8
speakers = ["agent"]
registers = ["speech"]
match = ["Would you like the premium plan?"]
no_match = ["The premium plan costs more.", "Would you like to cancel the premium plan?"]

[[rule]]
id = "sales.never_thanked"
category = "scripted"
phrases = ["{thanks}"]
absent = true
confidence = 0.7
speakers = ["agent"]
registers = ["speech"]
reason = "the agent never thanked the customer"
match = ["Thank you for calling."]
no_match = ["Hello there."]
)";
  return dir;
}

TEST(CustomRules, OwnCategoryNearNotNearAbsenceAndPartialPolicy) {
  const fs::path dir = write_lexicons();
  const fs::path call = dir.parent_path() / (dir.filename().string() + "-call.txt");
  std::ofstream(call) << "Agent: Hello, how can I help?\n"
                         "Customer: My internet is slow again.\n"
                         "Agent: Would you like the faster plan? It is ten dollars more.\n"
                         "Customer: No, I want a refund for the premium plan.\n"
                         "Agent: The premium plan cannot be refunded.\n";
  const auto result =
      run_conduct({"analyze", "--no-model", "--lexicons", dir.string(), call.string()});
  ASSERT_EQ(result.exit_status, 0) << result.err;
  const auto records = result.records();
  ASSERT_EQ(records.size(), 1u);
  const auto& record = records[0];
  std::vector<std::string> seen;
  for (const auto& f : record["findings"]) {
    seen.push_back(f["category"].get<std::string>() + " " + f["source"].get<std::string>() + " \"" +
                   f["evidence"]["text"].get<std::string>() + "\"");
  }
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "scripted rule:sales.never_thanked \"Hello, how can I help?\"",
                      "upsell rule:sales.offer \"faster plan\""}))
      << record["findings"].dump();
  // The policy beside the lexicons: upsell +1, and the shipped scripted -2.
  EXPECT_EQ(record["points"], -1) << record["adjustments"].dump();
  bool upsell_adjusted = false;
  for (const auto& a : record["adjustments"]) {
    if (a["category"] == "upsell") {
      upsell_adjusted = true;
      EXPECT_EQ(a["points"], 1);
      EXPECT_EQ(a["reason"], "offered an upgrade");
    }
  }
  EXPECT_TRUE(upsell_adjusted);
  const auto validation = testing::run_shell(
      "python3 " +
          testing::shell_quote((testing::source_dir() / "tools" / "validate-output").string()),
      result.out);
  EXPECT_EQ(validation.exit_status, 0) << validation.out << validation.err;

  // lexicon stats: per rule, hits and documents over the batch.
  const auto stats =
      run_conduct({"lexicon", "stats", "--json", "--lexicons", dir.string(), call.string()});
  ASSERT_EQ(stats.exit_status, 0) << stats.err;
  const auto lines = stats.records();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["rule"], "sales.offer");
  EXPECT_EQ(lines[0]["category"], "upsell");
  EXPECT_EQ(lines[0]["fired"], 1);
  EXPECT_EQ(lines[0]["documents"], 1);
  EXPECT_EQ(lines[0]["suppressed"], 1);  // "The premium plan cannot be refunded." (no offer near)
  EXPECT_EQ(lines[1]["rule"], "sales.never_thanked");
  EXPECT_EQ(lines[1]["fired"], 1);

  // Said once, the absence rule is quiet.
  std::ofstream(call) << "Agent: Thanks for calling, how can I help?\nCustomer: Hi.\n";
  const auto thanked =
      run_conduct({"analyze", "--no-model", "--lexicons", dir.string(), call.string()});
  EXPECT_EQ(thanked.records().at(0)["findings"].size(), 0u) << thanked.out;

  // lexicon check knows the policy's categories, and names a broken rule's line.
  EXPECT_EQ(run_conduct({"lexicon", "check", dir.string()}).exit_status, 0);
  std::ofstream(dir / "broken.toml") << "[lexicon]\ntheme = \"broken\"\n\n[[rule]]\n"
                                        "id = \"broken.rule\"\ncategory = \"upsell\"\n"
                                        "phrases = [\"{nosuchlist} deal\"]\nconfidence = 0.5\n"
                                        "match = [\"a deal\"]\n";
  const auto broken = run_conduct({"lexicon", "check", dir.string()});
  EXPECT_EQ(broken.exit_status, 2);
  EXPECT_NE(broken.out.find((dir / "broken.toml").string() +
                            ":7: error: phrase \"{nosuchlist} deal\": unknown list 'nosuchlist'"),
            std::string::npos)
      << broken.out;
  fs::remove_all(dir);
  fs::remove(call);
}

// A follow-up across turns that counts when the answer does NOT come: the
// customer asks for a supervisor, and the agent does not transfer within two
// turns.
TEST(CustomRules, FollowUpAcrossTurnsWhenTheAnswerNeverComes) {
  const fs::path dir = testing::unique_temp_path("escalation");
  fs::create_directories(dir);
  std::ofstream(dir / "escalation.toml") << R"([lexicon]
theme = "escalation"

[[rule]]
id = "escalation.not_transferred"
category = "dismissive"
phrases = ["speak to a supervisor", "speak to your manager"]
then = '\b(?:transfer|put you through|connect you)'
within_turns = 2
then_speakers = ["agent"]
then_absent = true
confidence = 0.8
speakers = ["customer"]
registers = ["speech"]
match = ["I want to speak to a supervisor."]
no_match = ["I spoke to a supervisor yesterday and it was fine."]
)";
  const auto analyze = [&](const std::string& call) {
    const fs::path file = dir / "call.txt";
    std::ofstream(file) << call;
    const auto records =
        run_conduct({"analyze", "--no-model", "--lexicons", dir.string(), file.string()}).records();
    std::vector<std::string> sources;
    for (const auto& f : records.at(0)["findings"]) sources.push_back(f["source"]);
    return sources;
  };
  EXPECT_EQ(analyze("Customer: This is the third time. I want to speak to a supervisor.\n"
                    "Agent: There is nobody available.\n"
                    "Customer: Then I will wait.\n"
                    "Agent: As I said, nobody can take your call.\n"),
            std::vector<std::string>{"rule:escalation.not_transferred"});
  EXPECT_TRUE(analyze("Customer: I want to speak to a supervisor.\n"
                      "Agent: Of course, let me transfer you now.\n")
                  .empty());
  // The customer's own "transfer" is no answer: only the agent's counts.
  EXPECT_EQ(analyze("Customer: I want to speak to a supervisor. Transfer me.\n"
                    "Customer: Please transfer me.\n"),
            std::vector<std::string>{"rule:escalation.not_transferred"});
  EXPECT_EQ(run_conduct({"lexicon", "check", dir.string()}).exit_status, 0)
      << run_conduct({"lexicon", "check", dir.string()}).out;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace conduct
