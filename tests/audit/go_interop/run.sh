#!/usr/bin/env bash
# End-to-end interop test: `hegui audit` writes a log, signs checkpoints and
# emits proofs; Go's golang.org/x/mod/sumdb/note and tlog verify them.
#   run.sh HEGUI_BINARY WORK_DIR
set -euo pipefail
hegui=$1
work=$2
src=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
log="$work/log"

"$hegui" audit init "$log" --origin interop.hegui.test/audit >/dev/null
gen() {  # gen FROM TO: JSON Lines records
  for i in $(seq "$1" "$2"); do
    printf '{"kind":"model_call","actor":"key:%d","subject":"user:%d","body":{"n":%d},"sealed":{"prompt":"p%d"}}\n' \
      "$((i % 3))" "$((i % 5))" "$i" "$i"
  done
}
gen 0 6 | "$hegui" audit append "$log" >/dev/null
"$hegui" audit checkpoint "$log" >/dev/null            # size 7
"$hegui" audit consistency "$log" --old 0 --format json >"$work/c0.json"
gen 7 40 | "$hegui" audit append "$log" --batch 8 >/dev/null
"$hegui" audit checkpoint "$log" >/dev/null            # size 41

proofs=()
for i in 0 1 6 7 31 32 40; do
  "$hegui" audit prove "$log" --index "$i" --format json >"$work/p$i.json"
  proofs+=("$work/p$i.json")
done
cons=()
for old in 1 7 16 40 41; do
  "$hegui" audit consistency "$log" --old "$old" --format json >"$work/c$old.json"
  cons+=("$work/c$old.json")
done
"$hegui" audit verify "$log" >/dev/null

export GOPROXY=off GOFLAGS=-mod=mod GO111MODULE=on GOTOOLCHAIN=local
export GOCACHE="$work/gocache" GOPATH="$work/gopath"
(cd "$src" && go build -o "$work/go_interop" .)
"$work/go_interop" "$(cat "$log/verifier.key")" "${proofs[@]}" -- "${cons[@]}"

# And a tampered checkpoint must be rejected by Go as well.
# In the JSON the note's lines are joined by the two characters \n: change the
# signed tree size from 41 to 42 (and the proof's claimed size with it).
sed -e 's/\\n41\\n/\\n42\\n/' -e 's/"tree_size": 41/"tree_size": 42/' "$work/p0.json" >"$work/bad.json"
grep -q '"tree_size": 42' "$work/bad.json" || { echo "run.sh: tampering step did nothing" >&2; exit 1; }
if "$work/go_interop" "$(cat "$log/verifier.key")" "$work/bad.json" 2>/dev/null; then
  echo "run.sh: Go accepted a proof whose checkpoint was altered" >&2
  exit 1
fi
echo "run.sh: Go rejected the altered checkpoint as it should"
