#!/usr/bin/env bash
# Runs the whole test suite: unit, integration and end-to-end tests through CTest,
# with the services they need (a throw-away PostgreSQL server) started first.
#   bash scripts/test.sh [BUILD_DIR] [extra ctest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j "$(nproc)"
exec bash scripts/with-services.sh ctest --test-dir "$build" --output-on-failure -j "$(nproc)" "$@"
