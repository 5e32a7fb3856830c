// Helpers shared by the test binaries: where the repository and ../shared are.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace conduct::testing {

inline std::filesystem::path source_dir() {
  return CONDUCT_SOURCE_DIR;
}
inline std::filesystem::path shared_dir() {
  return CONDUCT_SHARED_DIR;
}

/// Reads a whole file; fails the test when it cannot.
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// A path under the system temp directory that no other test process uses:
/// ctest runs each test of a binary as its own process, in parallel, so a
/// fixed file name would be shared between them.
inline std::filesystem::path unique_temp_path(const std::string& name) {
  static int counter = 0;
  return std::filesystem::temp_directory_path() /
         ("conduct-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + name);
}

}  // namespace conduct::testing

/// Skips (loudly) a test that needs ../shared when it is absent. CI always
/// has it, so a skip there is a set-up failure worth noticing.
#define CONDUCT_REQUIRE_SHARED()                                                          \
  do {                                                                                    \
    if (!std::filesystem::exists(::conduct::testing::shared_dir() / "SPEC.md")) {         \
      GTEST_SKIP() << "../shared is absent (" << ::conduct::testing::shared_dir()         \
                   << "): this test reads shared samples or eval data; CI always has it"; \
    }                                                                                     \
  } while (0)
