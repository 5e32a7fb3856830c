// Reading one lexicon file (TOML) into rules, with every structural problem
// reported as file:line: message. Matching examples is not done here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/checked_patterns.h"
#include "lexicon/lexicon.h"
#include "lexicon/phrase.h"

namespace conduct {

/// The rules of one file and its [lexicon] header.
struct LexiconFile {
  std::string path;
  std::string theme;
  std::size_t theme_line = 0;
  /// Rules without errors; a rule with an error is reported and left out.
  std::vector<Rule> rules;
  /// How many [[rule]] tables the file holds, broken ones included.
  std::size_t rule_tables = 0;
  /// Every regular expression the parser compiled to check it (all but
  /// those the cache of checked patterns vouched for).
  CompiledPatterns compiled;
};

/// Parses a lexicon file's bytes. Appends every problem found to `messages`
/// (errors: broken TOML, unknown keys, missing or wrong-typed values, unknown
/// category/speaker/register/guard, confidence outside (0, 1], empty phrases,
/// both or neither of phrases and pattern, a pattern RE2 refuses, no `match`
/// example; warnings: no `no_match` example). Cost: one RE2 compile per rule.
/// The shared lists of a lexicon folder: `lists.toml`, one [lists] table.
inline constexpr std::string_view kListsFile = "lists.toml";

/// Parses one lexicon file; `shared` are the folder's shared lists, which
/// its phrases and patterns may name beside the file's own [lists].
/// `categories` are those a rule may name (the policy's: built-ins and the
/// user's own). Patterns `checked` holds are taken as checked, not compiled.
LexiconFile parse_lexicon_file(const std::string& path, std::string_view bytes,
                               std::vector<LintMessage>& messages, const PhraseLists& shared = {},
                               const CategoryTable& categories = CategoryTable(),
                               const CheckedPatterns* checked = nullptr);

/// The shared lists of `dir` (none when it has no lists.toml), and the
/// file's bytes in `bytes` (for the lexicon's version). Problems go to
/// `messages` as file:line.
PhraseLists read_shared_lists(const std::string& dir, std::vector<LintMessage>& messages,
                              std::string* bytes);

/// Parses a lists file (`[lists]`, each name an array of plain phrases).
PhraseLists parse_lists_file(const std::string& path, std::string_view bytes,
                             std::vector<LintMessage>& messages);

/// The bytes of a lexicon or lists file (`what` names it in the message):
/// read_config_file's checks, failing as lexicon_unreadable.
Result<std::string> read_lexicon_bytes(const std::string& path, std::string_view what);

/// The lexicon files of a dir, sorted by name: every *.toml but policy.toml.
std::vector<std::string> lexicon_file_paths(const std::string& dir,
                                            std::vector<LintMessage>& messages);

}  // namespace conduct
