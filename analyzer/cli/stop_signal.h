// SIGINT and SIGTERM as a request to stop: reading ends, the documents read
// are finished, the output is completed or abandoned whole. The flag is the
// one process-wide state the CLI keeps: a signal handler can reach nothing
// else.
#pragma once

#include <atomic>

namespace conduct::cli {

/// Installs handlers for SIGINT and SIGTERM that set the returned flag and
/// restore the default action, so that a second signal ends the process at
/// once. Reads interrupted by them are not restarted (no SA_RESTART), so a
/// read waiting on a pipe or terminal returns and sees the flag.
const std::atomic<bool>& stop_on_signals();

/// The signal that set the flag (SIGINT or SIGTERM), 0 when none did.
int stop_signal();

}  // namespace conduct::cli
