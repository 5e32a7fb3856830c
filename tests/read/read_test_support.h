// Helpers for the read tests: reading a file through detection and
// read_document, and the checks every document must pass.
#pragma once

#include <set>
#include <string>

#include "read/reader.h"
#include "test_support.h"

namespace conduct::testing {

inline std::filesystem::path read_fixture(const std::string& name) {
  return source_dir() / "tests" / "read" / "fixtures" / name;
}

/// Reads `bytes` as `path` would be read: detect, then read_document.
inline Result<Document> read_as(const std::string& path, const std::string& bytes,
                                const ReadOptions& options = {}) {
  return read_document(path, bytes, detect_format(path, bytes), options);
}

inline std::size_t distinct_speakers(const Document& document) {
  std::set<std::string> speakers;
  for (const Turn& turn : document.turns) speakers.insert(turn.speaker);
  return speakers.size();
}

inline std::size_t turns_with_role(const Document& document, Role role) {
  std::size_t n = 0;
  for (const Turn& turn : document.turns) n += turn.role == role;
  return n;
}

/// For text formats: every turn's text is the file's bytes at its offsets,
/// and its line is the line of its first byte.
inline void expect_round_trip(const Document& document, const std::string& bytes) {
  for (std::size_t i = 0; i < document.turns.size(); ++i) {
    const Turn& turn = document.turns[i];
    ASSERT_LE(turn.start, turn.end) << "turn " << i;
    ASSERT_LE(turn.end, bytes.size()) << "turn " << i;
    EXPECT_EQ(bytes.substr(turn.start, turn.end - turn.start), turn.text) << "turn " << i;
    const std::size_t newlines = static_cast<std::size_t>(
        std::count(bytes.begin(), bytes.begin() + static_cast<long>(turn.start), '\n'));
    EXPECT_EQ(turn.line, newlines + 1) << "turn " << i;
    EXPECT_TRUE(turn.source.empty()) << "turn " << i;
  }
}

}  // namespace conduct::testing
