// Role inference: label words first, then content cues for opaque labels.
// All word and cue lists live here so that they can be reviewed in one place.

#include "read/roles.h"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "read/reader.h"

namespace conduct {
namespace read_detail {
namespace {

// Words in a speaker label that name the company's automated side.
constexpr std::array<std::string_view, 12> kSystemWords = {
    "ivr",  "system", "recording",     "recorded", "automated", "announcement",
    "menu", "bot",    "autoattendant", "robot",    "virtual",   "voicebot"};

// Words in a speaker label that name the company side: job titles,
// departments and the words brand accounts use ("AppleSupport",
// "comcastcares", "AmazonHelp").
constexpr std::array<std::string_view, 37> kAgentWords = {
    "agent",      "rep",       "representative", "advisor", "adviser",    "associate",  "operator",
    "support",    "csr",       "specialist",     "staff",   "employee",   "clerk",      "cashier",
    "supervisor", "manager",   "technician",     "tech",    "consultant", "assistant",  "helpdesk",
    "department", "dept",      "billing",        "sales",   "retention",  "retentions", "service",
    "services",   "care",      "cares",          "team",    "desk",       "helpline",   "help",
    "concierge",  "dispatcher"};

// Words in a speaker label that name the customer side. "me", "i" and
// "author" are the author of notes-like transcripts, who is the customer.
constexpr std::array<std::string_view, 16> kCustomerWords = {
    "customer", "caller", "client",   "member",     "user",    "guest", "patient", "me",
    "i",        "myself", "consumer", "subscriber", "visitor", "buyer", "author",  "policyholder"};

// Endings of one-word brand handles written without separators
// ("comcastcares", "askamex" is not caught, "xboxsupport" is).
constexpr std::array<std::string_view, 6> kHandleEndings = {"support", "help",    "cares",
                                                            "care",    "service", "team"};

// A content cue: `first`, and when `then` is set, `then` within 80 bytes after
// it ("my name is ... how can I help"). Phrases are lower-case with ASCII
// apostrophes and match at word boundaries.
struct Cue {
  std::string_view first;
  std::string_view then;
};

// What agents say: greetings with the company, offers of help, lookups,
// requests to verify or to move to a private channel, honorifics, apologies
// on behalf of the company.
constexpr std::array<Cue, 38> kAgentCues = {{
    {"thank you for calling", ""},
    {"thanks for calling", ""},
    {"thank you for contacting", ""},
    {"thanks for contacting", ""},
    {"thanks for reaching out", ""},
    {"thank you for reaching out", ""},
    {"how may i help", ""},
    {"how can i help", ""},
    {"how may i assist", ""},
    {"how can i assist", ""},
    {"how can we help", ""},
    {"my name is", "how"},
    {"i'd be happy to", ""},
    {"i'd be glad to", ""},
    {"i'll be glad to", ""},
    {"i'll be happy to", ""},
    {"we'd be happy to", ""},
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
    {"we apologize", ""},
    {"sorry for the inconvenience", ""},
    {"for calling", ""},
    {"can you verify", ""},
    {"may i have your", ""},
    {"can i get your", ""},
    {"send us a dm", ""},
    {"send us a direct message", ""},
    {"dm us", ""},
    {"please dm", ""},
    {"please follow us", ""},
}};

// What customers say: their own account, purchases, earlier contacts,
// waiting, cancelling, and "your company".
constexpr std::array<Cue, 20> kCustomerCues = {{
    {"my account", ""},
    {"my bill", ""},
    {"my phone", ""},
    {"my payment", ""},
    {"my order", ""},
    {"my card", ""},
    {"my flight", ""},
    {"my internet", ""},
    {"i bought", ""},
    {"i was just talking to", ""},
    {"i want to cancel", ""},
    {"i'd like to cancel", ""},
    {"i've been waiting", ""},
    {"your company", ""},
    {"your customer service", ""},
    {"i was charged", ""},
    {"i paid", ""},
    {"i called", ""},
    {"i've been a customer", ""},
    {"i ordered", ""},
}};

// What the company's automated voice says: menus, recording notices, queue
// announcements.
constexpr std::array<Cue, 10> kSystemCues = {{
    {"press", "for"},
    {"para espanol", ""},
    {"para español", ""},
    {"this call may be recorded", ""},
    {"your call may be recorded", ""},
    {"may be monitored or recorded", ""},
    {"your call is important", ""},
    {"estimated wait time", ""},
    {"please say or enter", ""},
    {"please stay on the line", ""},
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
  // Words split at non-letters and at camel case ("AppleSupport", "@Ask_Spectrum").
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < label.size()) {
    while (i < label.size() && !std::isalpha(static_cast<unsigned char>(label[i]))) ++i;
    const std::size_t begin = i;
    while (i < label.size() && std::isalpha(static_cast<unsigned char>(label[i]))) {
      ++i;
      const bool next_upper =
          i < label.size() && std::isupper(static_cast<unsigned char>(label[i]));
      const bool this_lower = std::islower(static_cast<unsigned char>(label[i - 1]));
      if (next_upper && this_lower) break;
    }
    if (begin < i) words.push_back(label.substr(begin, i - begin));
  }
  bool agent = false;
  bool customer = false;
  for (std::string_view word : words) {
    auto is = [&](std::string_view w) { return equals_ignore_case(word, w); };
    if (std::any_of(kSystemWords.begin(), kSystemWords.end(), is)) return Role::system;
    agent = agent || std::any_of(kAgentWords.begin(), kAgentWords.end(), is);
    customer = customer || std::any_of(kCustomerWords.begin(), kCustomerWords.end(), is);
  }
  // "AskAmex", "Ask_WellsFargo", "AskeBay": the brands' help accounts.
  std::string_view handle = label.substr(label.starts_with('@') ? 1 : 0);
  if (handle.size() > 4 && handle.starts_with("Ask") &&
      !std::islower(static_cast<unsigned char>(handle[3])))
    agent = true;
  if (handle.size() > 5 && handle.starts_with("Aske") &&
      std::isupper(static_cast<unsigned char>(handle[4])))
    agent = true;
  if (agent) return Role::agent;
  if (customer) return Role::customer;
  // A one-word handle whose ending is a service word ("comcastcares").
  if (words.size() == 1 && words.front().size() > 5) {
    const std::string folded = fold_for_cues(words.front());
    for (std::string_view ending : kHandleEndings) {
      if (folded.size() > ending.size() + 2 &&
          folded.compare(folded.size() - ending.size(), ending.size(), ending) == 0)
        return Role::agent;
    }
  }
  return std::nullopt;
}

bool signs_off(std::string_view text) {
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\r' ||
                     text[end - 1] == '.'))
    --end;
  std::size_t begin = end;
  while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1]))) --begin;
  const std::size_t letters = end - begin;
  if (letters < 2 || letters > 12 || !std::isupper(static_cast<unsigned char>(text[begin])))
    return false;
  std::size_t mark = begin;
  if (mark > 0 && text[mark - 1] == ' ') --mark;  // "- Becky"
  if (mark == 0) return false;
  const char sign = text[mark - 1];
  if (sign != '-' && sign != '^' && sign != '*' && sign != '~') return false;
  // The mark stands after a blank ("... help! -FR"), not inside a word.
  return mark - 1 == 0 || text[mark - 2] == ' ';
}

