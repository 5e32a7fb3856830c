#include "lexicon/lexicon.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <tuple>
#include <unordered_map>

#include "core/background.h"
#include "core/sha256.h"
#include "lexicon/checked_patterns.h"
#include "lexicon/rule_file.h"
#include "lexicon/rule_options.h"
#include "lexicon/sentence_context.h"

namespace conduct {
namespace {

// The four places a rule can apply: register x speaker class.
enum Slot : std::size_t { kSpeechAgent, kSpeechCustomer, kReportAuthor, kReportCustomer, kSlots };

bool in_slot(const Rule& rule, Slot slot) {
  const auto has = [&](Speaker s) { return (rule.speakers & static_cast<std::uint8_t>(s)) != 0; };
  switch (slot) {
    case kSpeechAgent:
      return (rule.registers & kSpeechBit) != 0 && has(Speaker::agent);
    case kSpeechCustomer:
      return (rule.registers & kSpeechBit) != 0 && has(Speaker::customer);
    case kReportAuthor:
      return (rule.registers & kReportBit) != 0 && has(Speaker::author);
    case kReportCustomer:
      return (rule.registers & kReportBit) != 0 && has(Speaker::customer);
    case kSlots:
      break;
  }
  return false;
}

// Words that introduce the agent's reported words in a customer's account:
// "you told me to ...", "the last rep said ...", "I was told ...". The match
// ends where the reported words begin.
constexpr std::string_view kReportingFrame =
    R"(\b(?:(?:you|he|she|they)|(?:the|that|this|your|another|one|a)\s+)"
    R"((?:(?:last|other|first|previous|next|same|second|third|new)\s+)?)"
    R"((?:rep|reps|representative|agent|person|guy|lady|woman|man|gentleman|girl|supervisor|)"
    R"(manager|associate|advisor|adviser|employee|colleague|coworker|staff|csr|tech|technician))"
    R"(|i\s+was|we\s+were))"
    R"(\s+(?:(?:just|then|also|even|literally|actually|again|simply)\s+)?)"
    R"((?:told\s+(?:me|us)|told|said|says|kept\s+saying|keeps\s+saying|was\s+like|replied|)"
    R"(responded|answered|claimed|insisted|asked\s+me|tells\s+me|informed\s+me|stated))"
    R"(\b(?:\s*,)?(?:\s+(?:that|to)\b)?\s*:?\s*)";

}  // namespace

// A slot's rules are matched as several RE2 sets of kRulesPerSet rules, or
// kMaxSetsPerSlot sets of more for a large lexicon. One set of all of them
// said the same in one scan, but its DFA is built lazily from states holding
// every partial match of every rule: on real text nearly every sentence built
// new states (a first pass over 5.3 MB of complaint narratives took 10.6 s),
// and smaller sets repeat their states far more often (3.0 s in sets of 10;
// a pass over text seen before costs 0.6 s and 1.4 s).
constexpr std::size_t kRulesPerSet = 10;
constexpr std::size_t kMaxSetsPerSlot = 16;

struct Lexicon::Compiled {
  struct RuleSet {
    std::unique_ptr<RE2::Set> set;     // null when it could not be compiled
    std::vector<std::uint32_t> rules;  // set index -> rule index
  };
  // A slot's sets are compiled when a sentence first needs them: a batch of
  // notes never uses the speech slots, and a small file's start-up is mostly
  // this compiling.
  struct SlotSet {
    std::once_flag compiled;
    std::vector<RuleSet> sets;
  };
  // The slot's sets, compiled on first use (safe from any thread).
  const std::vector<RuleSet>& sets_of(std::size_t slot, const std::vector<Rule>& rules) const;
  // A rule's regular expression: compiled at load, or for a pattern checked
  // on an earlier run (CheckedPatterns) when a sentence first needs it.
  class Regex {
   public:
    Regex(std::string source, std::shared_ptr<const RE2> compiled)
        : source_(std::move(source)),
          compiled_at_load_(compiled != nullptr),
          regex_(std::move(compiled)) {}
    // Whether the regex was compiled at construction (else it was vouched
    // for by the cache and is compiled on first use).
    bool compiled_now() const { return compiled_at_load_; }
    const RE2& get() const {
      std::call_once(once_, [this] {
        if (!regex_) regex_ = std::make_shared<const RE2>(source_, rule_regex_options());
      });
      return *regex_;
    }

