#include "lexicon/rule_file.h"

#include <re2/re2.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "core/config_file.h"
#include "lexicon/phrase.h"
#include "lexicon/rule_options.h"

namespace conduct {
namespace {

constexpr std::array<std::string_view, 23> kRuleKeys = {
    "within_turns",  "then_speakers", "then_absent", "id",        "category",    "phrases",
    "pattern",       "confidence",    "speakers",    "registers", "guards",      "reason",
    "then",          "within",        "near",        "not_near",  "first_turns", "last_turns",
    "first_seconds", "last_seconds",  "absent",      "match",     "no_match"};

std::size_t line_of(const toml::node& node) {
  return node.source().begin.line;
}

// Collects the problems of one file with its path attached.
class Reporter {
 public:
  Reporter(const std::string& path, std::vector<LintMessage>& messages,
           CompiledPatterns* compiled = nullptr, const CheckedPatterns* checked = nullptr)
      : path_(path), messages_(messages), compiled_(compiled), checked_(checked) {}
  void error(std::size_t line, std::string message, ErrorCode code = ErrorCode::lexicon_invalid) {
    messages_.push_back({Error{code, std::move(message), path_, line}, false});
    ++errors_;
  }
  void warning(std::size_t line, std::string message) {
    messages_.push_back({Error{ErrorCode::lexicon_warning, std::move(message), path_, line}, true});
  }
  std::size_t errors() const { return errors_; }
  /// Keeps a checked regular expression for the loader, when it wants them.
  void compiled(const std::string& source, std::shared_ptr<const RE2> regex) {
    if (compiled_ != nullptr) compiled_->emplace(source, std::move(regex));
  }
  /// Whether the loader's cache vouches for a pattern: it passed every check
  /// before, so it need not be compiled to check it again.
  bool checked_before(const std::string& source) const {
    return checked_ != nullptr && checked_->contains(source);
  }

