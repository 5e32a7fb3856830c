// Helpers shared by the test binaries: where the repository and ../shared are.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace conduct::testing {

inline std::filesystem::path source_dir() { return CONDUCT_SOURCE_DIR; }
inline std::filesystem::path shared_dir() { return CONDUCT_SHARED_DIR; }

/// Reads a whole file; fails the test when it cannot.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace conduct::testing

/// Skips (loudly) a test that needs ../shared when it is absent. CI always
/// has it, so a skip there is a set-up failure worth noticing.
#define CONDUCT_REQUIRE_SHARED()                                                       \
  do {                                                                                 \
    if (!std::filesystem::exists(::conduct::testing::shared_dir() / "SPEC.md")) {      \
      GTEST_SKIP() << "../shared is absent (" << ::conduct::testing::shared_dir()       \
                   << "): this test reads shared samples or eval data; CI always has it"; \
    }                                                                                  \
  } while (0)
