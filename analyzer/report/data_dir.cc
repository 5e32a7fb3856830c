#include <cstdlib>

#include "report/pipeline.h"

namespace conduct {

// The binary is run from a build tree next to its sources; CONDUCT_HOME lets an
// installed copy or a test point elsewhere without recompiling.
std::filesystem::path data_dir() {
  if (const char* home = std::getenv("CONDUCT_HOME"); home != nullptr && *home != '\0') {
    return home;
  }
  return CONDUCT_SOURCE_DIR;
}

}  // namespace conduct
