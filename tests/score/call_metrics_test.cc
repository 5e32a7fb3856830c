// Call metrics on hand-built turns with numbers worked out by hand, and on
// AWS's Contact Lens example call (../shared/samples/formats/connect), whose
// expected values come from an independent script over the JSON (and agree
// with the talk speed Contact Lens itself reports: 239 and 163 words a
// minute against our 237.6 and 162.8).
#include "score/call_metrics.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "read/reader.h"
#include "test_support.h"

namespace conduct {
namespace {

using Quarters = std::array<std::optional<double>, 4>;

Turn timed(std::string speaker, Role role, std::int64_t begin, std::optional<std::int64_t> end,
           std::string text = "") {
  Turn turn;
  turn.speaker = std::move(speaker);
  turn.role = role;
  turn.begin_ms = begin;
  turn.end_ms = end;
  turn.text = std::move(text);
  turn.end = turn.text.size();
  return turn;
}

const RoleMetrics* role_of(const CallMetrics& call, Role role) {
  for (const RoleMetrics& entry : call.by_role) {
    if (entry.role == role) return &entry;
  }
  return nullptr;
}

std::vector<Role> roles_listed(const CallMetrics& call) {
  std::vector<Role> out;
  for (const RoleMetrics& entry : call.by_role) out.push_back(entry.role);
  return out;
}

// An agent and a customer: the agent cuts in 1 s before the customer stops,
// a 4 s hold, a 500 ms and a 200 ms pause between turns.
//   agent    0- 4000 | customer  4500-10000 | agent 9000-12000 |
//   customer 16000-18000 | agent 18200-20000
std::vector<Turn> two_party_call() {
  return {timed("Agent", Role::agent, 0, 4000, "Hello, how can I help?"),
          timed("Customer", Role::customer, 4500, 10000, "My card was charged twice last month."),
          timed("Agent", Role::agent, 9000, 12000, "I see, let me check."),
          timed("Customer", Role::customer, 16000, 18000, "Thanks."),
          timed("Agent", Role::agent, 18200, 20000, "Done.")};
}

TEST(CallMetrics, DurationSpeechAndSilence) {
  const std::vector<Turn> turns = two_party_call();
  const std::vector<double> sentiment = {0.5, -0.4, 0.2, 0.6, 0.3};
  const auto call = measure_call(turns, sentiment);
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(call->begin_ms, 0);
  EXPECT_EQ(call->end_ms, 20000);
  EXPECT_EQ(call->duration_ms, 20000);
  // Speech: [0,4000] [4500,12000] [16000,18000] [18200,20000].
  EXPECT_EQ(call->speech_ms, 15300);
  EXPECT_EQ(call->silence_ms, 4700);  // 500 + 4000 + 200
  // Only the 4 s gap reaches kLongSilenceMs; the 500 and 200 ms pauses do not.
  ASSERT_EQ(call->long_silences.size(), 1u);
  EXPECT_EQ(call->long_silences[0], (Silence{12000, 16000}));
  EXPECT_EQ(call->long_silence_ms, 4000);
  ASSERT_TRUE(call->longest_silence.has_value());
  EXPECT_EQ(*call->longest_silence, (Silence{12000, 16000}));
}

TEST(CallMetrics, TalkTimeSharesSpeedAndTurnsPerRoleAndSpeaker) {
  const std::vector<Turn> turns = two_party_call();
  const auto call = measure_call(turns, std::vector<double>(turns.size(), 0.0));
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(roles_listed(*call), (std::vector<Role>{Role::agent, Role::customer}));
  const ParticipantMetrics& agent = role_of(*call, Role::agent)->metrics;
  const ParticipantMetrics& customer = role_of(*call, Role::customer)->metrics;
  EXPECT_EQ(agent.talk_ms, 8800);     // 4000 + 3000 + 1800
  EXPECT_EQ(customer.talk_ms, 7500);  // 5500 + 2000
  EXPECT_DOUBLE_EQ(*agent.share, 8800.0 / 16300.0);
  EXPECT_DOUBLE_EQ(*customer.share, 7500.0 / 16300.0);
  EXPECT_EQ(agent.words, 11u);  // 5 + 5 + 1
  EXPECT_EQ(customer.words, 8u);
  EXPECT_DOUBLE_EQ(*agent.words_per_minute, 75.0);     // 11 words in 8.8 s
  EXPECT_DOUBLE_EQ(*customer.words_per_minute, 64.0);  // 8 words in 7.5 s
  EXPECT_EQ(agent.turns, 3u);
  EXPECT_EQ(customer.turns, 2u);
  // The same by speaker label, with the label's role.
  ASSERT_EQ(call->by_speaker.size(), 2u);
  EXPECT_EQ(call->by_speaker[0].speaker, "Agent");
  EXPECT_EQ(call->by_speaker[0].role, Role::agent);
  EXPECT_EQ(call->by_speaker[0].metrics.talk_ms, 8800);
  EXPECT_EQ(call->by_speaker[1].speaker, "Customer");
  EXPECT_EQ(call->by_speaker[1].metrics.turns, 2u);
  EXPECT_DOUBLE_EQ(*call->by_speaker[1].metrics.share, 7500.0 / 16300.0);
}

TEST(CallMetrics, AnOverlapWhereTheOtherFallsSilentIsAnInterruption) {
  const std::vector<Turn> turns = two_party_call();
  const auto call = measure_call(turns, std::vector<double>(turns.size(), 0.0));
  ASSERT_TRUE(call.has_value());
  ASSERT_EQ(call->interruptions.size(), 1u);
  EXPECT_EQ(call->interruptions[0],
            (Interruption{"Agent", Role::agent, "Customer", Role::customer, 9000, 1000}));
  EXPECT_EQ(call->interruption_ms, 1000);
  EXPECT_EQ(role_of(*call, Role::agent)->metrics.interruptions, 1u);
  EXPECT_EQ(role_of(*call, Role::customer)->metrics.interruptions, 0u);
  EXPECT_EQ(call->by_speaker[0].metrics.interruptions, 1u);
}

// Three parties: when two are under way as the third cuts in, the one that
// overlaps longest is the one interrupted, the first listed on a tie; a
// stretch that outlasts the interrupter is no interruption.
TEST(CallMetrics, TheLongestOverlapUnderWayIsTheOneInterrupted) {
  const std::vector<Turn> turns = {
      timed("Ann", Role::customer, 0, 6000),
      timed("Bo", Role::customer, 1000, 7000),
      timed("Cy", Role::agent, 5000, 9000),  // Ann 1000 ms, Bo 2000 ms: Bo
      timed("Ann", Role::customer, 10000, 14000),
      timed("Bo", Role::customer, 11000, 14000),
      timed("Cy", Role::agent, 12000, 16000),  // a tie at 2000 ms: Ann, listed first
      timed("Ann", Role::customer, 20000, 30000),
      timed("Cy", Role::agent, 21000, 25000)};  // Ann talks on: no interruption
  const auto call = measure_call(turns, std::vector<double>(turns.size(), 0.0));
  ASSERT_TRUE(call.has_value());
  const std::vector<Interruption> expected = {
      {"Bo", Role::customer, "Ann", Role::customer, 1000, 5000},
      {"Cy", Role::agent, "Bo", Role::customer, 5000, 2000},
      {"Bo", Role::customer, "Ann", Role::customer, 11000, 3000},
      {"Cy", Role::agent, "Ann", Role::customer, 12000, 2000}};
  EXPECT_EQ(call->interruptions, expected);
}

// Thousands of speaker labels, each cutting in on the one before: one
// interruption each, found in one sweep (the work no longer grows with the
// number of speakers times the number of turns).
TEST(CallMetrics, EverySpeakerOfAManySpeakerCallIsMeasured) {
  constexpr std::int64_t kSpeakers = 3000;
  const auto label = [](std::int64_t i) {
    std::string name = "S";
    name += std::to_string(i);
    return name;
  };
  std::vector<Turn> turns;
  for (std::int64_t i = 0; i < kSpeakers; ++i) {
    turns.push_back(timed(label(i), Role::unknown, i * 2000, i * 2000 + 2800, "words"));
  }
  const auto call = measure_call(turns, std::vector<double>(turns.size(), 0.0));
  ASSERT_TRUE(call.has_value());
  ASSERT_EQ(call->interruptions.size(), static_cast<std::size_t>(kSpeakers - 1));
  for (std::int64_t i = 1; i < kSpeakers; ++i) {
    EXPECT_EQ(call->interruptions[static_cast<std::size_t>(i - 1)],
              (Interruption{label(i), Role::unknown, label(i - 1), Role::unknown, i * 2000, 800}));
  }
}

TEST(CallMetrics, ShortOverlapsAndBackchannelsAreNotInterruptions) {
  // A 300 ms overlap at a hand-over, an "mhm" inside the other's speech
  // (who talks on), then an overlap of exactly the minimum.
  const std::vector<Turn> turns = {timed("A", Role::agent, 0, 5000, "one two"),
                                   timed("B", Role::customer, 4700, 8000, "three four"),
                                   timed("A", Role::agent, 6000, 6500, "mhm"),
                                   timed("A", Role::agent, 7500, 10000, "five six")};
  const auto call = measure_call(turns, std::vector<double>(turns.size(), 0.0));
  ASSERT_TRUE(call.has_value());
  ASSERT_EQ(call->interruptions.size(), 1u);
  EXPECT_EQ(call->interruptions[0],
            (Interruption{"A", Role::agent, "B", Role::customer, 7500, kMinInterruptionOverlapMs}));
  // Runs in document order: A | B | A A.
  EXPECT_EQ(call->by_speaker[0].metrics.turns, 2u);
  EXPECT_EQ(call->by_speaker[1].metrics.turns, 1u);
  // No gap at all: speech covers the call.
  EXPECT_EQ(call->silence_ms, 0);
  EXPECT_FALSE(call->longest_silence.has_value());
  EXPECT_TRUE(call->long_silences.empty());
}

TEST(CallMetrics, SentimentByQuarterOfTheCallByTurnMidpoint) {
  // Quarters of 5000 ms; midpoints 2000, 7250, 10500, 17000, 19100.
  const std::vector<Turn> turns = two_party_call();
  const std::vector<double> sentiment = {0.5, -0.4, 0.2, 0.6, 0.3};
  const auto call = measure_call(turns, sentiment);
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(role_of(*call, Role::agent)->metrics.sentiment_by_quarter,
            (Quarters{0.5, std::nullopt, 0.2, 0.3}));
  EXPECT_EQ(role_of(*call, Role::customer)->metrics.sentiment_by_quarter,
            (Quarters{std::nullopt, -0.4, std::nullopt, 0.6}));
}

TEST(CallMetrics, TwoTurnsInAQuarterAreAveraged) {
  const std::vector<Turn> turns = {timed("A", Role::agent, 0, 1000),
                                   timed("A", Role::agent, 1000, 2000),
                                   timed("B", Role::customer, 2000, 8000)};
  const std::vector<double> sentiment = {0.25, 0.75, -1.0};
  const auto call = measure_call(turns, sentiment);
  ASSERT_TRUE(call.has_value());
  // Midpoints 500 and 1500 of an 8000 ms call: both in the first quarter.
  EXPECT_EQ(call->by_speaker[0].metrics.sentiment_by_quarter,
            (Quarters{0.5, std::nullopt, std::nullopt, std::nullopt}));
  // Midpoint 5000 is the boundary of the second and third quarters: the later.
  EXPECT_EQ(call->by_speaker[1].metrics.sentiment_by_quarter,
            (Quarters{std::nullopt, std::nullopt, -1.0, std::nullopt}));
}

TEST(CallMetrics, RolesWithoutTurnsAreLeftOut) {
  // An IVR and a customer, no agent; and two speakers of unknown role.
  const std::vector<Turn> ivr = {timed("IVR", Role::system, 0, 3000, "Press one."),
                                 timed("Caller", Role::customer, 3500, 4000, "One.")};
  const auto with_ivr = measure_call(ivr, std::vector<double>(2, 0.0));
  ASSERT_TRUE(with_ivr.has_value());
  EXPECT_EQ(roles_listed(*with_ivr), (std::vector<Role>{Role::customer, Role::system}));
  EXPECT_EQ(role_of(*with_ivr, Role::agent), nullptr);

  const std::vector<Turn> diarized = {timed("spk_0", Role::unknown, 0, 3000, "a b c"),
                                      timed("spk_1", Role::unknown, 3000, 4000, "d")};
  const auto unlabelled = measure_call(diarized, std::vector<double>(2, 0.0));
  ASSERT_TRUE(unlabelled.has_value());
  EXPECT_EQ(roles_listed(*unlabelled), (std::vector<Role>{Role::unknown}));
  EXPECT_EQ(role_of(*unlabelled, Role::unknown)->metrics.talk_ms, 4000);
  EXPECT_DOUBLE_EQ(*role_of(*unlabelled, Role::unknown)->metrics.share, 1.0);
  // One role, two turns: the change of speaker starts a new one.
  EXPECT_EQ(role_of(*unlabelled, Role::unknown)->metrics.turns, 2u);
  // The speakers still tell the two sides apart.
  ASSERT_EQ(unlabelled->by_speaker.size(), 2u);
  EXPECT_DOUBLE_EQ(*unlabelled->by_speaker[0].metrics.share, 0.75);
  EXPECT_DOUBLE_EQ(*unlabelled->by_speaker[1].metrics.share, 0.25);
}

TEST(CallMetrics, OneLabelInTwoRolesIsTwoSpeakers) {
  // A reader that knows the roles but not the labels: turns and
  // interruptions still tell the two sides apart; the label groups them.
  const std::vector<Turn> turns = {timed("unknown", Role::agent, 0, 3000, "a b"),
                                   timed("unknown", Role::customer, 2000, 6000, "c d"),
                                   timed("unknown", Role::agent, 6500, 7000, "e")};
  const auto call = measure_call(turns, std::vector<double>(turns.size(), 0.0));
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(
      call->interruptions,
      (std::vector<Interruption>{{"unknown", Role::customer, "unknown", Role::agent, 2000, 1000}}));
  EXPECT_EQ(role_of(*call, Role::agent)->metrics.turns, 2u);
  EXPECT_EQ(role_of(*call, Role::customer)->metrics.turns, 1u);
  EXPECT_EQ(role_of(*call, Role::customer)->metrics.interruptions, 1u);
  ASSERT_EQ(call->by_speaker.size(), 1u);
  EXPECT_EQ(call->by_speaker[0].metrics.turns, 3u);
  EXPECT_EQ(call->by_speaker[0].metrics.talk_ms, 7000 - 500);
  EXPECT_EQ(call->by_speaker[0].metrics.interruptions, 1u);
}

TEST(CallMetrics, NoTimesNoMetrics) {
  Turn untimed;
  untimed.speaker = "Agent";
  untimed.text = "Hello.";
  EXPECT_FALSE(measure_call(std::vector<Turn>{untimed, untimed}, std::vector<double>(2, 0.0)));
  EXPECT_FALSE(measure_call({}, {}));
  // Times on only some turns are not enough to say who spoke when.
  const std::vector<Turn> partly = {timed("Agent", Role::agent, 0, 1000), untimed};
  EXPECT_FALSE(measure_call(partly, std::vector<double>(2, 0.0)));
  // One sentiment value per turn, or nothing.
  EXPECT_FALSE(measure_call(two_party_call(), std::vector<double>(2, 0.0)));
}

TEST(CallMetrics, ASingleTurn) {
  const std::vector<Turn> turns = {timed("Agent", Role::agent, 1000, 4000, "one two three")};
  const auto call = measure_call(turns, std::vector<double>{0.7});
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(call->begin_ms, 1000);
  EXPECT_EQ(call->duration_ms, 3000);
  EXPECT_EQ(call->speech_ms, 3000);
  EXPECT_EQ(call->silence_ms, 0);
  EXPECT_FALSE(call->longest_silence.has_value());
  EXPECT_TRUE(call->interruptions.empty());
  const ParticipantMetrics& agent = call->by_role.at(0).metrics;
  EXPECT_DOUBLE_EQ(*agent.share, 1.0);
  EXPECT_DOUBLE_EQ(*agent.words_per_minute, 60.0);
  EXPECT_EQ(agent.turns, 1u);
  // Midpoint 2500: half-way through the call, the start of the third quarter.
  EXPECT_EQ(agent.sentiment_by_quarter, (Quarters{std::nullopt, std::nullopt, 0.7, std::nullopt}));
}

TEST(CallMetrics, TurnsWithABeginAndNoEndHaveNoMetrics) {
  // A timestamped chat: when each line was sent, not how long anyone spoke.
  const std::vector<Turn> turns = {timed("Agent", Role::agent, 0, std::nullopt, "Hi there"),
                                   timed("Customer", Role::customer, 2000, std::nullopt, "hello"),
                                   timed("Agent", Role::agent, 5000, std::nullopt, "bye now")};
  EXPECT_FALSE(measure_call(turns, std::vector<double>{0.1, 0.2, 0.3}).has_value());
  // One turn without its end is enough.
  const std::vector<Turn> mixed = {timed("Agent", Role::agent, 0, 1500, "Hi there"),
                                   timed("Customer", Role::customer, 2000, std::nullopt, "hello")};
  EXPECT_FALSE(measure_call(mixed, std::vector<double>{0.1, 0.2}).has_value());
}

TEST(CallMetrics, AnEndBeforeTheBeginIsTheBegin) {
  const std::vector<Turn> turns = {timed("Agent", Role::agent, 1000, 3000, "a"),
                                   timed("Customer", Role::customer, 5000, 4000, "b")};
  const auto call = measure_call(turns, std::vector<double>(2, 0.0));
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(call->end_ms, 5000);
  EXPECT_EQ(role_of(*call, Role::customer)->metrics.talk_ms, 0);
  EXPECT_EQ(call->silence_ms, 2000);
}

TEST(CallMetrics, TurnsOutOfTimeOrderAreMeasuredInTime) {
  std::vector<Turn> turns = two_party_call();
  std::swap(turns[0], turns[4]);
  const auto call = measure_call(turns, std::vector<double>(turns.size(), 0.0));
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(call->speech_ms, 15300);
  EXPECT_EQ(call->long_silences, (std::vector<Silence>{{12000, 16000}}));
  EXPECT_EQ(call->interruptions.size(), 1u);
  EXPECT_EQ(role_of(*call, Role::agent)->metrics.talk_ms, 8800);
}

TEST(CallMetrics, CountsWords) {
  EXPECT_EQ(count_words(""), 0u);
  EXPECT_EQ(count_words("  Hello,   how can I help?  "), 5u);
  // Punctuation alone is no word; redactions, numbers and accents are.
  EXPECT_EQ(count_words("I — I mean … [PII] 42 , ça va"), 7u);
}

// The Contact Lens example call: ten messages, two participants, times in
// BeginOffsetMillis/EndOffsetMillis. Sentiment here is the file's own label
// per message (POSITIVE 1, NEUTRAL 0, NEGATIVE -1), so the expected quarters
// need no sentiment model.
TEST(CallMetrics, ContactLensExampleCall) {
  const auto path =
      testing::shared_dir() / "samples" / "formats" / "connect" / "contact-lens-call-example.json";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "missing " << path << ": this test reads a real Contact Lens file from "
                 << "../shared (CI always has it)";
  }
  const std::string bytes = testing::read_file(path);
  auto document = read_document(path.filename().string(), bytes, Format::connect, {});
  ASSERT_TRUE(document.ok()) << document.error().message;
  const auto& turns = document.value().turns;
  const auto json = nlohmann::json::parse(bytes);
  ASSERT_EQ(turns.size(), json.at("Transcript").size());
  std::vector<double> sentiment;
  for (const auto& entry : json.at("Transcript")) {
    const std::string label = entry.at("Sentiment").get<std::string>();
    sentiment.push_back(label == "POSITIVE" ? 1.0 : label == "NEGATIVE" ? -1.0 : 0.0);
  }