   private:
    std::string source_;
    bool compiled_at_load_;
    mutable std::once_flag once_;
    mutable std::shared_ptr<const RE2> regex_;
  };
  using RegexPtr = std::unique_ptr<const Regex>;
  std::vector<RegexPtr> regexes;    // parallel to rules_
  std::vector<RegexPtr> thens;      // parallel to rules_; null for ordinary rules
  std::vector<RegexPtr> nears;      // parallel to rules_; null without `near`
  std::vector<RegexPtr> not_nears;  // parallel to rules_; null without `not_near`
  mutable std::array<SlotSet, kSlots> slots;
  explicit Compiled(const std::string& frame) : reporting_frame(frame, rule_regex_options()) {}
  RE2 reporting_frame;
};

Lexicon::Lexicon() = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;
Lexicon::~Lexicon() = default;

bool Rule::has_guard(Guard guard) const {
  return std::find(guards.begin(), guards.end(), guard) != guards.end();
}

const std::vector<Rule>& Lexicon::rules() const {
  return rules_;
}
std::string Lexicon::version() const {
  return version_;
}

namespace {

// Words between two byte ranges of a sentence (0 when they touch or overlap):
// runs of non-space bytes in the gap.
std::size_t words_between(std::string_view s, ByteSpan a, ByteSpan b) {
  if (a.begin > b.begin) std::swap(a, b);
  if (b.begin <= a.end) return 0;
  std::size_t words = 0;
  bool in_word = false;
  for (std::size_t i = a.end; i < b.begin; ++i) {
    const bool space = s[i] == ' ' || s[i] == '\t' || s[i] == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace

// Whether `condition` matches in sentence `s` within `words` words of `hit`.
bool Lexicon::found_near(std::string_view s, const RE2& condition, ByteSpan hit,
                         std::size_t words) {
  std::size_t position = 0;
  re2::StringPiece found;
  while (position < s.size() &&
         condition.Match(s, position, s.size(), RE2::UNANCHORED, &found, 1)) {
    const auto begin = static_cast<std::size_t>(found.data() - s.data());
    const ByteSpan span{begin, begin + found.size()};
    if (!span.empty() && words_between(s, hit, span) <= words) return true;
    position = std::max(span.end, span.begin + 1);
  }
  return false;
}

ClauseWords clause_words_of(const PhraseLists& lists) {
  ClauseWords words;
  if (const auto it = lists.words.find("negators"); it != lists.words.end()) {
    words.negators = it->second;
  }
  if (const auto it = lists.words.find("conditionals"); it != lists.words.end()) {
    words.conditionals = it->second;
  }
  return words;
}

std::string reporting_frame_of(const PhraseLists& lists) {
  const auto it = lists.patterns.find("reporting_frame");
  return it != lists.patterns.end() ? it->second : std::string();
}

Result<Lexicon> Lexicon::from_rules(std::vector<Rule> rules, ClauseWords clause_words,
                                    std::string reporting_frame,
                                    const CompiledPatterns& compiled_patterns,
                                    const CheckedPatterns* checked) {
  // The parser's regexes are reused; a pattern checked on an earlier run is
  // compiled when first used; any other is compiled (and checked) now.
  const auto compile = [&](const std::string& source) {
    const auto it = compiled_patterns.find(source);
    std::shared_ptr<const RE2> regex;
    if (it != compiled_patterns.end()) {
      regex = it->second;
    } else if (checked == nullptr || !checked->contains(source)) {
      regex = std::make_shared<const RE2>(source, rule_regex_options());
    }
    return std::make_unique<const Compiled::Regex>(source, std::move(regex));
  };
  // Only a regex compiled now can be found bad here.
  const auto error_of = [](const Compiled::Regex& regex) -> std::string {
    return regex.compiled_now() && !regex.get().ok() ? regex.get().error() : std::string();
  };
  Lexicon lexicon;
  lexicon.rules_ = std::move(rules);
  lexicon.clause_words_ = std::move(clause_words);
  if (reporting_frame.empty()) reporting_frame = std::string(kReportingFrame);
  auto compiled = std::make_unique<Compiled>(reporting_frame);
  if (!compiled->reporting_frame.ok()) {
    return Error{
        ErrorCode::lexicon_bad_pattern,
        "bad regular expression in the reporting frame: " + compiled->reporting_frame.error(), "",
        0};
  }
  Sha256 digest;
  std::unordered_map<std::string_view, const Rule*> ids;
  ids.reserve(lexicon.rules_.size());
  for (const auto& rule : lexicon.rules_) {
    auto [it, fresh] = ids.emplace(rule.id, &rule);
    if (!fresh) {
      return Error{ErrorCode::lexicon_duplicate_id,
                   "duplicate rule id '" + rule.id + "' (first defined at " + it->second->file +
                       ":" + std::to_string(it->second->line) + ")",
                   rule.file, rule.line};
    }
    auto regex = compile(rule.pattern);
    if (const std::string error = error_of(*regex); !error.empty()) {
      return Error{ErrorCode::lexicon_bad_pattern,
                   "rule '" + rule.id + "': bad regular expression: " + error, rule.file,
                   rule.line};
    }
    compiled->regexes.push_back(std::move(regex));
    Compiled::RegexPtr then;
    if (!rule.then.empty()) {
      then = compile(rule.then);
      if (const std::string error = error_of(*then); !error.empty()) {
        return Error{ErrorCode::lexicon_bad_pattern,
                     "rule '" + rule.id + "': bad regular expression in 'then': " + error,
                     rule.file, rule.line};
      }
    }
    compiled->thens.push_back(std::move(then));
    for (const auto& [source, target, key] :
         {std::tuple{&rule.near, &compiled->nears, "near"},
          std::tuple{&rule.not_near, &compiled->not_nears, "not_near"}}) {
      Compiled::RegexPtr condition;
      if (!source->empty()) {
        condition = compile(*source);
        if (const std::string error = error_of(*condition); !error.empty()) {
          return Error{ErrorCode::lexicon_bad_pattern,
                       "rule '" + rule.id + "': bad regular expression in '" + key + "': " + error,
                       rule.file, rule.line};
        }
      }
      target->push_back(std::move(condition));
    }
    digest.update(rule.id);
    digest.update(std::string_view("\0", 1));
    digest.update(rule.pattern);
    if (!rule.near.empty() || !rule.not_near.empty()) {
      digest.update(std::string_view("\0near\0", 6));
      digest.update(rule.near + "\0" + rule.not_near + "\0" + std::to_string(rule.near_within) +
                    "/" + std::to_string(rule.not_near_within));
    }
    if (!rule.then.empty()) {
      digest.update(std::string_view("\0then\0", 6));
      digest.update(rule.then);
      digest.update(std::to_string(rule.within));
    }
    digest.update(std::string_view("\n", 1));
  }
  lexicon.version_ = "lex-" + digest.hex_digest().substr(0, 8);
  lexicon.compiled_ = std::move(compiled);
  return lexicon;
}

const std::vector<Lexicon::Compiled::RuleSet>& Lexicon::Compiled::sets_of(
    std::size_t slot, const std::vector<Rule>& rules) const {
  SlotSet& target = slots[slot];
  std::call_once(target.compiled, [&] {
    RE2::Options set_options = rule_regex_options();
    set_options.set_max_mem(kSetMaxMem);
    std::size_t slot_rules = 0;
    for (const Rule& rule : rules) slot_rules += in_slot(rule, static_cast<Slot>(slot));
    const std::size_t per_set =
        std::max(kRulesPerSet, (slot_rules + kMaxSetsPerSlot - 1) / kMaxSetsPerSlot);
    auto& sets = target.sets;
    for (std::size_t i = 0; i < rules.size(); ++i) {
      if (!in_slot(rules[i], static_cast<Slot>(slot))) continue;
      if (sets.empty() || sets.back().rules.size() == per_set) {
        sets.push_back({std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED), {}});
      }
      // Every pattern was checked alone (at load or on an earlier run), so
      // adding it cannot fail.
      sets.back().set->Add(rules[i].pattern, nullptr);
      sets.back().rules.push_back(static_cast<std::uint32_t>(i));
    }
    // A set over its memory budget (never seen with sane rules) is dropped:
    // scan then tries each of its rules, slower but with the same hits.
    for (auto& rule_set : sets) {
      if (!rule_set.set->Compile()) rule_set.set.reset();
    }
  });
  return target.sets;
}

Result<Lexicon> Lexicon::load(const std::filesystem::path& dir, const CategoryTable& categories,
                              const std::filesystem::path& cache_folder) {
  CheckedPatterns checked =
      cache_folder.empty() ? CheckedPatterns() : CheckedPatterns(cache_folder);
  std::vector<LintMessage> messages;
  const auto first_error = [&messages]() -> std::optional<Error> {
    for (const auto& m : messages) {
      if (!m.is_warning) return m.error;
    }
    return std::nullopt;
  };
  const auto paths = lexicon_file_paths(dir.string(), messages);
  if (auto error = first_error()) return *error;
  std::string lists_bytes;
  const PhraseLists lists = read_shared_lists(dir.string(), messages, &lists_bytes);
  if (auto error = first_error()) return *error;

  std::vector<Rule> rules;
  CompiledPatterns compiled;
  Sha256 digest;
  if (!lists_bytes.empty()) {
    digest.update(kListsFile);
    digest.update(std::string_view("\0", 1));
    digest.update(lists_bytes);
  }
  // Each file is parsed (its rules compiled to check them) on one of two
  // threads; the results are then taken in name order, as if read one by one.
  struct Parsed {
    Result<std::string> bytes = std::string();
    LexiconFile file;
    std::vector<LintMessage> messages;
  };
  std::vector<Parsed> parsed(paths.size());
  const auto parse_every_other = [&](std::size_t first) {
    for (std::size_t i = first; i < paths.size(); i += 2) {
      parsed[i].bytes = read_lexicon_bytes(paths[i], "lexicon file");
      if (!parsed[i].bytes.ok()) continue;
      parsed[i].file = parse_lexicon_file(paths[i], parsed[i].bytes.value(), parsed[i].messages,
                                          lists, categories, &checked);
    }
  };
  auto odd_files = run_in_background([&] { parse_every_other(1); });
  parse_every_other(0);
  odd_files.get();

  std::unordered_map<std::string, std::pair<std::string, std::size_t>> themes;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    if (!parsed[i].bytes.ok()) return parsed[i].bytes.error();
    digest.update(std::filesystem::path(path).filename().string());
    digest.update(std::string_view("\0", 1));
    digest.update(parsed[i].bytes.value());
    for (LintMessage& message : parsed[i].messages) messages.push_back(std::move(message));
    LexiconFile& file = parsed[i].file;
    if (auto error = first_error()) return *error;
    auto [it, fresh] = themes.emplace(file.theme, std::make_pair(path, file.theme_line));
    if (!fresh) {
      return Error{ErrorCode::lexicon_duplicate_theme,
                   "duplicate theme '" + file.theme + "' (also in " + it->second.first + ":" +
                       std::to_string(it->second.second) + ")",
                   path, file.theme_line};
    }
    for (auto& rule : file.rules) rules.push_back(std::move(rule));
    compiled.merge(file.compiled);
  }
  auto lexicon = from_rules(std::move(rules), clause_words_of(lists), reporting_frame_of(lists),
                            compiled, &checked);
  if (!lexicon.ok()) return lexicon.error();
  for (const auto& [source, regex] : compiled) checked.add(source);
  checked.save();
  lexicon.value().version_ = "lex-" + digest.hex_digest().substr(0, 8);
  lexicon.value().categories_ = categories;
  lexicon.value().shared_lists_ = lists;
  return lexicon;
}

std::optional<ByteSpan> Lexicon::follow_up(const Rule& rule, std::string_view later) const {
  if (!compiled_ || rule.then.empty() || rules_.empty() || &rule < rules_.data() ||
      &rule >= rules_.data() + rules_.size() || is_question(later)) {
    return std::nullopt;
  }
  const RE2& then = compiled_->thens[static_cast<std::size_t>(&rule - rules_.data())]->get();
  std::size_t position = 0;
  re2::StringPiece found;
  while (position < later.size() &&
         then.Match(later, position, later.size(), RE2::UNANCHORED, &found, 1)) {
    const auto begin = static_cast<std::size_t>(found.data() - later.data());
    const ByteSpan span{begin, begin + found.size()};
    if (!conditional_before(later, span.begin, clause_words_)) return span;
    position = std::max(span.end, span.begin + 1);
  }
  return std::nullopt;
}

void Lexicon::match(std::string_view s, const MatchContext& context, std::vector<RuleHit>& hits,
                    bool include_suppressed) const {
  if (!compiled_ || s.empty()) return;
  const std::size_t first_new = hits.size();
  std::vector<ByteSpan> quoted;
  find_quoted_ranges(s, quoted);
  std::vector<int> candidates;

  const auto inside = [](ByteSpan span, const std::vector<ByteSpan>& ranges) {
    return std::any_of(ranges.begin(), ranges.end(),
                       [&](ByteSpan r) { return span.begin >= r.begin && span.end <= r.end; });
  };
  const auto suppression = [&](const Rule& rule, ByteSpan span, bool reported) {
    for (Guard guard : rule.guards) {
      bool suppress = false;
      switch (guard) {
        case Guard::negation:
          suppress = negated_before(s, span.begin, clause_words_);
          break;
        case Guard::unquoted:
          suppress = inside(span, quoted);
          break;
        case Guard::quoted:
          suppress = !reported && !inside(span, quoted);
          break;
        case Guard::not_question:
          suppress = is_question(s);
          break;
        case Guard::not_conditional:
          // A follow-up rule's first part is a long narrated clause ("told
          // him that if the money wasn't back I'd cancel"): a conditional
          // anywhere in it makes it no promise.
          suppress =
              conditional_before(s, rule.then.empty() ? span.begin : span.end, clause_words_);
          break;
      }
      if (suppress) return to_string(guard);
    }
    const std::size_t index = static_cast<std::size_t>(&rule - rules_.data());
    if (const Compiled::Regex* near = compiled_->nears[index].get();
        near != nullptr && !found_near(s, near->get(), span, rule.near_within)) {
      return std::string_view("near");
    }
    if (const Compiled::Regex* not_near = compiled_->not_nears[index].get();
        not_near != nullptr && found_near(s, not_near->get(), span, rule.not_near_within)) {
      return std::string_view("not_near");
    }
    return std::string_view();
  };
  // Adds a hit unless the same rule already hit an overlapping span; a hit
  // that counts replaces a suppressed one.
  const auto add = [&](RuleHit hit) {
    for (std::size_t i = first_new; i < hits.size(); ++i) {
      if (hits[i].rule != hit.rule || !overlaps(hits[i].span, hit.span)) continue;
      if (!hits[i].suppressed_by.empty() && hit.suppressed_by.empty()) hits[i] = hit;
      return;
    }
    if (hit.suppressed_by.empty() || include_suppressed) hits.push_back(hit);
  };
  std::vector<int> matched;
  const auto scan = [&](Slot slot, ByteSpan range, Role about, bool reported) {
    if (range.empty()) return;
    const auto& sets = compiled_->sets_of(slot, rules_);
    const std::string_view text = s.substr(range.begin, range.size());
    candidates.clear();  // rule indices, in order: sets hold rules in order
    for (const auto& target : sets) {
      matched.clear();
      RE2::Set::ErrorInfo info{RE2::Set::kNoError};
      if (!target.set ||
          (!target.set->Match(text, &matched, &info) && info.kind != RE2::Set::kNoError)) {
        // No set, or its DFA ran out of its budget on this input: stay correct
        // by trying every rule of the set (slow, never expected with sane rules).
        matched.resize(target.rules.size());
        for (std::size_t i = 0; i < matched.size(); ++i) matched[i] = static_cast<int>(i);
      }
      std::sort(matched.begin(), matched.end());
      for (int m : matched) {
        candidates.push_back(static_cast<int>(target.rules[static_cast<std::size_t>(m)]));
      }
    }
    for (int candidate : candidates) {
      const auto index = static_cast<std::size_t>(candidate);
      const Rule& rule = rules_[index];
      const RE2& regex = compiled_->regexes[index]->get();
      std::size_t position = range.begin;
      re2::StringPiece found;
      while (position <= range.end &&
             regex.Match(s, position, range.end, RE2::UNANCHORED, &found, 1)) {
        const auto begin = static_cast<std::size_t>(found.data() - s.data());
        const ByteSpan span{begin, begin + found.size()};
        if (span.empty()) {  // an empty match says nothing; step past it
          position = span.end + 1;
          continue;
        }
        add(RuleHit{&rule, span, about, suppression(rule, span, reported)});
        position = span.end;
      }
    }
  };

  const bool reports_agent = context.reg == Register::report || context.role == Role::customer;
  if (reports_agent) {
    for (ByteSpan range : quoted) scan(kSpeechAgent, range, Role::agent, true);
    re2::StringPiece frame;
    std::size_t position = 0;
    while (position < s.size() &&
           compiled_->reporting_frame.Match(s, position, s.size(), RE2::UNANCHORED, &frame, 1)) {
      const auto start = static_cast<std::size_t>(frame.data() - s.data()) + frame.size();
      // The reported words run to the end of the clause chain: a semicolon or
      // " but " returns to the customer's own words.
      std::size_t end = s.size();
      for (std::string_view stop : {std::string_view(";"), std::string_view(" but ")}) {
        const auto at = s.find(stop, start);
        if (at != std::string_view::npos) end = std::min(end, at);
      }
      if (!inside({start, end}, quoted)) scan(kSpeechAgent, {start, end}, Role::agent, true);
      position = std::max(start, position + 1);
    }
  }

  const ByteSpan whole{0, s.size()};
  if (context.reg == Register::report) {
    scan(kReportAuthor, whole, context.role, false);
    return;
  }
  switch (context.role) {
    case Role::agent:
    case Role::system:  // the company's automated voice speaks for it
      scan(kSpeechAgent, whole, Role::agent, false);
      break;
    case Role::customer:
      scan(kSpeechCustomer, whole, Role::customer, false);
      scan(kReportCustomer, whole, Role::customer, false);
      break;
    case Role::unknown:
      scan(kSpeechAgent, whole, Role::agent, false);
      scan(kSpeechCustomer, whole, Role::unknown, false);
      break;
  }
}

}  // namespace conduct
