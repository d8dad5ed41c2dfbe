#!/usr/bin/env bash
# Added latency at the moderate load, in rounds: on a shared VM one 5-second
# run's p99 swings by several milliseconds (nginx's own from 0.6 to 4.5 ms),
# so a single run cannot tell what hegui adds. This runs the paced moderate
# load of bench/gateway/run.sh (MODERATE_CONNECTIONS, default 8, each pausing
# MODERATE_PAUSE_MS, default 4, about 2000 req/s offered) against nginx,
# hegui (`sync`) and hegui-w (`written`) in turn, ROUNDS times (default 6),
# DURATION seconds each (default 5), and prints every run, then per row the
# median p50 and p99 and the median of the per-round p99 differences to nginx.
#   bash bench/gateway/tail_rounds.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
hegui="$PWD/$build/hegui"
duration=${DURATION:-5}
rounds=${ROUNDS:-6}
connections=${MODERATE_CONNECTIONS:-8}
pause_ms=${MODERATE_PAUSE_MS:-4}
[ -x "$hegui" ] || { echo "build hegui first ($hegui)"; exit 2; }
. bench/gateway/bench_env.sh
start_mock "$hegui"
start_nginx
make_lexicon
start_gateway hegui "$hegui" sync
start_gateway hegui-w "$hegui" written
write_wrk_script "$work/nginx.lua" false hegui "$pause_ms"
write_wrk_script "$work/hegui.lua" false hegui "$pause_ms"
write_wrk_script "$work/hegui-w.lua" false hegui-w "$pause_ms"
declare -A url=([nginx]="http://127.0.0.1:$nginx_port" [hegui]="http://127.0.0.1:${gw_port[hegui]}"
  [hegui-w]="http://127.0.0.1:${gw_port[hegui-w]}")
echo "disk flush latency before (fdatasync): $(probe_fdatasync)"
echo "moderate load: wrk -t1 -c$connections pausing ${pause_ms} ms, ${duration}s per run, $rounds rounds"
results="$work/results"
: >"$results"
for r in $(seq 1 "$rounds"); do
  for via in nginx hegui hegui-w; do
    out=$(wrk -t1 -c"$connections" -d"${duration}s" --latency -s "$work/$via.lua" \
      "${url[$via]}/v1/chat/completions")
    if grep -q 'Non-2xx' <<<"$out"; then echo "non-2xx answers from $via: $out" >&2; exit 3; fi
    rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
    p50=$(awk '$1=="50%"{print $2}' <<<"$out")
    p99=$(awk '$1=="99%"{print $2}' <<<"$out")
    echo "$r $via $rps $p50 $p99" >>"$results"
  done
done
echo "disk flush latency after (fdatasync): $(probe_fdatasync)"
python3 - "$results" <<'PY'
import re, statistics, sys
def ms(v):
    x, u = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(x) / 1000 if u == "us" else float(x) * 1000 if u == "s" else float(x)
runs = {}
for line in open(sys.argv[1]):
    r, via, rps, p50, p99 = line.split()
    runs.setdefault(via, {})[int(r)] = (float(rps), ms(p50), ms(p99))
print(f"{'round':>5} " + "".join(f"{v + ' req/s p50 p99 ms':>34}" for v in runs))
for r in sorted(runs["nginx"]):
    print(f"{r:>5} " + "".join(f"{runs[v][r][0]:>14.0f} {runs[v][r][1]:>8.3f} {runs[v][r][2]:>9.3f}"
                               for v in runs))
print("median over rounds:")
for via, by_round in runs.items():
    p50 = statistics.median(x[1] for x in by_round.values())
    p99 = statistics.median(x[2] for x in by_round.values())
    added = statistics.median(by_round[r][2] - runs["nginx"][r][2] for r in by_round)
    print(f"  {via:8} p50 {p50:.3f} ms, p99 {p99:.3f} ms, p99 minus nginx's in the same round {added:+.3f} ms")
PY