  const auto call = measure_call(turns, sentiment);
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(call->begin_ms, 0);
  EXPECT_EQ(call->end_ms, 32110);  // Contact Lens: TotalConversationDurationMillis 32110
  EXPECT_EQ(call->duration_ms, 32110);
  EXPECT_EQ(call->speech_ms, 28770);
  EXPECT_EQ(call->silence_ms, 3340);
  // Contact Lens reports no non-talk time; no gap here reaches 3 s.
  EXPECT_TRUE(call->long_silences.empty());
  EXPECT_EQ(call->long_silence_ms, 0);
  ASSERT_TRUE(call->longest_silence.has_value());
  EXPECT_EQ(*call->longest_silence, (Silence{29710, 30580}));
  // Nor interruptions: the one overlap (customer 22610-24140, agent from
  // 24120) is 20 ms.
  EXPECT_TRUE(call->interruptions.empty());

  EXPECT_EQ(roles_listed(*call), (std::vector<Role>{Role::agent, Role::customer}));
  const ParticipantMetrics& agent = role_of(*call, Role::agent)->metrics;
  const ParticipantMetrics& customer = role_of(*call, Role::customer)->metrics;
  EXPECT_EQ(agent.talk_ms, 15150);     // Contact Lens, from word times: 15079
  EXPECT_EQ(customer.talk_ms, 13640);  // Contact Lens: 13619
  EXPECT_DOUBLE_EQ(*agent.share, 15150.0 / 28790.0);
  EXPECT_EQ(agent.words, 60u);
  EXPECT_EQ(customer.words, 37u);
  EXPECT_DOUBLE_EQ(*agent.words_per_minute, 60.0 * 60000.0 / 15150.0);     // 237.6
  EXPECT_DOUBLE_EQ(*customer.words_per_minute, 37.0 * 60000.0 / 13640.0);  // 162.8
  EXPECT_EQ(agent.turns, 5u);
  EXPECT_EQ(customer.turns, 5u);
  EXPECT_EQ(agent.sentiment_by_quarter, (Quarters{0.0, -1.0, 0.0, 1.0}));
  EXPECT_EQ(customer.sentiment_by_quarter, (Quarters{0.0, -1.0, 1.0, 1.0}));

