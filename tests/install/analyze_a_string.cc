// The ten-line program of the install test: link the installed library and
// analyze a string with the shipped lexicons, model and policy.
#include <conduct/conduct.h>

#include <iostream>

int main() {
  auto analyzer = conduct::Analyzer::load({});
  if (!analyzer) return std::cerr << analyzer.error().where_message() << "\n", 2;
  auto document =
      conduct::read_document("s", "The rep hung up on me twice.", conduct::Format::notes, {});
  if (!document) return 3;
  const auto analysis = analyzer.value().analyze(std::move(document).value());
  for (const auto& f : analysis.findings) std::cout << conduct::to_string(f.category) << "\n";
  return 0;
}
