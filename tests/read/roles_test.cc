// Speaker roles without --agent-label, in the label styles real transcripts
// and threads use, and the label styles the text reader recognises.
#include "read/roles.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "read_test_support.h"

namespace conduct {
namespace {

// Reads `text` through detection and returns each speaker's role.
std::map<std::string, Role> roles_of(const std::string& name, const std::string& text,
                                     const ReadOptions& options = {}) {
  auto document = testing::read_as(name, text, options);
  EXPECT_TRUE(document.ok()) << (document.ok() ? "" : document.error().message);
  std::map<std::string, Role> roles;
  if (!document.ok()) return roles;
  for (const Turn& turn : document.value().turns) roles[turn.speaker] = turn.role;
  return roles;
}

Document read_text_ok(const std::string& text, const ReadOptions& options = {}) {
  auto document = testing::read_as("call.txt", text, options);
  EXPECT_TRUE(document.ok());
  if (!document.ok()) return {};
  testing::expect_round_trip(document.value(), text);
  return std::move(document).value();
}

TEST(Roles, AnAgentLabelledWithTheCompanysName) {
  const auto roles = roles_of("call.txt",
                              "Northwind: Thank you for calling Northwind, this is Dana.\n"
                              "Alex Kim: Hi, I want to cancel my plan.\n"
                              "Northwind: I can help with that. May I ask why?\n"
                              "Alex Kim: It costs too much.\n");
  EXPECT_EQ(roles.at("Northwind"), Role::agent);
  EXPECT_EQ(roles.at("Alex Kim"), Role::customer);
}

// The name after "calling", "welcome to" and the like is looked up in a
// table of the labels: among thousands of labels, the one the text names is
// found, a multi-word name too, and a name running on into a longer word
// ("Acmes") is not it.
TEST(Roles, LabelsNamedAsTheCompanyAmongThousands) {
  std::vector<std::string> labels;
  for (int i = 0; i < 3000; ++i) labels.push_back("Caller " + std::to_string(i));
  labels.push_back("Northwind");
  labels.push_back("Blue Sky Energy");
  labels.push_back("Acme");
  std::vector<Turn> turns(3);
  turns[0].text = "Thank you for calling Northwind, this is Dana.";
  turns[1].text = "Welcome to Blue Sky Energy!";
  turns[2].text = "I was contacting Acmes about it.";
  const auto named = read_detail::labels_named_as_company(labels, turns);
  EXPECT_EQ(named, (std::set<std::string>{"Northwind", "Blue Sky Energy"}));
}

TEST(Roles, MeIsTheAuthorWhoIsTheCustomer) {
  const auto roles = roles_of("call.txt",
                              "Me: Hi, my internet has been down since Monday.\n"
                              "Sam: Let me look into that.\n"
                              "Me: Thanks.\n");
  EXPECT_EQ(roles.at("Me"), Role::customer);
  EXPECT_EQ(roles.at("Sam"), Role::agent);
}

TEST(Roles, DepartmentsAreTheCompany) {
  const auto roles = roles_of("call.txt",
                              "Billing Department: Good morning, billing.\n"
                              "Caller: I was charged twice.\n"
                              "Tech Support: I'll transfer you back to billing.\n"
                              "Caller: Again?\n");
  EXPECT_EQ(roles.at("Billing Department"), Role::agent);
  EXPECT_EQ(roles.at("Tech Support"), Role::agent);
  EXPECT_EQ(roles.at("Caller"), Role::customer);
}

TEST(Roles, AnAutomatedVoiceIsTheSystem) {
  const auto roles = roles_of("call.txt",
                              "IVR: Thank you for calling. Press 1 for billing.\n"
                              "Recording: Your call may be recorded for quality purposes.\n"
                              "Jo: Hello, thanks for holding, how can I help?\n"
                              "Pat: My bill is wrong.\n"
                              "Jo: Let me check.\n");
  EXPECT_EQ(roles.at("IVR"), Role::system);
  EXPECT_EQ(roles.at("Recording"), Role::system);
  EXPECT_EQ(roles.at("Jo"), Role::agent);
  EXPECT_EQ(roles.at("Pat"), Role::customer);
}

TEST(Roles, AnOpaqueSpeakerReadingAMenuIsTheSystem) {
  const auto roles = roles_of("call.txt",
                              "spk_0: Para espanol, oprima dos. Press 1 for billing, press 2 for "
                              "repairs. Your call may be recorded.\n"
                              "spk_1: Thank you for calling Acme, my name is Lee, how can I help?\n"
                              "spk_2: Hi, my bill doubled and I want to cancel.\n"
                              "spk_1: I'd be happy to look at your account.\n");
  EXPECT_EQ(roles.at("spk_0"), Role::system);
  EXPECT_EQ(roles.at("spk_1"), Role::agent);
  EXPECT_EQ(roles.at("spk_2"), Role::customer);
}

TEST(Roles, InitialsAreReadByWhatEachSays) {
  const auto roles = roles_of("call.txt",
                              "JS: Hi, I was charged twice for my order.\n"
                              "KM: I'm sorry about that, let me check your account.\n"
                              "JS: Thanks.\n"
                              "KM: I see that the second charge is a hold, ma'am.\n");
  EXPECT_EQ(roles.at("KM"), Role::agent);
  EXPECT_EQ(roles.at("JS"), Role::customer);
}

TEST(Roles, TwitterHandlesOfBrandsAndCustomers) {
  // A thread as exported with real handles: the brand's help account, a
  // customer's handle that the reply addresses, a sign-off.
  auto roles = roles_of("thread.txt",
                        "janedoe88: @AmazonHelp my parcel never came\n"
                        "AmazonHelp: @janedoe88 Sorry to hear this! Please reach us here. ^KM\n");
  EXPECT_EQ(roles.at("AmazonHelp"), Role::agent);
  EXPECT_EQ(roles.at("janedoe88"), Role::customer);
  roles = roles_of("thread.txt",
                   "115715: @sprintcare my bill doubled again\n"
                   "comcastcares: @115715 We'd like to help. -FR\n");
  EXPECT_EQ(roles.at("comcastcares"), Role::agent);
  EXPECT_EQ(roles.at("115715"), Role::customer);
  // Nothing in the labels: the reply signed off with initials is the brand's.
  roles = roles_of("thread.txt",
                   "116750: @115722 Fear being sent to collections for returned equipment!\n"
                   "115722: @116750 Hello Jason, when did you return it? ^NHP\n");
  EXPECT_EQ(roles.at("115722"), Role::agent);
  EXPECT_EQ(roles.at("116750"), Role::customer);
}

TEST(Roles, EachOtherLabelGetsItsOwnRoleOnceOneIsTheAgent) {
  Document d = read_text_ok(
      "Agent: Thank you for calling, how can I help?\n"
      "SYSTEM: This call is being transferred.\n"
      "Supervisor: I'm the supervisor, I'd be happy to help.\n"
      "spk_9: My card was declined and I paid the bill.\n");
  std::map<std::string, Turn> by_speaker;
  for (const Turn& turn : d.turns) by_speaker[turn.speaker] = turn;
  EXPECT_EQ(by_speaker["Agent"].role, Role::agent);
  EXPECT_EQ(by_speaker["SYSTEM"].role, Role::system);
  EXPECT_EQ(by_speaker["Supervisor"].role, Role::agent);
  EXPECT_EQ(by_speaker["spk_9"].role, Role::customer);
  EXPECT_DOUBLE_EQ(by_speaker["Agent"].role_confidence, 0.95);
  EXPECT_GT(by_speaker["spk_9"].role_confidence, 0.5);
  EXPECT_LT(by_speaker["spk_9"].role_confidence, 0.95);
}

TEST(Roles, NoAgentFoundIsAWarning) {
  const Document d = read_text_ok(
      "spk_0: hello\n"
      "spk_1: hi\n"
      "spk_0: right\n");
  EXPECT_EQ(testing::turns_with_role(d, Role::agent), 0u);
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_NE(d.warnings[0].find("no agent found"), std::string::npos);
  EXPECT_EQ(d.turns[0].role_confidence, 0);
}

TEST(Roles, NamedAgentsAreAllTheAgentsAndCustomerLabelsAreCustomers) {
  ReadOptions options;
  options.agent_labels = {"B"};
  const std::string text =
      "A: thanks for calling, how can I help\n"
      "B: my bill is wrong\n"
      "A: let me check\n"
      "B: ok\n";
  auto roles = roles_of("call.txt", text, options);
  EXPECT_EQ(roles.at("B"), Role::agent);
  EXPECT_EQ(roles.at("A"), Role::customer);  // its agent-like words do not override the user
  options = {};
  options.customer_labels = {"a"};  // compared case-insensitively
  auto document = testing::read_as("call.txt", text, options);
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(document.value().turns[0].role, Role::customer);
  EXPECT_EQ(document.value().turns[0].role_confidence, 1.0);
}

TEST(Roles, LabelWords) {
  using read_detail::role_from_label;
  EXPECT_EQ(role_from_label("Customer Care"), Role::agent);
  EXPECT_EQ(role_from_label("Virtual Assistant"), Role::system);
  EXPECT_EQ(role_from_label("@AppleSupport"), Role::agent);
  EXPECT_EQ(role_from_label("Ask_Spectrum"), Role::agent);
  EXPECT_EQ(role_from_label("me"), Role::customer);
  EXPECT_EQ(role_from_label("Askew"), std::nullopt);
  EXPECT_EQ(role_from_label("Mary"), std::nullopt);
  EXPECT_EQ(role_from_label("spk_0"), std::nullopt);
  EXPECT_TRUE(read_detail::signs_off("Please DM us. -FR"));
  EXPECT_TRUE(read_detail::signs_off("I still think you look great! - Becky"));
  EXPECT_FALSE(read_detail::signs_off("It was well-Known"));
  EXPECT_FALSE(read_detail::signs_off("I paid 30 - 40"));
}

TEST(LabelStyles, EveryStyleIsATranscriptWithItsSpeakers) {
  struct Case {
    std::string text;
    std::string first_speaker;
    std::string first_text;
  };
  const std::vector<Case> cases = {
      {"[SPEAKER_01]: Hola.\n[SPEAKER_00]: Bon dia.\n[SPEAKER_01]: Adeu.\n", "SPEAKER_01", "Hola."},
      {"Agent (Sarah): Thanks for calling.\nCustomer: My bill is wrong.\n", "Agent (Sarah)",
       "Thanks for calling."},
      {"[10:02 AM] Agent: Hello.\n[10:03 AM] Customer: Hi.\n", "Agent", "Hello."},
      {"**Agent:** Hello.\n**Customer:** Hi.\n", "Agent", "Hello."},
      {"**Agent**: Hello.\n**Customer**: Hi.\n", "Agent", "Hello."},
      {"AGENT: Hello.\ncustomer: Hi.\n", "AGENT", "Hello."},
      {"Customer: my bill is wrong\nAgent: so what's your problem?\n", "Customer",
       "my bill is wrong"},
  };
  for (const Case& c : cases) {
    const Document d = read_text_ok(c.text);
    EXPECT_EQ(d.format, Format::text) << c.text;
    ASSERT_GE(d.turns.size(), 2u) << c.text;
    EXPECT_EQ(d.turns[0].speaker, c.first_speaker) << c.text;
    EXPECT_EQ(d.turns[0].text, c.first_text) << c.text;
  }
  const Document timed = read_text_ok("[2:15 PM] Agent: Hello.\n[2:16 PM] Customer: Hi.\n");
  EXPECT_EQ(timed.turns[0].begin_ms, (14 * 60 + 15) * 60000);
}

TEST(LabelStyles, MeetingExportHeadersPutTheWordsBelow) {
  const Document d = read_text_ok(
      "Jane Smith  10:02 AM\n"
      "Thank you for calling Acme, how can I help?\n"
      "\n"
      "Bob Jones  10:03 AM\n"
      "My bill is wrong.\n"
      "It doubled.\n");
  ASSERT_EQ(d.turns.size(), 2u);
  EXPECT_EQ(d.turns[0].speaker, "Jane Smith");
  EXPECT_EQ(d.turns[0].begin_ms, (10 * 60 + 2) * 60000);
  EXPECT_EQ(d.turns[1].text, "My bill is wrong.\nIt doubled.");
  EXPECT_EQ(d.turns[0].role, Role::agent);
  EXPECT_EQ(d.turns[1].role, Role::customer);
}

TEST(LabelStyles, NarrationAndBylinesAreTheAuthors) {
  const Document d = read_text_ok(
      "From: Pat Lee\n"
      "Agent: Thanks for calling, how can I help?\n"
      "Customer: I want to cancel.\n"
      "\n"
      "I was then put on hold for 40 minutes.\n"
      "\n"
      "Agent: Sorry for the wait.\n");
  ASSERT_EQ(d.turns.size(), 5u);
  EXPECT_EQ(d.turns[0].speaker, "author");  // a byline is not a speaker
  EXPECT_EQ(d.turns[0].text, "From: Pat Lee");
  EXPECT_EQ(d.turns[3].speaker, "author");
  EXPECT_EQ(d.turns[3].reg, Register::report);
  EXPECT_EQ(d.turns[3].text, "I was then put on hold for 40 minutes.");
  EXPECT_EQ(d.turns[2].text, "I want to cancel.");
  EXPECT_EQ(d.turns[4].speaker, "Agent");
}

TEST(Subtitles, QuotedSpeechInFilmSubtitlesIsNotASpeaker) {
  const std::string srt =
      "1\n00:00:01,000 --> 00:00:02,000\nJ'ai dit: non.\n\n"
      "2\n00:00:03,000 --> 00:00:04,000\nBonjour.\n\n"
      "3\n00:00:05,000 --> 00:00:06,000\nRegle numero un: jamais.\n\n"
      "4\n00:00:07,000 --> 00:00:08,000\n- Oui?\n- Non.\n";
  auto document = testing::read_as("film.srt", srt);
  ASSERT_TRUE(document.ok());
  const auto& turns = document.value().turns;
  ASSERT_EQ(turns.size(), 5u);  // the dialogue dashes are two units
  for (const Turn& turn : turns) EXPECT_EQ(turn.speaker, "unknown");
  EXPECT_EQ(turns[0].text, "J'ai dit: non.");
  EXPECT_EQ(turns[3].text, "Oui?");
  EXPECT_EQ(turns[4].text, "Non.");
  testing::expect_round_trip(document.value(), srt);
}

TEST(Subtitles, ConsistentPrefixesAreSpeakersAndAColonCueKeepsItsText) {
  const std::string srt =
      "1\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_00]: Hello.\n\n"
      "2\n00:00:03,000 --> 00:00:04,000\n[SPEAKER_01]: Hi, I said:\n\n"
      "3\n00:00:05,000 --> 00:00:06,000\nWhat I said:\n"
      "4\n00:00:07,000 --> 00:00:08,000\nAgent: One.\nCustomer: Two.\n";
  auto document = testing::read_as("call.srt", srt);
  ASSERT_TRUE(document.ok());
  const auto& turns = document.value().turns;
  ASSERT_EQ(turns.size(), 5u);
  EXPECT_EQ(turns[0].speaker, "SPEAKER_00");
  EXPECT_EQ(turns[1].text, "Hi, I said:");
  EXPECT_EQ(turns[2].speaker, "unknown");  // cue 3 runs into cue 4 with no blank line
  EXPECT_EQ(turns[2].text, "What I said:");
  EXPECT_EQ(turns[3].speaker, "Agent");  // two labelled lines in one cue: two turns
  EXPECT_EQ(turns[4].speaker, "Customer");
  EXPECT_EQ(turns[4].begin_ms, 7000);
  testing::expect_round_trip(document.value(), srt);
}

TEST(Subtitles, VoiceSpansAreTurnsAndMarkupIsListed) {
  const std::string vtt =
      "WEBVTT\n\n00:01.000 --> 00:04.000\n<v Agent>Hello, <i>welcome</i>.</v> <v Customer>Hi "
      "<00:03.000>there.\n";
  auto document = testing::read_as("call.vtt", vtt);
  ASSERT_TRUE(document.ok());
  const auto& turns = document.value().turns;
  ASSERT_EQ(turns.size(), 2u);
  EXPECT_EQ(turns[0].speaker, "Agent");
  EXPECT_EQ(turns[0].text, "Hello, <i>welcome</i>.");
  ASSERT_EQ(turns[0].markup.size(), 2u);
  EXPECT_EQ(turns[0].text.substr(turns[0].markup[0].begin, turns[0].markup[0].size()), "<i>");
  EXPECT_EQ(turns[1].speaker, "Customer");
  EXPECT_EQ(turns[1].text, "Hi <00:03.000>there.");
  ASSERT_EQ(turns[1].markup.size(), 1u);
  testing::expect_round_trip(document.value(), vtt);
}

}  // namespace
}  // namespace conduct
