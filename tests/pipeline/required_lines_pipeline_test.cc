// A QA team's required lines through the whole pipeline with the shipped
// lexicons: a closing the policy requires is compliance, not `scripted`; a
// missing disclosure is a finding that costs points.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/analyzer.h"
#include "read/reader.h"

namespace conduct {
namespace {

std::filesystem::path write_policy() {
  const auto path = std::filesystem::temp_directory_path() /
                    ("conduct_required_" + std::to_string(::getpid()) + ".toml");
  std::ofstream(path) << R"([categories.compliance]
sign = -1
points = -3
description = "a line the QA policy requires was not said"

[required.closing]
phrases = ["anything else I can help you with"]
category = "compliance"

[required.disclosure]
phrases = ["this call may be recorded"]
category = "compliance"
first_turns = 1
reason = "no recording disclosure"
)";
  return path;
}

TEST(RequiredLinesPipeline, ARequiredClosingIsNotScriptedAndAMissingDisclosureCosts) {
  const std::string call =
      "Agent: Thank you for calling Acme.\n"
      "Customer: My bill is wrong.\n"
      "Agent: Fixed. Is there anything else I can help you with?\n"
      "Customer: No, thanks.\n";
  auto document = read_document("call.txt", call, Format::text, {});
  ASSERT_TRUE(document.ok());

  // The shipped policy names no required line: the closing is `scripted`.
  auto plain = Analyzer::load(ResourcePaths{});
  ASSERT_TRUE(plain.ok()) << plain.error().where_message();
  const Analysis before = plain.value().analyze(document.value());
  EXPECT_TRUE(before.required_lines.empty());
  EXPECT_TRUE(std::any_of(before.findings.begin(), before.findings.end(),
                          [](const Finding& f) { return f.category == Category::scripted; }));

  const auto policy = write_policy();
  ResourcePaths paths;
  paths.policy = policy;
  auto qa = Analyzer::load(paths);
  std::filesystem::remove(policy);
  ASSERT_TRUE(qa.ok()) << qa.error().where_message();
  const Analysis after = qa.value().analyze(std::move(document).value());
  ASSERT_EQ(after.required_lines.size(), 2u);
  EXPECT_TRUE(after.required_lines[0].said);   // closing
  EXPECT_FALSE(after.required_lines[1].said);  // disclosure
  EXPECT_EQ(after.required_line_evidence[0].text, "anything else I can help you with");
  EXPECT_EQ(after.required_line_evidence[1].text, "Thank you for calling Acme.");
  ASSERT_EQ(after.findings.size(), 1u);
  const Finding& missing = after.findings[0];
  EXPECT_EQ(missing.sources, std::vector<std::string>{"policy:required.disclosure"});
  EXPECT_EQ(missing.actor, Actor::agent);
  EXPECT_EQ(missing.speaker, "Agent");
  EXPECT_EQ(missing.evidence.start, 7u);
  EXPECT_EQ(after.points, -3);
}

}  // namespace
}  // namespace conduct
