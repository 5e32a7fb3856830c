// Any bytes as a lexicon rule file and as a shared lists file: problems are
// messages, never exceptions or crashes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "lexicon/rule_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::vector<conduct::LintMessage> messages;
  const conduct::PhraseLists shared = conduct::parse_lists_file("lists.toml", bytes, messages);
  const conduct::LexiconFile file =
      conduct::parse_lexicon_file("rules.toml", bytes, messages, shared);
  conduct::fuzz::check(file.rules.size() <= file.rule_tables, "more rules than [[rule]] tables");
  for (const conduct::LintMessage& message : messages) {
    conduct::fuzz::check_error(message.error);
  }
  return 0;
}