CueScore score_cues(std::string_view text) {
  const std::string folded = fold_for_cues(text);
  CueScore score{count_cues(folded, kAgentCues), count_cues(folded, kCustomerCues),
                 count_cues(folded, kSystemCues)};
  // A sign-off counts twice: only a company's account signs its replies.
  if (signs_off(text)) score.agent += 2;
  return score;
}

std::set<std::string> labels_named_as_company(const std::vector<std::string>& labels,
                                              const std::vector<Turn>& turns) {
  static constexpr std::string_view kLeads[] = {"calling ", "contacting ", "welcome to ",
                                                "choosing ", "here at "};
  // Labels by their folded name. Each turn is folded once and read once per
  // lead: after each lead, only the texts up to the longest name that end at
  // a word boundary are looked up, so the cost does not grow with the number
  // of labels (a transcript with thousands of speaker labels took seconds).
  std::unordered_map<std::string, std::vector<const std::string*>> labels_by_name;
  std::size_t longest = 0;
  for (const std::string& label : labels) {
    if (label.empty() || label.size() > 40) continue;
    std::string name = fold_for_cues(label);
    if (!name.empty() && name.front() == '@') name.erase(0, 1);
    if (name.size() < 3) continue;
    longest = std::max(longest, name.size());
    labels_by_name[std::move(name)].push_back(&label);
  }
  std::set<std::string> named;
  if (labels_by_name.empty()) return named;
  std::string candidate;
  for (const Turn& turn : turns) {
    const std::string folded = fold_for_cues(turn.text);
    const std::string_view text = folded;
    for (std::string_view lead : kLeads) {
      for (std::size_t at = text.find(lead); at != std::string_view::npos;
           at = text.find(lead, at + 1)) {
        if (at > 0 && is_word_char(text[at - 1])) continue;
        const std::size_t begin = at + lead.size();
        const std::size_t last = std::min(text.size(), begin + longest);
        for (std::size_t end = begin + 1; end <= last; ++end) {
          if (end < text.size() && is_word_char(text[end])) continue;
          candidate.assign(text.substr(begin, end - begin));
          const auto found = labels_by_name.find(candidate);
          if (found == labels_by_name.end()) continue;
          for (const std::string* label : found->second) named.insert(*label);
        }
      }
    }
  }
  return named;
}

}  // namespace read_detail

