// host_null.h — what the null host (host_null.cpp) keeps of what the app
// hands it, for fuzz_app to check; its clock, which the caller sets.
#pragma once

#include <string>

#include "host.h"

namespace null_host {
extern double now;                // what host::now_ms() answers
extern std::string said;          // the last text handed over (address, mirror, title, …)
extern std::string reader_state;  // the last reader state (JSON)
}  // namespace null_host
