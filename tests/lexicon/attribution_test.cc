#include "lexicon/attribution.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace conduct {
namespace {

constexpr MatchContext kNotesContext{Register::report, Role::customer};
constexpr MatchContext kAgentContext{Register::speech, Role::agent};
constexpr MatchContext kCustomerContext{Register::speech, Role::customer};

TEST(Attribution, AgentTurnsAreTheAgentsOwn) {
  const Attributor attributor;
  // Even the words of a customer's own conduct, said by an agent, are the agent's.
  EXPECT_EQ(attributor.actor_of("i hung up on him.", kAgentContext), Actor::agent);
  EXPECT_EQ(attributor.actor_of("there is nothing i can do.", kAgentContext), Actor::agent);
}

TEST(Attribution, TheCustomerActingIsTheCustomersOwnConduct) {
  const Attributor attributor;
  const std::vector<std::pair<std::string, Actor>> cases = {
      {"i hung up on him after an hour.", Actor::customer},
      {"i finally had to hang up.", Actor::customer},
      {"i have to admit i became highly agitated and hung up on her.", Actor::customer},
      {"we were really frustrated by then.", Actor::customer},
      {"i lost my temper and yelled.", Actor::customer},
      {"i refused to pay the late fee.", Actor::customer},
      {"i disconnected the call.", Actor::customer},
      // The company's side acting, told by the customer.
      {"he hung up on me.", Actor::company},
      {"the rep was rude and refused to help.", Actor::company},
      {"she said she would call back and never did.", Actor::company},
      // "frustration" is not the customer being frustrated at someone.
      {"i understand your frustration, she said.", Actor::company},
  };
  for (const auto& [sentence, actor] : cases) {
    EXPECT_EQ(attributor.actor_of(sentence, kNotesContext), actor) << sentence;
  }
  EXPECT_EQ(attributor.actor_of("you hung up on me twice!", kCustomerContext), Actor::company);
  EXPECT_EQ(attributor.actor_of("i hung up because you were rude.", kCustomerContext),
            Actor::customer);
}

TEST(Attribution, TheFolderMayNameItsOwnPattern) {
  PhraseLists lists;
  lists.words["slammed"] = {"slammed the phone down", "walked out"};
  lists.patterns["customer_own_conduct"] = R"(\bi\s+{slammed}\b)";
  const auto attributor = Attributor::from_lists(lists);
  ASSERT_TRUE(attributor.ok()) << attributor.error().message;
  EXPECT_EQ(attributor.value().actor_of("i walked out of the store.", kNotesContext),
            Actor::customer);
  // The built-in words are replaced, not added to.
  EXPECT_EQ(attributor.value().actor_of("i hung up on him.", kNotesContext), Actor::company);

  lists.patterns["customer_own_conduct"] = R"(\bi\s+(unclosed)";
  const auto broken = Attributor::from_lists(lists);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, ErrorCode::lexicon_bad_pattern);
  EXPECT_NE(broken.error().message.find("customer_own_conduct"), std::string::npos);
}

TEST(Attribution, QuotationsTheCustomerIntroducesAreTheCustomers) {
  const Attributor attributor;
  const std::string both = "i told the rep \"this is ridiculous\" and he replied \"calm down\".";
  const auto quotes = attributor.customers_quotes(both);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(both.substr(quotes[0].begin, quotes[0].size()), "this is ridiculous");
  EXPECT_EQ(attributor.customers_quotes("we said: \"you are useless\".").size(), 1u);
  EXPECT_TRUE(attributor.customers_quotes("he told me, \"that's your problem now\".").empty());
  EXPECT_TRUE(attributor.customers_quotes("\"that's your problem\", he said.").empty());
}

}  // namespace
}  // namespace conduct
