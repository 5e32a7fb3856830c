// Runs tools/validate-output (Debian's python3 + jsonschema) on records a
// test produced, so every output of the suite is checked against the schema.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace conduct::testing {

struct Validation {
  int exit_status = -1;
  std::string output;  // stdout and stderr of the validator
};

/// Runs a shell command, capturing its output and exit status.
inline Validation run_command(const std::string& command) {
  Validation result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

/// Validates JSON Lines text with tools/validate-output.
inline Validation validate_jsonl(const std::string& jsonl, const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("conduct_score_" + name + "_" + std::to_string(::getpid()) + ".jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    out << jsonl;
  }
  Validation result =
      run_command("/usr/bin/python3 " + (source_dir() / "tools" / "validate-output").string() +
                  " " + path.string());
  std::filesystem::remove(path);
  return result;
}

inline Validation validate_records(const std::vector<nlohmann::ordered_json>& records,
                                   const std::string& name) {
  std::string jsonl;
  for (const auto& record : records) jsonl += record.dump() + "\n";
  return validate_jsonl(jsonl, name);
}

}  // namespace conduct::testing
