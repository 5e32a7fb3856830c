// Role inference: label words first, then content cues for opaque labels.
// All word and cue lists live here so that they can be reviewed in one place.

#include "read/roles.h"

#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "read/reader.h"

namespace conduct {
namespace read_detail {
namespace {

// Words in a speaker label that name the company side.
constexpr std::array<std::string_view, 22> kAgentWords = {
    "agent",      "rep",     "representative", "advisor", "adviser",    "associate", "operator",
    "support",    "csr",     "specialist",     "staff",   "employee",   "clerk",     "cashier",
    "supervisor", "manager", "technician",     "tech",    "consultant", "bot",       "assistant",
    "helpdesk"};

// Words in a speaker label that name the customer side. "me" and "i" are the
// author of notes-like transcripts, who is the customer.
constexpr std::array<std::string_view, 13> kCustomerWords = {
    "customer", "caller", "client",   "member",     "user",    "guest", "patient",
    "me",       "i",      "consumer", "subscriber", "visitor", "buyer"};

// A content cue: `first`, and when `then` is set, `then` within 80 bytes after
// it ("my name is ... how can I help"). Phrases are lower-case with ASCII
// apostrophes and match at word boundaries.
struct Cue {
  std::string_view first;
  std::string_view then;
};

// What agents say: greetings with the company, offers of help, lookups,
// honorifics, apologies on behalf of the company.
constexpr std::array<Cue, 22> kAgentCues = {{
    {"thank you for calling", ""},
    {"thanks for calling", ""},
    {"how may i help", ""},
    {"how can i help", ""},
    {"how may i assist", ""},
    {"how can i assist", ""},
    {"my name is", "how"},
    {"i'd be happy to", ""},
    {"i'd be glad to", ""},
    {"i'll be glad to", ""},
    {"i'll be happy to", ""},
    {"let me check", ""},
    {"let me pull up", ""},
    {"let me look", ""},
    {"i see that", ""},
    {"i see here", ""},
    {"ma'am", ""},
    {"sir", ""},
    {"your account", ""},
    {"is there anything else", ""},
    {"i apologize for", ""},
    {"for calling", ""},
}};

// What customers say: their own account, purchases, earlier contacts,
// waiting, cancelling, and "your company".
constexpr std::array<Cue, 14> kCustomerCues = {{
    {"my account", ""},
    {"my bill", ""},
    {"my phone", ""},
    {"my payment", ""},
    {"my order", ""},
    {"i bought", ""},
    {"i was just talking to", ""},
    {"i want to cancel", ""},
    {"i've been waiting", ""},
    {"your company", ""},
    {"i was charged", ""},
    {"i paid", ""},
    {"i called", ""},
    {"i've been a customer", ""},
}};

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Lower-cases ASCII and folds U+2018/U+2019 to "'" so cues match typographic
// text. One allocation per call (per turn), not per token.
std::string fold_for_cues(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
        static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x98 ||
         static_cast<unsigned char>(text[i + 2]) == 0x99)) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(ascii_lower(text[i]));
  }
  return out;
}

// Offset of `phrase` in `text` at word boundaries from `from`, or npos.
std::size_t find_phrase(std::string_view text, std::string_view phrase, std::size_t from) {
  while (true) {
    std::size_t at = text.find(phrase, from);
    if (at == std::string_view::npos) return at;
    const bool left = at == 0 || !is_word_char(text[at - 1]);
    const std::size_t after = at + phrase.size();
    const bool right = after >= text.size() || !is_word_char(text[after]);
    if (left && right) return at;
    from = at + 1;
  }
}

template <std::size_t N>
int count_cues(std::string_view text, const std::array<Cue, N>& cues) {
  int hits = 0;
  for (const Cue& cue : cues) {
    std::size_t from = 0;
    while (true) {
      std::size_t at = find_phrase(text, cue.first, from);
      if (at == std::string_view::npos) break;
      from = at + cue.first.size();
      if (!cue.then.empty()) {
        std::size_t then_at = find_phrase(text, cue.then, from);
        if (then_at == std::string_view::npos || then_at - from > 80) continue;
      }
      ++hits;
    }
  }
  return hits;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

}  // namespace