 private:
  const std::string& path_;
  std::vector<LintMessage>& messages_;
  CompiledPatterns* compiled_;
  const CheckedPatterns* checked_;
  std::size_t errors_ = 0;
};

bool valid_id(std::string_view id) {
  // [a-z0-9_]+(\.[a-z0-9_]+)*
  if (id.empty() || id.front() == '.' || id.back() == '.') return false;
  char previous = 0;
  for (char c : id) {
    const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!word && c != '.') return false;
    if (c == '.' && previous == '.') return false;
    previous = c;
  }
  return true;
}

// Reads an array of strings; reports a wrong type at the offending element.
bool read_strings(const toml::node& node, std::string_view key, Reporter& report,
                  std::vector<std::string>& out, std::vector<std::size_t>* lines) {
  const auto* array = node.as_array();
  if (array == nullptr) {
    report.error(line_of(node), std::string(key).append(" must be an array of strings"));
    return false;
  }
  for (const auto& element : *array) {
    const auto* text = element.as_string();
    if (text == nullptr) {
      report.error(line_of(element), std::string(key).append(" must hold only strings"));
      return false;
    }
    out.push_back(text->get());
    if (lines != nullptr) lines->push_back(line_of(element));
  }
  return true;
}

// Reads match / no_match: each example a string, or a table {text, speaker,
// register, evidence} that says where it is said and what it must quote.
bool read_examples(const toml::node& node, std::string_view key, Reporter& report,
                   std::vector<std::string>& texts, std::vector<std::size_t>& lines,
                   std::vector<ExampleContext>& contexts) {
  const auto* array = node.as_array();
  if (array == nullptr) {
    report.error(line_of(node), std::string(key).append(" must be an array of examples"));
    return false;
  }
  for (const auto& element : *array) {
    ExampleContext context;
    if (const auto* text = element.as_string()) {
      texts.push_back(text->get());
    } else if (const auto* table = element.as_table()) {
      const auto* text_node = table->get_as<std::string>("text");
      if (text_node == nullptr) {
        report.error(line_of(element), std::string("an example table of '") + std::string(key) +
                                           "' needs text = \"...\"");
        return false;
      }
      texts.push_back(text_node->get());
      for (auto&& [inner, value] : *table) {
        const std::string name(inner.str());
        const auto* word = value.as_string();
        if (name == "text") continue;
        if (word == nullptr || (name != "speaker" && name != "register" && name != "evidence")) {
          report.error(line_of(value), "unknown or non-string key '" + name +
                                           "' in an example (known: text, speaker, register, "
                                           "evidence)");
          continue;
        }
        if (name == "speaker") {
          const auto bits = parse_speaker_bits(word->get());
          if (!bits || *bits == kAnySpeaker) {
            report.error(line_of(value), "an example's speaker is agent, customer or author");
          } else {
            context.speaker = *bits;
          }
        } else if (name == "register") {
          const auto bit = parse_register_bit(word->get());
          if (!bit) {
            report.error(line_of(value), "an example's register is speech or report");
          } else {
            context.reg = *bit == kSpeechBit ? Register::speech : Register::report;
          }
        } else {
          context.evidence = word->get();
        }
      }
    } else {
      report.error(line_of(element),
                   std::string(key).append(" holds strings or {text = ...} tables only"));
      return false;
    }
    lines.push_back(line_of(element));
    contexts.push_back(std::move(context));
  }
  return true;
}

// Whether `source`, written at `node` as the value of `key`, compiles under
// the rule options and cannot match the empty string; reports it otherwise.
bool valid_regex(const std::string& source, const toml::node& node, std::string_view key,
                 Reporter& report) {
  if (report.checked_before(source)) return true;
  // Messages name the key only when it is not the rule's own pattern.
  const std::string in_key = key == "pattern" ? "" : " in '" + std::string(key) + "'";
  const std::string subject = key == "pattern" ? "pattern" : "'" + std::string(key) + "'";
  auto compiled = std::make_shared<const RE2>(source, rule_regex_options());
  if (!compiled->ok()) {
    report.error(line_of(node), "bad regular expression" + in_key + ": " + compiled->error(),
                 compiled->error_code() == RE2::ErrorPatternTooLarge
                     ? ErrorCode::lexicon_too_big
                     : ErrorCode::lexicon_bad_pattern);
    return false;
  }
  if (RE2::PartialMatch("", *compiled)) {
    report.error(line_of(node), subject + " matches the empty string");
    return false;
  }
  report.compiled(source, std::move(compiled));
  return true;
}

const toml::node* find(const toml::table& table, std::string_view key) {
  return table.get(key);
}

// Parses one [[rule]] table; returns false when it has an error.
bool parse_rule(const toml::table& table, const std::string& path, const PhraseLists& lists,
                const CategoryTable& categories, Reporter& report, Rule& rule) {
  const std::size_t errors_before = report.errors();
  rule.file = path;
  rule.line = line_of(table);

  for (auto&& [key, value] : table) {
    if (std::find(kRuleKeys.begin(), kRuleKeys.end(), key.str()) == kRuleKeys.end()) {
      report.error(line_of(value), "unknown key '" + std::string(key.str()) +
                                       "' in [[rule]] (known: id, category, phrases, pattern, "
                                       "confidence, speakers, registers, guards, reason, then, "
                                       "within, near, not_near, first_turns, last_turns, "
                                       "first_seconds, last_seconds, absent, within_turns, "
                                       "then_speakers, then_absent, match, no_match)");
    }
  }

  if (const auto* id = find(table, "id"); id == nullptr) {
    report.error(rule.line, "rule without 'id'");
  } else if (const auto* text = id->as_string(); text == nullptr || !valid_id(text->get())) {
    report.error(line_of(*id), "'id' must be a string of [a-z0-9_] words joined by dots");
  } else {
    rule.id = text->get();
  }

  if (const auto* category = find(table, "category"); category == nullptr) {
    report.error(rule.line, "rule without 'category'");
  } else if (const auto* text = category->as_string(); text == nullptr) {
    report.error(line_of(*category), "'category' must be a string");
  } else if (auto parsed = categories.parse(text->get()); !parsed) {
    std::string known;
    for (const CategoryInfo& info : categories.all()) {
      known += (known.empty() ? "" : ", ") + info.name;
    }
    report.error(line_of(*category), "unknown category '" + text->get() + "' (known: " + known +
                                         "; declare your own in the policy)");
  } else {
    rule.category = *parsed;
  }

  if (const auto* confidence = find(table, "confidence"); confidence == nullptr) {
    report.error(rule.line, "rule without 'confidence'");
  } else {
    std::optional<double> value;
    if (const auto* f = confidence->as_floating_point()) value = f->get();
    if (const auto* i = confidence->as_integer()) value = static_cast<double>(i->get());
    if (!value) {
      report.error(line_of(*confidence), "'confidence' must be a number");
    } else if (!(*value > 0.0 && *value <= 1.0)) {
      report.error(line_of(*confidence),
                   "confidence " + std::to_string(*value) + " is out of range (0, 1]");
    } else {
      rule.confidence = *value;
    }
  }

  bool registers_given = false;
  if (const auto* registers = find(table, "registers")) {
    std::vector<std::string> names;
    if (read_strings(*registers, "registers", report, names, nullptr)) {
      registers_given = true;
      rule.registers = 0;
      for (std::size_t i = 0; i < names.size(); ++i) {
        const auto bit = parse_register_bit(names[i]);
        if (!bit) {
          report.error(line_of(*registers),
                       "unknown register '" + names[i] + "' (known: speech, report)");
          continue;
        }
        if (rule.registers == 0) {
          rule.first_register = *bit == kSpeechBit ? Register::speech : Register::report;
        }
        rule.registers |= *bit;
      }
      if (names.empty()) report.error(line_of(*registers), "'registers' is empty");
    }
  }
  if (!registers_given) rule.first_register = Register::speech;

  if (const auto* speakers = find(table, "speakers")) {
    std::vector<std::string> names;
    if (read_strings(*speakers, "speakers", report, names, nullptr)) {
      rule.speakers = 0;
      for (const auto& name : names) {
        const auto bits = parse_speaker_bits(name);
        if (!bits) {
          report.error(line_of(*speakers),
                       "unknown speaker '" + name + "' (known: agent, customer, author, any)");
          continue;
        }
        if (rule.speakers == 0) rule.first_speaker = *bits;
        rule.speakers |= *bits;
      }
      if (names.empty()) report.error(line_of(*speakers), "'speakers' is empty");
    }
  } else if (rule.registers == kReportBit) {
    // Narration is written by the author or told by the customer.
    rule.speakers =
        static_cast<std::uint8_t>(Speaker::author) | static_cast<std::uint8_t>(Speaker::customer);
    rule.first_speaker = static_cast<std::uint8_t>(Speaker::author);
  }

  if (const auto* guards = find(table, "guards")) {
    std::vector<std::string> names;
    if (read_strings(*guards, "guards", report, names, nullptr)) {
      for (const auto& name : names) {
        if (auto guard = parse_guard(name)) {
          rule.guards.push_back(*guard);
        } else {
          report.error(line_of(*guards), "unknown guard '" + name +
                                             "' (known: negation, unquoted, quoted, "
                                             "not_question, not_conditional)");
        }
      }
    }
  }

  if (const auto* reason = find(table, "reason")) {
    if (const auto* text = reason->as_string()) {
      rule.reason = text->get();
    } else {
      report.error(line_of(*reason), "'reason' must be a string");
    }
  }

  const auto* phrases = find(table, "phrases");
  const auto* pattern = find(table, "pattern");
  if (phrases != nullptr && pattern != nullptr) {
    report.error(line_of(*pattern), "a rule has either 'phrases' or 'pattern', not both");
  } else if (phrases == nullptr && pattern == nullptr) {
    report.error(rule.line, "rule without 'phrases' or 'pattern'");
  } else if (phrases != nullptr) {
    std::vector<std::string> list;
    if (read_strings(*phrases, "phrases", report, list, nullptr)) {
      bool ok = !list.empty();
      if (list.empty()) report.error(line_of(*phrases), "'phrases' is empty");
      for (std::size_t i = 0; i < list.size(); ++i) {
        std::string error;
        if (compile_phrase(list[i], lists, &error).empty()) {
          report.error(line_of(*phrases->as_array()->get(i)),
                       "phrase \"" + list[i] + "\": " + error);
          ok = false;
        }
      }
      if (ok) {
        std::string error;
        rule.pattern = compile_phrases(list, lists, &error);
        ok = ok && valid_regex(rule.pattern, *phrases, "phrases", report);
        if (!ok) rule.pattern.clear();
      }
    }
  } else if (const auto* text = pattern->as_string(); text == nullptr) {
    report.error(line_of(*pattern), "'pattern' must be a string");
  } else if (text->get().empty()) {
    report.error(line_of(*pattern), "'pattern' is empty");
  } else {
    std::string error;
    std::string expanded = expand_list_references(text->get(), lists, &error);
    if (expanded.empty()) {
      report.error(line_of(*pattern), error);
    } else if (valid_regex(expanded, *pattern, "pattern", report)) {
      rule.pattern = std::move(expanded);
    }
  }

  const auto* then = find(table, "then");
  if (then != nullptr) {
    if (const auto* text = then->as_string(); text == nullptr || text->get().empty()) {
      report.error(line_of(*then), "'then' must be a non-empty string (a regular expression)");
    } else {
      std::string error;
      std::string expanded = expand_list_references(text->get(), lists, &error);
      if (expanded.empty()) {
        report.error(line_of(*then), error);
      } else if (valid_regex(expanded, *then, "then", report)) {
        rule.then = std::move(expanded);
        rule.within = kDefaultWithin;
      }
    }
  }
  if (const auto* within = find(table, "within")) {
    const auto* number = within->as_integer();
    if (then == nullptr) {
      report.error(line_of(*within), "'within' needs 'then' (it counts sentences after a match)");
    } else if (number == nullptr || number->get() < 1 ||
               number->get() > static_cast<std::int64_t>(kMaxWithin)) {
      report.error(line_of(*within), "'within' must be a whole number of sentences from 1 to " +
                                         std::to_string(kMaxWithin));
    } else if (!rule.then.empty()) {
      rule.within = static_cast<std::size_t>(number->get());
    }
  }

  // near = {phrases = [...], within = N}: words that must (near) or must not
  // (not_near) stand within N words of the hit, in the same sentence.
  for (const auto& [key, pattern_out, within_out] :
       {std::tuple{"near", &rule.near, &rule.near_within},
        std::tuple{"not_near", &rule.not_near, &rule.not_near_within}}) {
    const auto* node = find(table, key);
    if (node == nullptr) continue;
    const auto* condition = node->as_table();
    if (condition == nullptr) {
      report.error(line_of(*node),
                   std::string("'") + key + "' must be a table: {phrases = [...], within = N}");
      continue;
    }
    for (auto&& [inner, value] : *condition) {
      if (inner.str() != "phrases" && inner.str() != "within") {
        report.error(line_of(value), "unknown key '" + std::string(inner.str()) + "' in '" + key +
                                         "' (known: phrases, within)");
      }
    }
    *within_out = kDefaultNearWords;
    if (const auto* within = condition->get("within")) {
      const auto* number = within->as_integer();
      if (number == nullptr || number->get() < 0 ||
          number->get() > static_cast<std::int64_t>(kMaxNearWords)) {
        report.error(line_of(*within), std::string("'within' of '") + key +
                                           "' must be a whole number of words from 0 to " +
                                           std::to_string(kMaxNearWords));
      } else {
        *within_out = static_cast<std::size_t>(number->get());
      }
    }
    const auto* phrases_node = condition->get("phrases");
    std::vector<std::string> words;
    if (phrases_node == nullptr) {
      report.error(line_of(*node), std::string("'") + key + "' needs 'phrases'");
    } else if (read_strings(*phrases_node, "phrases", report, words, nullptr)) {
      std::string error;
      std::string compiled = words.empty() ? std::string() : compile_phrases(words, lists, &error);
      if (compiled.empty()) {
        report.error(line_of(*phrases_node),
                     std::string("'") + key + "': " + (words.empty() ? "no phrases" : error));
      } else if (valid_regex(compiled, *phrases_node, key, report)) {
        *pattern_out = std::move(compiled);
      }
    }
  }

  // A follow-up across turns: within_turns, then_speakers, then_absent.
  if (const auto* turns = find(table, "within_turns")) {
    const auto* number = turns->as_integer();
    if (then == nullptr) {
      report.error(line_of(*turns), "'within_turns' needs 'then'");
    } else if (number == nullptr || number->get() < 1 || number->get() > 50) {
      report.error(line_of(*turns), "'within_turns' must be a whole number of turns from 1 to 50");
    } else {
      rule.within_turns = static_cast<std::size_t>(number->get());
    }
  }
  if (const auto* speakers = find(table, "then_speakers")) {
    std::vector<std::string> names;
    if (rule.within_turns == 0) {
      report.error(line_of(*speakers), "'then_speakers' needs 'within_turns'");
    } else if (read_strings(*speakers, "then_speakers", report, names, nullptr)) {
      for (const auto& name : names) {
        const auto bits = parse_speaker_bits(name);
        if (!bits) {
          report.error(line_of(*speakers), "unknown speaker '" + name + "' in 'then_speakers'");
        } else {
          rule.then_speakers |= *bits;
        }
      }
    }
  }
  if (const auto* flag_node = find(table, "then_absent")) {
    const auto* flag = flag_node->as_boolean();
    if (flag == nullptr) {
      report.error(line_of(*flag_node), "'then_absent' must be true or false");
    } else if (flag->get() && rule.within_turns == 0) {
      report.error(line_of(*flag_node), "'then_absent' needs 'within_turns'");
    } else {
      rule.then_absent = flag->get();
    }
  }

  // The window: first or last N turns, or seconds.
  for (const auto& [key, out] :
       {std::pair{"first_turns", &rule.first_turns}, std::pair{"last_turns", &rule.last_turns}}) {
    if (const auto* node = find(table, key)) {
      const auto* number = node->as_integer();
      if (number == nullptr || number->get() < 1 || number->get() > 100000) {
        report.error(line_of(*node), std::string("'") + key + "' must be a whole number of turns");
      } else {
        *out = static_cast<std::size_t>(number->get());
      }
    }
  }
  for (const auto& [key, out] : {std::pair{"first_seconds", &rule.first_seconds},
                                 std::pair{"last_seconds", &rule.last_seconds}}) {
    if (const auto* node = find(table, key)) {
      std::optional<double> value;
      if (const auto* f = node->as_floating_point()) value = f->get();
      if (const auto* i = node->as_integer()) value = static_cast<double>(i->get());
      if (!value || !(*value > 0.0 && *value <= 86400.0)) {
        report.error(line_of(*node),
                     std::string("'") + key + "' must be a number of seconds in (0, 86400]");
      } else {
        *out = *value;
      }
    }
  }
  const int windows = (rule.first_turns > 0) + (rule.last_turns > 0) + (rule.first_seconds > 0) +
                      (rule.last_seconds > 0);
  if (windows > 1) {
    report.error(rule.line,
                 "a rule has one window: first_turns, last_turns, first_seconds or last_seconds");
  }
  if (const auto* absent = find(table, "absent")) {
    if (const auto* flag = absent->as_boolean(); flag == nullptr) {
      report.error(line_of(*absent), "'absent' must be true or false");
    } else {
      rule.absent = flag->get();
      if (rule.absent && !rule.then.empty()) {
        report.error(line_of(*absent), "an absence rule cannot have 'then'");
      }
      if (rule.absent && rule.speakers == kAnySpeaker) {
        report.error(line_of(*absent),
                     "an absence rule needs 'speakers' (whose words are missing)");
      }
    }
  }

  if (const auto* match = find(table, "match"); match == nullptr) {
    report.error(rule.line, "rule '" + rule.id + "' has no 'match' example");
  } else if (read_examples(*match, "match", report, rule.match, rule.match_lines,
                           rule.match_contexts) &&
             rule.match.empty()) {
    report.error(line_of(*match), "rule '" + rule.id + "' has no 'match' example");
  }
  if (const auto* no_match = find(table, "no_match"); no_match == nullptr) {
    report.warning(rule.line, "rule '" + rule.id + "' has no 'no_match' example");
  } else {
    read_examples(*no_match, "no_match", report, rule.no_match, rule.no_match_lines,
                  rule.no_match_contexts);
  }
  return report.errors() == errors_before;
}

// Reads a [lists] table into `lists`: each key a list name, each value an
// array of plain phrases. A name already in `taken` (the shared lists, for a
// lexicon file's own) is an error.
void read_lists(const toml::table& table, Reporter& report, const PhraseLists* taken,
                PhraseLists& lists) {
  for (auto&& [key, value] : table) {
    const std::string name(key.str());
    if (name.empty() || !(name.front() >= 'a' && name.front() <= 'z') ||
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
      report.error(line_of(value), "list name '" + name + "' must be [a-z][a-z0-9_]*");
      continue;
    }
    if (lists.has(name) || (taken != nullptr && taken->has(name))) {
      report.error(line_of(value), "list '" + name + "' is already defined in lists.toml");
      continue;
    }
    std::vector<std::string> entries;
    if (!read_strings(value, "list '" + name + "'", report, entries, nullptr)) continue;
    if (entries.empty()) {
      report.error(line_of(value), "list '" + name + "' is empty");
      continue;
    }
    for (const std::string& entry : entries) {
      if (phrase_to_pattern(entry).empty()) {
        report.error(line_of(value), "list '" + name + "' holds an empty entry");
      }
    }
    lists.words[name] = std::move(entries);
  }
}

// Reads a [patterns] table: each name an RE2 fragment (valid, not matching
// the empty string), for patterns only.
void read_patterns(const toml::table& table, Reporter& report, const PhraseLists* taken,
                   PhraseLists& lists) {
  // In the order written (a TOML table iterates by name): a fragment may
  // name the fragments above it.
  std::vector<std::pair<std::string, const toml::node*>> ordered;
  for (auto&& [key, value] : table) ordered.emplace_back(std::string(key.str()), &value);
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return line_of(*a.second) < line_of(*b.second);
  });
  for (const auto& [name, node] : ordered) {
    const toml::node& value = *node;
    const auto* source = value.as_string();
    if (name.empty() || !(name.front() >= 'a' && name.front() <= 'z') ||
        name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
      report.error(line_of(value), "pattern name '" + name + "' must be [a-z][a-z0-9_]*");
    } else if (lists.has(name) || (taken != nullptr && taken->has(name))) {
      report.error(line_of(value), "'" + name + "' is already a list or pattern");
    } else if (source == nullptr || source->get().empty()) {
      report.error(line_of(value), "pattern '" + name + "' must be a non-empty string");
    } else {
      // A fragment may name the lists read so far, as a pattern does.
      std::string error;
      std::string expanded = expand_list_references(source->get(), lists, &error);
      if (expanded.empty()) {
        report.error(line_of(value), "pattern '" + name + "': " + error);
      } else if (valid_regex(expanded, value, "patterns." + name, report)) {
        lists.patterns[name] = std::move(expanded);
      }
    }
  }
}

