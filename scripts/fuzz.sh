#!/usr/bin/env bash
# Builds every libFuzzer target with clang (build-fuzz/) and runs each for a
# few seconds from its seed corpus (fuzz/<module>/corpus/<target>/ if present).
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DHEGUI_FUZZ=ON -DHEGUI_BENCH=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target hegui_fuzzers
mapfile -t targets < <(find build-fuzz/fuzz -maxdepth 2 -type f -name 'fuzz_*' -perm -u+x | sort)
if [ ${#targets[@]} -eq 0 ]; then echo "fuzz: no targets"; exit 0; fi
for t in "${targets[@]}"; do
  name=$(basename "$t")
  corpus=$(find fuzz -type d -path "*/corpus/$name" | head -1)
  work=$(mktemp -d)
  [ -n "$corpus" ] && cp -r "$corpus"/. "$work"/
  echo "== $name (${seconds}s)"
  "$t" -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 "$work" 2>&1 | tail -4
  rm -rf "$work"
done
