// Any bytes as a policy file, alone and over the shipped policy as its base:
// an invalid_policy error naming file:line, or a policy, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_support.h"
#include "score/policy.h"

namespace {

const conduct::Policy& shipped_policy() {
  static const conduct::Policy policy = [] {
    auto loaded = conduct::Policy::load(CONDUCT_SOURCE_DIR "/lexicons/policy.toml");
    if (!loaded.ok()) conduct::fuzz::fail("the shipped policy does not load");
    return loaded.value();
  }();
  return policy;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const conduct::Policy* base :
       {static_cast<const conduct::Policy*>(nullptr), &shipped_policy()}) {
    const auto policy = conduct::Policy::parse(bytes, "policy.toml", base);
    if (policy.ok()) {
      conduct::fuzz::check(policy.value().categories.size() >= conduct::kBuiltinCategories,
                           "a policy without the built-in categories");
    } else {
      conduct::fuzz::check_error(policy.error());
    }
  }
  return 0;
}