// A file's TOML, or nullopt after reporting its syntax error.
std::optional<toml::table> parse_toml(const std::string& path, std::string_view bytes,
                                      Reporter& report) {
  try {
    return toml::parse(bytes, std::string_view(path));
  } catch (const toml::parse_error& e) {
    report.error(e.source().begin.line, "TOML syntax error: " + std::string(e.description()),
                 ErrorCode::lexicon_syntax);
    return std::nullopt;
  }
}

}  // namespace

PhraseLists parse_lists_file(const std::string& path, std::string_view bytes,
                             std::vector<LintMessage>& messages) {
  PhraseLists lists;
  Reporter report(path, messages);
  const auto parsed = parse_toml(path, bytes, report);
  if (!parsed) return lists;
  const toml::table& root = *parsed;
  for (auto&& [key, value] : root) {
    if (key.str() != "lists" && key.str() != "patterns") {
      report.error(line_of(value), "unknown key '" + std::string(key.str()) +
                                       "' (lists.toml holds a [lists] and a [patterns] table)");
    }
  }
  if (const auto* table = root.get_as<toml::table>("lists")) {
    read_lists(*table, report, nullptr, lists);
  }
  if (const auto* table = root.get_as<toml::table>("patterns")) {
    read_patterns(*table, report, nullptr, lists);
  }
  return lists;
}