namespace {

// The evidence needed before content cues name an agent: a net score (agent
// minus customer cues) of at least this, ahead of every other speaker by as
// much.
constexpr int kClearMargin = 2;

// Confidences by the kind of evidence. Stated roles are 1; these are
// rounded guesses of how often each kind was right on the real threads and
// calls measured in README ("Speaker roles").
constexpr double kLabelWordConfidence = 0.95;
constexpr double kCompanyNameConfidence = 0.9;
constexpr double kOtherPartyConfidence = 0.8;
constexpr double kCueConfidence = 0.7;
constexpr double kPresumedCustomerConfidence = 0.6;
constexpr double kStructureConfidence = 0.55;

bool label_in(std::string_view speaker, const std::vector<std::string>& labels) {
  return std::any_of(labels.begin(), labels.end(), [&](const std::string& label) {
    return label.size() == speaker.size() &&
           std::equal(label.begin(), label.end(), speaker.begin(), [](char x, char y) {
             return std::tolower(static_cast<unsigned char>(x)) ==
                    std::tolower(static_cast<unsigned char>(y));
           });
  });
}

struct SpeakerEvidence {
  Role role = Role::unknown;
  double confidence = 0;
  int agent_cues = 0;
  int customer_cues = 0;
  int system_cues = 0;
  bool names_company = false;
  std::size_t first_turn = 0;
};

// True for formats that record calls (the first speaker of a call is usually
// the agent answering it), as opposed to chats and threads.
bool is_call(const Document& document) {
  if (document.format == Format::aws || document.format == Format::connect ||
      document.format == Format::whisper || document.format == Format::vtt ||
      document.format == Format::srt) {
    return true;
  }
  return !document.turns.empty() && document.turns.front().begin_ms.has_value();
}

// "spk_0", "SPEAKER_01": the ids diarization gives the voices of a call,
// which say nothing about who opened a conversation.
bool diarized(std::string_view speaker) {
  if (!read_detail::is_opaque_label(speaker)) return false;
  std::size_t letters = 0;
  while (letters < speaker.size() && std::isalpha(static_cast<unsigned char>(speaker[letters])))
    ++letters;
  std::string prefix(speaker.substr(0, letters));
  for (char& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return prefix == "spk" || prefix == "speaker" || prefix == "ch" || prefix == "channel" ||
         prefix == "s" || prefix == "voice" || prefix == "person" || prefix == "participant";
}

}  // namespace

void infer_roles(Document& document, const ReadOptions& options) {
  // Speakers in order of first appearance; "unknown" names nobody.
  std::map<std::string, SpeakerEvidence> speakers;
  std::vector<std::string> order;
  for (std::size_t t = 0; t < document.turns.size(); ++t) {
    const Turn& turn = document.turns[t];
    auto [it, inserted] = speakers.try_emplace(turn.speaker);
    if (inserted) {
      order.push_back(turn.speaker);
      it->second.first_turn = t;
      if (turn.role != Role::unknown) {
        it->second.role = turn.role;
        it->second.confidence = turn.role_confidence > 0 ? turn.role_confidence : 1.0;
      }
    }
  }
  for (auto& [speaker, evidence] : speakers) {
    if (evidence.role != Role::unknown || speaker == "unknown") continue;
    if (label_in(speaker, options.agent_labels)) {
      evidence = {Role::agent, 1.0};
    } else if (label_in(speaker, options.customer_labels)) {
      evidence = {Role::customer, 1.0};
    } else if (auto role = read_detail::role_from_label(speaker)) {
      evidence.role = *role;
      evidence.confidence = kLabelWordConfidence;
    }
  }
  // Content, for the speakers still unknown.
  for (const Turn& turn : document.turns) {
    SpeakerEvidence& evidence = speakers[turn.speaker];
    if (evidence.role != Role::unknown || turn.speaker == "unknown") continue;
    const auto score = read_detail::score_cues(turn.text);
    evidence.agent_cues += score.agent;
    evidence.customer_cues += score.customer;
    evidence.system_cues += score.system;
  }
  std::vector<std::string> unnamed;
  for (const auto& [speaker, evidence] : speakers) {
    if (evidence.role == Role::unknown && speaker != "unknown") unnamed.push_back(speaker);
  }
  const std::set<std::string> company_named =
      read_detail::labels_named_as_company(unnamed, document.turns);
  for (auto& [speaker, evidence] : speakers) {
    if (evidence.role != Role::unknown || speaker == "unknown") continue;
    if (company_named.count(speaker) > 0) {
      evidence.role = Role::agent;
      evidence.confidence = kCompanyNameConfidence;
    }
    if (evidence.role == Role::unknown && evidence.system_cues >= 2 &&
        evidence.system_cues > evidence.agent_cues + evidence.customer_cues) {
      evidence.role = Role::system;
      evidence.confidence = kCueConfidence;
    }
  }
  auto net = [](const SpeakerEvidence& e) { return e.agent_cues - e.customer_cues; };
  auto has_role = [&](Role role) {
    return std::any_of(speakers.begin(), speakers.end(),
                       [&](const auto& entry) { return entry.second.role == role; });
  };
  std::vector<std::string> open;  // speakers still unknown, in order of appearance
  for (const std::string& speaker : order) {
    if (speaker != "unknown" && speakers[speaker].role == Role::unknown) open.push_back(speaker);
  }
  if (!open.empty() && !has_role(Role::agent) && options.agent_labels.empty()) {
    // The clearest agent by content; in a call, speaking first breaks a tie.
    const bool call = is_call(document);
    auto score = [&](const std::string& speaker) {
      // Calls are answered by the agent; threads and chats are opened by
      // the customer.
      const int first = speaker == order.front() ? (call ? 1 : -1) : 0;
      return 2 * net(speakers[speaker]) + first;
    };
    std::string best = open.front();
    for (const std::string& speaker : open) {
      if (score(speaker) > score(best)) best = speaker;
    }
    int runner_up = std::numeric_limits<int>::min();
    for (const std::string& speaker : open) {
      if (speaker != best) runner_up = std::max(runner_up, score(speaker));
    }
    const int best_score = score(best);
    const bool clear = best_score >= 2 * kClearMargin &&
                       (open.size() == 1 || best_score - runner_up >= 2 * kClearMargin);
    if (clear) {
      speakers[best].role = Role::agent;
      speakers[best].confidence = kCueConfidence;
    } else if (has_role(Role::customer) && open.size() == 1 && net(speakers[open.front()]) >= 0) {
      // The customer is known ("Me:", "Caller:"); the one other party, whose
      // words are not a customer's, answers for the company.
      speakers[open.front()].role = Role::agent;
      speakers[open.front()].confidence = kCueConfidence;
    } else if (!call && open.size() == 2 && open.front() == order.front() &&
               !diarized(open.front()) && !diarized(open.back()) &&
               net(speakers[open.front()]) <= 0 && net(speakers[open.back()]) >= 0) {
      // A chat or thread of two parties, nothing else to go by: the customer
      // opened it and the company answered.
      speakers[open.back()].role = Role::agent;
      speakers[open.back()].confidence = kStructureConfidence;
    }
  }
  if (has_role(Role::agent) || has_role(Role::system)) {
    // Each other speaker by its own words: a second agent after a transfer
    // speaks like one; the party who speaks of "my account" is the customer.
    for (const std::string& speaker : open) {
      SpeakerEvidence& evidence = speakers[speaker];
      if (evidence.role != Role::unknown) continue;
      // A user who names the agents has named them all.
      if (net(evidence) >= kClearMargin && options.agent_labels.empty()) {
        evidence.role = Role::agent;
        evidence.confidence = kCueConfidence;
      } else if (net(evidence) < 0 || !options.agent_labels.empty()) {
        evidence.role = Role::customer;
        evidence.confidence = kCueConfidence;
      }
    }
    // The parties nothing marks as the company's are its customers: surer
    // when there is one such party and no customer yet.
    std::vector<std::string> left;
    for (const std::string& speaker : open) {
      if (speakers[speaker].role == Role::unknown) left.push_back(speaker);
    }
    const bool sole = left.size() == 1 && !has_role(Role::customer);
    for (const std::string& speaker : left) {
      speakers[speaker].role = Role::customer;
      speakers[speaker].confidence = sole ? kOtherPartyConfidence : kPresumedCustomerConfidence;
    }
  } else if (open.size() == 1 && net(speakers[open.front()]) <= -kClearMargin) {
    speakers[open.front()].role = Role::customer;
    speakers[open.front()].confidence = kCueConfidence;
  }
  for (Turn& turn : document.turns) {
    const SpeakerEvidence& evidence = speakers[turn.speaker];
    turn.role = evidence.role;
    turn.role_confidence = evidence.role == Role::unknown ? 0 : evidence.confidence;
  }
  const bool speech = std::any_of(document.turns.begin(), document.turns.end(),
                                  [](const Turn& turn) { return turn.reg == Register::speech; });
  if (speech && !has_role(Role::agent) && !has_role(Role::system)) {
    document.warnings.push_back(
        "no agent found: no speaker label names a role and no speaker's words are clearly the "
        "agent's; give --agent-label LABEL");
  }
}

}  // namespace conduct
