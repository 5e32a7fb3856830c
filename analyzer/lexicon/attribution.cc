#include "lexicon/attribution.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>

#include "lexicon/sentence_context.h"

namespace conduct {

// First-person subject, a few adverbs, then the act. Checked on corpus/real
// train: the model's findings of misconduct on such sentences were the
// customer's own hang-ups and anger.
const std::string_view kCustomerOwnConduct =
    R"(\b(?:i|we)\s+(?:(?:just|then|finally|eventually|also|even|actually|immediately|simply|)"
    R"(had\s+to|have\s+to|had|did|ended\s+up)\s+)*(?:hung|hang|hanging)\s+up\b)"
    R"(|\b(?:i|we)\s+(?:(?:just|then|finally|eventually|also|even|actually)\s+)?)"
    R"((?:yelled|shouted|screamed|cursed|swore|lost\s+my\s+temper|raised\s+my\s+voice|)"
    R"(used\s+(?:some\s+)?(?:abusive|foul|bad|strong)\s+language)\b)"
    R"(|\b(?:i|we)\s+(?:was|were|became|got|am|are|get)\s+(?:(?:very|really|so|extremely|)"
    R"(highly|a\s+bit|a\s+little|quite|pretty)\s+)?(?:rude|angry|agitated|irate|upset|frustrated|)"
    R"(mad|furious|heated|abusive|annoyed|short\s+with)\b)"
    R"(|\b(?:i|we)\s+(?:(?:just|then|also|politely)\s+)?(?:refused|declined)\b)"
    R"(|\b(?:i|we)\s+(?:(?:just|then|finally|eventually)\s+)?(?:disconnected|disconnect|ended)\s+the\s+call\b)";

// "i told him," / "we said:" / "i then asked the rep" right before the
// opening quotation mark.
constexpr std::string_view kCustomerFrame =
    R"((?:^|[^a-z'])(?:i|we)\s+(?:(?:then|also|just|finally|calmly|politely|simply|again)\s+)?)"
    R"((?:told|said|asked|replied|responded|answered|wrote|yelled|screamed|shouted|explained|)"
    R"(insisted|repeated)(?:\s+(?:him|her|them|back|the\s+\w+|to\s+(?:him|her|them|the\s+\w+)))?)"
    R"(\s*[,:]?\s*$)";

Result<Attributor> Attributor::from_lists(const PhraseLists& lists) {
  std::string pattern(kCustomerOwnConduct);
  if (const auto it = lists.patterns.find("customer_own_conduct"); it != lists.patterns.end()) {
    pattern = it->second;
  }
  std::string error;
  const std::string expanded = expand_list_references(pattern, lists, &error);
  if (expanded.empty()) {
    return Error{ErrorCode::lexicon_bad_pattern, "customer_own_conduct: " + error, "", 0};
  }
  auto regex = std::make_unique<const RE2>(expanded);
  if (!regex->ok()) {
    return Error{ErrorCode::lexicon_bad_pattern,
                 "customer_own_conduct: bad regular expression: " + regex->error(), "", 0};
  }
  return Attributor(std::move(regex), std::make_unique<const RE2>(kCustomerFrame));
}

Attributor::Attributor() : Attributor(std::move(from_lists({}).value())) {}
Attributor::Attributor(std::unique_ptr<const RE2> customer_own,
                       std::unique_ptr<const RE2> customer_frame)
    : customer_own_(std::move(customer_own)), customer_frame_(std::move(customer_frame)) {}
Attributor::Attributor(Attributor&&) noexcept = default;
Attributor& Attributor::operator=(Attributor&&) noexcept = default;
Attributor::~Attributor() = default;

std::vector<ByteSpan> Attributor::customers_quotes(std::string_view sentence) const {
  std::vector<ByteSpan> quotes;
  find_quoted_ranges(sentence, quotes);
  std::vector<ByteSpan> theirs;
  for (const ByteSpan& quote : quotes) {
    if (quote.begin == 0) continue;  // no mark before it: a quotation the sentence opens
    // The text before the opening mark, back to the previous quotation or
    // at most 60 bytes.
    const std::size_t mark = quote.begin - 1;
    std::size_t from = mark > 60 ? mark - 60 : 0;
    for (const ByteSpan& earlier : quotes) {
      if (earlier.end < mark && earlier.end + 1 > from) from = earlier.end + 1;
    }
    if (RE2::PartialMatch(sentence.substr(from, mark - from), *customer_frame_)) {
      theirs.push_back(quote);
    }
  }
  return theirs;
}

void Attributor::mark_customers_words(std::string_view sentence, const MatchContext& context,
                                      const CategoryTable& categories,
                                      std::vector<RuleHit>& hits) const {
  if (context.reg == Register::speech && context.role == Role::agent) return;
  const auto counted_misconduct = [&categories](const RuleHit& hit) {
    return hit.suppressed_by.empty() && categories.sign(hit.rule->category) < 0;
  };
  if (std::none_of(hits.begin(), hits.end(), counted_misconduct)) return;
  const std::vector<ByteSpan> quotes = customers_quotes(sentence);
  for (RuleHit& hit : hits) {
    if (!counted_misconduct(hit)) continue;
    for (const ByteSpan& quote : quotes) {
      if (hit.span.begin >= quote.begin && hit.span.end <= quote.end) {
        hit.suppressed_by = "customers_own_words";
        break;
      }
    }
  }
}

Actor Attributor::actor_of(std::string_view sentence, const MatchContext& context) const {
  if (context.reg == Register::speech && context.role == Role::agent) return Actor::agent;
  return RE2::PartialMatch(sentence, *customer_own_) ? Actor::customer : Actor::company;
}

}  // namespace conduct