LexiconFile parse_lexicon_file(const std::string& path, std::string_view bytes,
                               std::vector<LintMessage>& messages, const PhraseLists& shared,
                               const CategoryTable& categories, const CheckedPatterns* checked) {
  LexiconFile file;
  file.path = path;
  Reporter report(path, messages, &file.compiled, checked);
  const auto parsed = parse_toml(path, bytes, report);
  if (!parsed) return file;
  const toml::table& root = *parsed;

  for (auto&& [key, value] : root) {
    if (key.str() != "lexicon" && key.str() != "rule" && key.str() != "lists" &&
        key.str() != "patterns") {
      report.error(
          line_of(value),
          "unknown key '" + std::string(key.str()) +
              "' (a lexicon file holds [lexicon], [lists], [patterns] and [[rule]] tables)");
    }
  }
  // The shared lists and this file's own.
  PhraseLists lists = shared;
  if (const auto* own = root.get_as<toml::table>("lists")) read_lists(*own, report, &shared, lists);
  if (const auto* own = root.get_as<toml::table>("patterns")) {
    read_patterns(*own, report, &shared, lists);
  }

  if (const auto* header = root.get_as<toml::table>("lexicon"); header == nullptr) {
    report.error(1, "missing [lexicon] table with 'theme'");
  } else {
    for (auto&& [key, value] : *header) {
      if (key.str() != "theme" && key.str() != "description") {
        report.error(line_of(value), "unknown key '" + std::string(key.str()) +
                                         "' in [lexicon] (known: theme, description)");
      }
    }
    const auto* theme = header->get_as<std::string>("theme");
    if (theme == nullptr || theme->get().empty()) {
      report.error(line_of(*header), "[lexicon] needs a 'theme' string");
    } else {
      file.theme = theme->get();
      file.theme_line = line_of(*theme);
    }
  }

  const auto* rules = root.get("rule");
  if (rules == nullptr) return file;
  const auto* array = rules->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    report.error(line_of(*rules), "'rule' must be written as [[rule]] tables");
    return file;
  }
  for (const auto& element : *array) {
    ++file.rule_tables;
    Rule rule;
    if (parse_rule(*element.as_table(), path, lists, categories, report, rule)) {
      file.rules.push_back(std::move(rule));
    }
  }
  return file;
}

