// Lexicons: human-edited rule files (lexicons/*.toml) compiled once into RE2
// sets, then matched against normalized sentences. The file format is
// documented in lexicons/README.md.
//
// A loaded Lexicon is immutable; `match` is const and thread-safe, so one
// instance is shared read-only by every worker.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/error.h"
#include "core/finding.h"
#include "core/span.h"
#include "lexicon/phrase.h"
#include "lexicon/sentence_context.h"

namespace re2 {
class RE2;
}

namespace conduct {

class CheckedPatterns;

/// Rule regular expressions already compiled (under rule_regex_options()),
/// by source: the parser compiles each to check it, and loading the lexicon
/// reuses them instead of compiling every rule twice.
using CompiledPatterns = std::unordered_map<std::string, std::shared_ptr<const re2::RE2>>;

/// Conditions that suppress a hit (see lexicons/README.md).
enum class Guard { negation, unquoted, quoted, not_question, not_conditional };
std::string_view to_string(Guard guard);
std::optional<Guard> parse_guard(std::string_view name);

/// Who says (or writes) the words a rule applies to, as bits of Rule::speakers.
enum class Speaker : std::uint8_t { agent = 1, customer = 2, author = 4 };
inline constexpr std::uint8_t kAnySpeaker = 7;
/// Register bits of Rule::registers.
inline constexpr std::uint8_t kSpeechBit = 1;
inline constexpr std::uint8_t kReportBit = 2;

/// Where one of a rule's own examples is said, when the example says so
/// (`{text = "...", speaker = "customer", register = "speech", evidence = "..."}`);
/// otherwise the rule's first speaker and register.
struct ExampleContext {
  std::optional<Register> reg;
  std::optional<std::uint8_t> speaker;  // one Speaker bit
  /// For a match example: the evidence the finding must quote (empty: any).
  std::string evidence;
};

/// One compiled-to-be rule as written in a lexicon file.
struct Rule {
  std::string id;
  Category category = Category::scripted;
  /// The RE2 source that is compiled: the `pattern` as written, or the
  /// `phrases` turned into one alternation with word boundaries.
  std::string pattern;
  double confidence = 1.0;
  std::uint8_t speakers = kAnySpeaker;               // Speaker bits
  std::uint8_t registers = kSpeechBit | kReportBit;  // kSpeechBit | kReportBit
  /// The first speaker and register as written (kAnySpeaker for "any"): the
  /// context in which `lexicon check` runs the rule's own examples.
  std::uint8_t first_speaker = kAnySpeaker;
  Register first_register = Register::speech;
  std::vector<Guard> guards;
  std::string reason;
  /// A follow-up rule: its `pattern` is only the first part (say, a promise),
  /// and it counts when one of the next `within` sentences of the same turn
  /// matches `then` (say, the silence after it). Empty for ordinary rules.
  std::string then;
  std::size_t within = 0;  // 1..kMaxWithin when `then` is set, else 0
  /// `near`: the hit counts only when this pattern (compiled phrases)
  /// matches within `near_within` words of it in the same sentence. Empty:
  /// no such condition.
  std::string near;
  std::size_t near_within = 0;
  /// `not_near`: an exclusion; the hit is suppressed when this matches
  /// within `not_near_within` words of it.
  std::string not_near;
  std::size_t not_near_within = 0;
  /// Where in a transcript the rule applies (0: everywhere): the first or
  /// last N turns of the document, or the turns that begin in its first or
  /// last N seconds (only where the input has times).
  std::size_t first_turns = 0;
  std::size_t last_turns = 0;
  double first_seconds = 0;
  double last_seconds = 0;
  /// An absence rule: a finding for the document when its phrases are never
  /// said by its speakers within its window ("the agent never thanked the
  /// customer"); a match is no finding, only proof that it was said.
  bool absent = false;
  /// A follow-up that crosses turns: `then` is looked for in the next
  /// `within_turns` turns (instead of `within` sentences of the same turn),
  /// said by `then_speakers` (Speaker bits; any when 0). With `then_absent`
  /// the finding is made when `then` does NOT come in time ("the customer
  /// asks for a supervisor, and the agent does not transfer within 3 turns").
  std::size_t within_turns = 0;
  std::uint8_t then_speakers = 0;
  bool then_absent = false;
  std::vector<std::string> match;
  std::vector<std::string> no_match;
  /// Where the rule is written ([[rule]] header line), for messages.
  std::string file;
  std::size_t line = 0;
  /// Lines of each match / no_match example (parallel to the vectors; may be
  /// empty for rules built in code).
  std::vector<std::size_t> match_lines;
  std::vector<std::size_t> no_match_lines;
  /// Where each example is said (parallel to match / no_match; may be empty).
  std::vector<ExampleContext> match_contexts;
  std::vector<ExampleContext> no_match_contexts;