  ASSERT_EQ(call->by_speaker.size(), 2u);
  EXPECT_EQ(call->by_speaker[0].speaker, "AGENT");
  EXPECT_EQ(call->by_speaker[0].metrics.talk_ms, 15150);
  EXPECT_EQ(call->by_speaker[1].speaker, "CUSTOMER");
  EXPECT_EQ(call->by_speaker[1].role, Role::customer);
}

// The Transcribe Call Analytics bank call: ParticipantRole on each entry (no
// ParticipantId), turns that overlap in time. Expected values from an
// independent script over the file's BeginOffsetMillis/EndOffsetMillis;
// AWS's own ConversationCharacteristics list two of these interruptions
// (at 18740 ms for 2120 ms, as here, and at 166440 ms).
TEST(CallMetrics, CallAnalyticsExampleCall) {
  const auto path = testing::shared_dir() / "samples" / "formats" / "connect" /
                    "transcribe-call-analytics-example-call.json";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "missing " << path << ": this test reads a real Call Analytics file from "
                 << "../shared (CI always has it)";
  }
  auto document =
      read_document(path.filename().string(), testing::read_file(path), Format::connect, {});
  ASSERT_TRUE(document.ok()) << document.error().message;
  const auto& turns = document.value().turns;
  const auto call = measure_call(turns, std::vector<double>(turns.size(), 0.0));
  ASSERT_TRUE(call.has_value());
  EXPECT_EQ(call->begin_ms, 40);
  EXPECT_EQ(call->duration_ms, 182850);
  EXPECT_EQ(call->speech_ms, 160661);
  EXPECT_TRUE(call->long_silences.empty());
  ASSERT_EQ(call->interruptions.size(), 7u);
  EXPECT_EQ(call->interruptions[0].at_ms, 7940);
  EXPECT_EQ(call->interruptions[0].overlap_ms, 2510);
  EXPECT_EQ(call->interruptions[1].at_ms, 18740);
  EXPECT_EQ(call->interruptions[1].overlap_ms, 2120);
  EXPECT_EQ(roles_listed(*call), (std::vector<Role>{Role::agent, Role::customer}));
  const ParticipantMetrics& agent = role_of(*call, Role::agent)->metrics;
  const ParticipantMetrics& customer = role_of(*call, Role::customer)->metrics;
  EXPECT_EQ(agent.talk_ms, 114740);
  EXPECT_EQ(customer.talk_ms, 64211);
  EXPECT_EQ(agent.turns, 19u);
  EXPECT_EQ(customer.turns, 18u);
  EXPECT_EQ(agent.words, 323u);
  EXPECT_EQ(customer.words, 139u);
  EXPECT_EQ(agent.interruptions, 6u);
  EXPECT_EQ(customer.interruptions, 1u);
}

}  // namespace
}  // namespace conduct