PhraseLists read_shared_lists(const std::string& dir, std::vector<LintMessage>& messages,
                              std::string* bytes) {
  const std::filesystem::path path = std::filesystem::path(dir) / kListsFile;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return {};
  auto text = read_lexicon_bytes(path.string(), "the lists file");
  if (!text.ok()) {
    messages.push_back({text.error(), false});
    return {};
  }
  if (bytes != nullptr) *bytes = text.value();
  return parse_lists_file(path.string(), text.value(), messages);
}

Result<std::string> read_lexicon_bytes(const std::string& path, std::string_view what) {
  auto bytes = read_config_file(path);
  if (!bytes.ok()) {
    Error error = bytes.error();
    error.code = ErrorCode::lexicon_unreadable;
    error.message = "cannot read " + std::string(what) + ": " + error.message;
    return error;
  }
  return bytes;
}

std::vector<std::string> lexicon_file_paths(const std::string& dir,
                                            std::vector<LintMessage>& messages) {
  std::vector<std::string> paths;
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    messages.push_back(
        {Error{ErrorCode::lexicon_dir, "cannot read lexicon dir: " + ec.message(), dir, 0}, false});
    return paths;
  }
  // Error codes throughout: a symlink loop or a broken link is a message
  // (exit 2), never an exception.
  for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const auto& p = it->path();
    if (p.extension() != ".toml" || p.filename() == "policy.toml" || p.filename() == kListsFile) {
      continue;
    }
    std::error_code status_error;
    if (it->is_regular_file(status_error)) {
      paths.push_back(p.string());
    } else if (status_error) {
      messages.push_back(
          {Error{ErrorCode::lexicon_unreadable,
                 "cannot read lexicon file: " + status_error.message(), p.string(), 0},
           false});
    }
  }
  if (ec) {
    messages.push_back(
        {Error{ErrorCode::lexicon_dir, "cannot read lexicon dir: " + ec.message(), dir, 0}, false});
  }
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) {
    messages.push_back(
        {Error{ErrorCode::lexicon_dir, "no lexicon files (*.toml) in the dir", dir, 0}, false});
  }
  return paths;
}

}  // namespace conduct
