#!/usr/bin/env bash
# Sets up what is missing, builds, and runs every test: the native core suite
# (plain and under AddressSanitizer + UBSan), the CLI checks, the fuzz targets
# (a short run each), and the browser tests and a short soak against the
# WebAssembly build in headless Chromium, with a smoke suite in Firefox ESR and
# WebKitGTK.
set -euo pipefail
cd "$(dirname "$0")"
export NODE_PATH=/usr/share/nodejs   # Debian's Emscripten needs its acorn module

scripts/setup.sh

echo "== native: core, CLI and their tests"
cmake --preset native >/dev/null
cmake --build --preset native
ctest --preset native

echo "== native under AddressSanitizer + UBSan"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize
ctest --preset sanitize

echo "== fuzz targets (libFuzzer, AddressSanitizer + UBSan): regression inputs, then ${FUZZ_SECONDS:-60} s each"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
tests/fuzz/run.sh "${FUZZ_SECONDS:-60}"

echo "== web build (Emscripten) and browser tests (headless Chromium)"
cmake --preset web >/dev/null
cmake --build --preset web
node --test --test-concurrency=1 tests/browser/

echo "== the cross-engine smoke suite: Firefox ESR and WebKitGTK (Safari's engine), windowed under Xvfb"
xvfb-run -a node --test --test-concurrency=1 tests/browser/engines.smoke.mjs

echo "== soak: random reader actions for ${SOAK_MINUTES:-2} minutes, watching memory and errors"
node tests/soak/soak.mjs --minutes "${SOAK_MINUTES:-2}"
