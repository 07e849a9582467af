#!/usr/bin/env bash
# Sets up what is missing, builds the web explainer (release) and serves it on
# 127.0.0.1. PORT picks the port (default 8000). Re-running rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")"
export NODE_PATH=/usr/share/nodejs   # Debian's Emscripten needs its acorn module
scripts/setup.sh
cmake --preset web >/dev/null
cmake --build --preset web
port="${PORT:-8000}"
echo
# With the Content-Security-Policy and other headers the page is made for (scripts/serve.py).
exec python3 scripts/serve.py build/web/site "$port"
