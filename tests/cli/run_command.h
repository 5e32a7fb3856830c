// Runs the conduct binary (or any shell command) and captures what it says.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace conduct::testing {

struct CommandResult {
  int exit_status = -1;
  std::string out;
  std::string err;

  /// stdout parsed as JSON Lines; a line that is not JSON fails the test.
  std::vector<nlohmann::json> records() const {
    std::vector<nlohmann::json> parsed;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.empty()) continue;
      auto value = nlohmann::json::parse(line, nullptr, false);
      EXPECT_FALSE(value.is_discarded()) << "not JSON: " << line.substr(0, 200);
      parsed.push_back(std::move(value));
    }
    return parsed;
  }
};

inline std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

/// Runs `command` through /bin/sh; `input` (if any) is fed on stdin.
inline CommandResult run_shell(const std::string& command, const std::string& input = {}) {
  static int counter = 0;
  const auto base = std::filesystem::temp_directory_path() /
                    ("conduct-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  const std::string in_path = base.string() + ".in";
  const std::string err_path = base.string() + ".err";
  {
    std::ofstream in(in_path, std::ios::binary);
    in << input;
  }
  const std::string full = command + " <" + shell_quote(in_path) + " 2>" + shell_quote(err_path);
  CommandResult result;
  FILE* pipe = ::popen(full.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << full;
    return result;
  }
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, got);
  const int status = ::pclose(pipe);
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_file(err_path);
  std::filesystem::remove(in_path);
  std::filesystem::remove(err_path);
  return result;
}

/// Runs the conduct binary with shell-quoted arguments.
inline CommandResult run_conduct(const std::vector<std::string>& args,
                                 const std::string& input = {}) {
  std::string command = shell_quote(CONDUCT_BINARY);
  for (const auto& arg : args) {
    // Appending piecewise: `" " + temporary` trips GCC 12's -Wrestrict false positive at -O3.
    command += ' ';
    command += shell_quote(arg);
  }
  return run_shell(command, input);
}

}  // namespace conduct::testing
