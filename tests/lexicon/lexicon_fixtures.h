// The broken and good lexicon folders under tests/lexicon/fixtures.
#pragma once

#include <filesystem>
#include <string>

#include "test_support.h"

namespace conduct::testing {

inline std::filesystem::path lexicon_fixtures() {
  return source_dir() / "tests/lexicon/fixtures";
}

/// Path of a fixture file or folder, relative to tests/lexicon/fixtures.
inline std::string lexicon_fixture(const std::string& relative) {
  return (lexicon_fixtures() / relative).string();
}

}  // namespace conduct::testing