  bool has_guard(Guard guard) const;
};

/// The farthest a `near` or `not_near` condition may look, in words.
inline constexpr std::size_t kMaxNearWords = 30;
/// How far it looks when the file does not say.
inline constexpr std::size_t kDefaultNearWords = 5;

/// The farthest a follow-up rule may look ahead, in sentences.
inline constexpr std::size_t kMaxWithin = 5;
/// How far it looks when the file does not say.
inline constexpr std::size_t kDefaultWithin = 3;

/// Where a sentence was said, which decides which rules apply.
/// Call notes: reg=report, role=customer (the author). A transcript turn:
/// reg=speech and the turn's role.
struct MatchContext {
  Register reg = Register::report;
  Role role = Role::customer;
};

/// One occurrence of a rule in a sentence.
struct RuleHit {
  const Rule* rule = nullptr;
  /// Byte range in the normalized sentence passed to match().
  ByteSpan span;
  /// Whom the hit is evidence about: agent for agent speech (agent or
  /// unknown-role turns) and for reported agent speech (quotes in notes, "you
  /// told me ..." in a customer turn); otherwise the role of the context.
  Role about = Role::unknown;
  /// Empty when the hit counts; else the name of the guard that suppressed it.
  std::string_view suppressed_by;
};

/// A compiled set of rules. Move-only; immutable after load.
class Lexicon {
 public:
  /// Reads every *.toml of `dir` except policy.toml (sorted by name), checks
  /// the structure of every rule and compiles them. Examples are not run here
  /// (that is `check_lexicons`). Cost: milliseconds per thousand rules.
  /// Failure: the first error, as file:line: message.
  /// `categories`: those rules may name (the policy's; the built-ins by default).
  /// `cache_folder`: where CheckedPatterns remembers the patterns that passed
  /// their checks; patterns checked on an earlier run are then compiled only
  /// when first used. Empty: every pattern is compiled and checked here.
  static Result<Lexicon> load(const std::filesystem::path& dir,
                              const CategoryTable& categories = CategoryTable(),
                              const std::filesystem::path& cache_folder = {});
  /// Compiles rules built in code (tests, benchmarks). Failure: a bad pattern,
  /// a duplicate id, or a pattern over RE2's size limit.
  /// `clause_words` and `reporting_frame` (an RE2 source) are what the
  /// guards and the reported-speech routing look for; empty: the built-ins.
  /// `compiled`: rule sources already compiled (the parser's), reused
  /// rather than compiled again; sources `checked` holds are compiled on
  /// first use.
  static Result<Lexicon> from_rules(std::vector<Rule> rules, ClauseWords clause_words = {},
                                    std::string reporting_frame = {},
                                    const CompiledPatterns& compiled = {},
                                    const CheckedPatterns* checked = nullptr);

  /// Appends the hits for one normalized sentence (lower case, see
  /// normalize/normalizer.h), in the order found: reported agent speech first,
  /// then the whole sentence. Suppressed hits are appended only when
  /// include_suppressed. Cost: one scan per RE2 set of the applicable
  /// register and speaker class (at most 16), plus one individual match per
  /// candidate rule.
  void match(std::string_view normalized_sentence, const MatchContext& context,
             std::vector<RuleHit>& hits, bool include_suppressed = false) const;

  /// For a follow-up rule (Rule::then), where its `then` matches one later
  /// normalized sentence, unless that match is inside a conditional ("if
  /// nobody rings by Friday") or the sentence is a question: such a sentence
  /// tells what might happen, not what did. nullopt otherwise, and always for
  /// an ordinary rule. Cost: one regex match.
  std::optional<ByteSpan> follow_up(const Rule& rule, std::string_view later_sentence) const;

  const std::vector<Rule>& rules() const;
  /// The categories the rules were read with.
  const CategoryTable& categories() const { return categories_; }
  /// The folder's shared lists (lexicons/lists.toml; empty for from_rules):
  /// the recap and stated-points readers and the attributor take their words
  /// from them.
  const PhraseLists& shared_lists() const { return shared_lists_; }
  /// "lex-" and the first 8 hex digits of the sha256 of the files' names and
  /// bytes (of the rules' patterns for from_rules).
  std::string version() const;

  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;
  ~Lexicon();

 private:
  struct Compiled;
  Lexicon();
  static bool found_near(std::string_view sentence, const re2::RE2& condition, ByteSpan hit,
                         std::size_t words);
  std::vector<Rule> rules_;
  CategoryTable categories_;
  ClauseWords clause_words_;
  PhraseLists shared_lists_;
  std::string version_;
  std::unique_ptr<const Compiled> compiled_;
};

/// The guards' words (`negators`, `conditionals`) and the reporting frame
/// (the `reporting_frame` pattern) where a folder's lists.toml names them;
/// the built-ins otherwise.
ClauseWords clause_words_of(const PhraseLists& lists);
std::string reporting_frame_of(const PhraseLists& lists);

/// A problem found in a lexicon dir; `error.where_message()` is
/// "file:line: message".
struct LintMessage {
  Error error;
  bool is_warning = false;
};

/// Every problem of a lexicon dir, errors and warnings, in file order: broken
/// TOML, unknown keys or values, bad patterns, duplicate ids, failing
/// examples, rules shadowed by another rule of the same category, missing
/// examples. Never throws; an unreadable dir is one error. When `counts` is
/// given it receives the number of rules and files looked at (for a summary).
/// Cost: loads the dir and matches every example once against every rule set.
struct LexiconCounts {
  std::size_t rules = 0;
  std::size_t files = 0;
};
std::vector<LintMessage> check_lexicons(const std::filesystem::path& dir,
                                        LexiconCounts* counts = nullptr,
                                        const CategoryTable& categories = CategoryTable());

}  // namespace conduct
