// The modules of analyzer/ form layers: a module includes only modules below
// it (core < normalize, sentiment < read < lexicon < classify, score <
// pipeline < report < cli), so no stage reaches back into a later one.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "test_support.h"

namespace conduct {
namespace {

TEST(ModuleLayering, NoModuleIncludesOneAboveIt) {
  const std::map<std::string, int> rank = {
      {"core", 0},     {"normalize", 1}, {"sentiment", 1}, {"read", 2},   {"lexicon", 3},
      {"classify", 4}, {"score", 4},     {"pipeline", 5},  {"report", 6}, {"cli", 7}};
  std::size_t includes = 0;
  for (const auto& [module, level] : rank) {
    for (const auto& entry :
         std::filesystem::directory_iterator(testing::source_dir() / "analyzer" / module)) {
      const std::string text = testing::read_file(entry.path());
      for (std::size_t at = text.find("#include \""); at != std::string::npos;
           at = text.find("#include \"", at + 1)) {
        const std::size_t slash = text.find('/', at);
        const std::string used = text.substr(at + 10, slash - at - 10);
        if (used == module || !rank.count(used)) continue;
        ++includes;
        EXPECT_LT(rank.at(used), level) << entry.path() << " includes " << used << "/";
      }
    }
  }
  EXPECT_GT(includes, 100u);
}

}  // namespace
}  // namespace conduct