std::optional<Role> role_from_label(std::string_view label) {
  bool customer = false;
  std::size_t i = 0;
  while (i < label.size()) {
    while (i < label.size() && !std::isalpha(static_cast<unsigned char>(label[i]))) ++i;
    std::size_t begin = i;
    while (i < label.size() && std::isalpha(static_cast<unsigned char>(label[i]))) ++i;
    if (begin == i) break;
    std::string_view word = label.substr(begin, i - begin);
    auto is = [&](std::string_view w) { return equals_ignore_case(word, w); };
    if (std::any_of(kAgentWords.begin(), kAgentWords.end(), is)) return Role::agent;
    if (std::any_of(kCustomerWords.begin(), kCustomerWords.end(), is)) customer = true;
  }
  if (customer) return Role::customer;
  return std::nullopt;
}

CueScore score_cues(std::string_view text) {
  const std::string folded = fold_for_cues(text);
  return {count_cues(folded, kAgentCues), count_cues(folded, kCustomerCues)};
}

}  // namespace read_detail

namespace {

// The evidence needed before content cues name an agent: a net score (agent
// minus customer cues) of at least this, ahead of every other speaker by as
// much.
constexpr int kClearMargin = 2;

bool label_is_agent(std::string_view speaker, const std::vector<std::string>& agent_labels) {
  return std::any_of(agent_labels.begin(), agent_labels.end(), [&](const std::string& label) {
    return label.size() == speaker.size() &&
           std::equal(label.begin(), label.end(), speaker.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  });
}

}  // namespace

void infer_roles(Document& document, const ReadOptions& options) {
  if (!options.agent_labels.empty()) {
    for (Turn& turn : document.turns) {
      turn.role = label_is_agent(turn.speaker, options.agent_labels) ? Role::agent : Role::customer;
    }
    return;
  }
  // Label words, per speaker.
  for (Turn& turn : document.turns) {
    if (turn.role != Role::unknown) continue;
    if (auto role = read_detail::role_from_label(turn.speaker)) turn.role = *role;
  }
  // Content cues for the speakers still unknown ("unknown" itself names no
  // speaker, so it is never given a role).
  std::map<std::string, int> net;  // speaker -> agent cues minus customer cues
  bool known_agent = false;
  for (const Turn& turn : document.turns) {
    if (turn.role == Role::agent) known_agent = true;
    if (turn.role != Role::unknown || turn.speaker == "unknown") continue;
    const auto score = read_detail::score_cues(turn.text);
    net[turn.speaker] += score.agent - score.customer;
  }
  if (net.empty()) return;
  auto best = net.begin();
  for (auto it = net.begin(); it != net.end(); ++it) {
    if (it->second > best->second) best = it;
  }
  int runner_up = std::numeric_limits<int>::min();
  for (auto it = net.begin(); it != net.end(); ++it) {
    if (it != best) runner_up = std::max(runner_up, it->second);
  }
  std::map<std::string, Role> decided;
  if (known_agent) {
    // Someone is already the agent; the rest are customers unless their own
    // words clearly say otherwise (a second agent after a transfer).
    for (const auto& [speaker, score] : net) {
      decided[speaker] = score >= kClearMargin ? Role::agent : Role::customer;
    }
  } else if (best->second >= kClearMargin &&
             (net.size() == 1 || best->second - runner_up >= kClearMargin)) {
    for (const auto& [speaker, score] : net) {
      decided[speaker] = speaker == best->first ? Role::agent : Role::customer;
    }
  } else if (net.size() == 1 && best->second <= -kClearMargin) {
    decided[best->first] = Role::customer;
  }
  for (Turn& turn : document.turns) {
    if (turn.role != Role::unknown) continue;
    auto it = decided.find(turn.speaker);
    if (it != decided.end()) turn.role = it->second;
  }
}

}  // namespace conduct
