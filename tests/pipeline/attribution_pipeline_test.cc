// Whose conduct the analyzer reports, through the whole pipeline with the
// shipped lexicons and model: reported speech belongs to its speaker, the
// customer's own conduct is never the company's, and every finding names
// its actor.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "pipeline/analyzer.h"
#include "read/reader.h"

namespace conduct {
namespace {

std::vector<std::pair<std::string, Actor>> findings_of(const Analyzer& analyzer,
                                                       const std::string& text, Format format) {
  auto document = read_document("doc.txt", text, format, ReadOptions{});
  EXPECT_TRUE(document.ok());
  std::vector<std::pair<std::string, Actor>> out;
  if (!document.ok()) return out;
  for (const Finding& f : analyzer.analyze(std::move(document).value()).findings) {
    out.emplace_back(std::string(to_string(f.category)), f.actor);
  }
  return out;
}

using Found = std::vector<std::pair<std::string, Actor>>;

TEST(AttributionPipeline, ReportedSpeechBelongsToItsSpeaker) {
  auto analyzer = Analyzer::load(ResourcePaths{});
  ASSERT_TRUE(analyzer.ok()) << analyzer.error().where_message();
  const Analyzer& a = analyzer.value();
  // The agent's words, reported by the customer: the company's misconduct.
  EXPECT_EQ(findings_of(a, "He told me, \"that's your problem now\".\n", Format::notes),
            (Found{{"unprofessional", Actor::company}}));
  // The same words said by the customer: nothing.
  EXPECT_EQ(findings_of(a, "I told him, \"that's your problem now\".\n", Format::notes), Found{});
  // Both in one sentence: only the agent's reply counts.
  EXPECT_EQ(
      findings_of(a, "I told the rep \"this is ridiculous\" and he replied \"calm down, sir\".\n",
                  Format::notes),
      (Found{{"unprofessional", Actor::company}}));
}

TEST(AttributionPipeline, NegationConditionQuestionAndTheCustomersOwnConduct) {
  auto analyzer = Analyzer::load(ResourcePaths{});
  ASSERT_TRUE(analyzer.ok()) << analyzer.error().where_message();
  const Analyzer& a = analyzer.value();
  EXPECT_EQ(findings_of(a, "The agent hung up on me.\n", Format::notes),
            (Found{{"unprofessional", Actor::company}}));
  EXPECT_EQ(findings_of(a, "The rep was not rude at all.\n", Format::notes), Found{});
  EXPECT_EQ(findings_of(a, "Why did nobody call me back?\n", Format::notes), Found{});
  EXPECT_EQ(findings_of(a, "I hung up on the agent because I was furious.\n", Format::notes),
            Found{});
  // What might happen is not what did: no unresponsive finding.
  EXPECT_EQ(
      findings_of(a, "If they don't call back by Friday I will complain again.\n", Format::notes),
      Found{});
}

TEST(AttributionPipeline, AgentTurnsAreTheAgentsAndRecapsAreMarked) {
  auto analyzer = Analyzer::load(ResourcePaths{});
  ASSERT_TRUE(analyzer.ok()) << analyzer.error().where_message();
  const Analyzer& a = analyzer.value();
  EXPECT_EQ(findings_of(a, "Agent: There is nothing I can do about that.\nCustomer: Fine.\n",
                        Format::text),
            (Found{{"dismissive", Actor::agent}}));
  auto document = read_document(
      "doc.txt", "Round three ended with the agent hanging up on me. Now the new rep was kind.\n",
      Format::notes, ReadOptions{});
  ASSERT_TRUE(document.ok());
  const Analysis analysis = a.analyze(std::move(document).value());
  ASSERT_EQ(analysis.findings.size(), 1u);
  EXPECT_EQ(analysis.findings[0].category, Category::unprofessional);
  EXPECT_TRUE(analysis.findings[0].recap);
  EXPECT_EQ(analysis.points, 0);  // a recap is reported, never counted
}

// A call transcript with opaque labels: roles come from what each says; the
// customer's report of an earlier incident is the company's, marked as past,
// not the agent's on the line; a goodbye after the customer's is not curt.
TEST(AttributionPipeline, InACallThePastIncidentIsTheCompanysAndAGoodbyeIsNotCurt) {
  auto analyzer = Analyzer::load(ResourcePaths{});
  ASSERT_TRUE(analyzer.ok()) << analyzer.error().where_message();
  auto document = read_document("call.txt",
                                "spk_0: Thank you for calling Acme, my name is Lee, how can I "
                                "help you today?\n"
                                "spk_1: You hung up on me last time I called about my bill.\n"
                                "spk_0: I'm sorry about that. Let me check your account.\n"
                                "spk_1: Thanks, bye.\n"
                                "spk_0: Bye.\n",
                                Format::text, ReadOptions{});
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(document.value().turns[0].role, Role::agent);
  EXPECT_EQ(document.value().turns[1].role, Role::customer);
  const Analysis analysis = analyzer.value().analyze(std::move(document).value());
  std::vector<std::tuple<std::string, Actor, bool>> found;
  for (const Finding& f : analysis.findings) {
    found.emplace_back(std::string(to_string(f.category)), f.actor, f.recap);
  }
  EXPECT_EQ(found, (std::vector<std::tuple<std::string, Actor, bool>>{
                       {"unprofessional", Actor::company, true}}));
}

}  // namespace
}  // namespace conduct
