#!/usr/bin/env bash
# Gateway throughput and latency on loopback, four ways in one run:
#   direct  - wrk straight to `hegui mock-upstream`
#   nginx   - through Debian's nginx as a plain reverse proxy (keep-alive upstream)
#   hegui   - through `hegui serve` with the full pipeline: authenticate, identity,
#             rate_limit, input_scan (100k-term generated lexicon + PI detection),
#             route, output_scan, audit (durable group commit), metrics
#   hegui-w - the same with `audit: {durability: written}` (answers once the
#             record is written, fdatasync follows in the group commit)
# each non-streaming and streaming, at three loads (saturated, busy, moderate: below),
# DURATION seconds per case (default 10).
#   bash bench/gateway/run.sh [BUILD_DIR]
# VIA=hegui (or a list: VIA=hegui,hegui-w) runs only those rows besides nginx.
# Prints requests/s, p50 and p99 latency per case, the ratios to nginx, and
# the server's CPU time per request (robust when other work shares the cores),
# and the disk's fdatasync latency before and after (the `sync` rows wait for
# it; it swings from ~0.1 to ~4 ms on shared virtual disks).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
hegui="$PWD/$build/hegui"
duration=${DURATION:-10}
connections=${CONNECTIONS:-16}
busy=${BUSY_CONNECTIONS:-2}
moderate=${MODERATE_CONNECTIONS:-8}
pause_ms=${MODERATE_PAUSE_MS:-4}
threads=${WRK_THREADS:-2}
[ -x "$hegui" ] || { echo "build hegui first ($hegui)"; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (scripts/setup.sh)"; exit 2; }
. bench/gateway/bench_env.sh

# Whether the row `via` runs (nginx, the baseline, always does).
wanted() { [ -z "${VIA:-}" ] || [ "$1" = nginx ] || [[ ",${VIA// /,}," == *",$1,"* ]]; }

start_mock "$hegui"
start_nginx
make_lexicon
gateways=()
for g in hegui:sync hegui-w:written; do
  wanted "${g%%:*}" || continue
  start_gateway "${g%%:*}" "$hegui" "${g#*:}"
  gateways+=("${g%%:*}")
done

# One wrk script per mode and row (each gateway has its own demo key; direct
# and nginx send the first one, which the mock ignores).
for mode in plain stream; do
  stream=false; [ "$mode" = stream ] && stream=true
  for via in direct nginx "${gateways[@]}"; do
    keyed=${gateways[0]:-}
    case $via in direct | nginx) ;; *) keyed=$via ;; esac
    write_wrk_script "$work/$mode-$via.lua" "$stream" "$keyed"
    write_wrk_script "$work/$mode-$via-paced.lua" "$stream" "$keyed" "$pause_ms"
  done
done

# CPU time (user+system, in clock ticks) used so far by the given processes.
cpu_ticks() {
  local total=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$total"
}
declare -A procs=([direct]="$mock_pid" [nginx]="$nginx_pids")
for g in "${gateways[@]}"; do procs[$g]=${gw_pid[$g]}; done
hz=$(getconf CLK_TCK)

# One wrk run -> "rps p50_ms p99_ms cpu_us_per_request" (CPU of the server process(es)).
run_case() {
  local url=$1 script=$2 conns=$3 wthreads=$4 via=$5 out before after
  before=$(cpu_ticks ${procs[$via]})
  out=$(wrk -t"$wthreads" -c"$conns" -d"${duration}s" --latency -s "$script" "$url/v1/chat/completions")
  after=$(cpu_ticks ${procs[$via]})
  if ! grep -q 'Requests/sec' <<<"$out"; then echo "wrk failed: $out" >&2; exit 3; fi
  if grep -q 'Non-2xx' <<<"$out"; then echo "non-2xx answers: $out" >&2; exit 3; fi
  python3 - "$out" "$((after - before))" "$hz" "$duration" <<'PY'
import re, sys
text, ticks, hz, duration = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
def ms(v):
    m = re.match(r"([\d.]+)(us|ms|s)", v)
    x = float(m.group(1)); u = m.group(2)
    return x / 1000 if u == "us" else x * 1000 if u == "s" else x
rps = float(re.search(r"Requests/sec:\s*([\d.]+)", text).group(1))
p50 = ms(re.search(r"\s50%\s+(\S+)", text).group(1))
p99 = ms(re.search(r"\s99%\s+(\S+)", text).group(1))
cpu_us = ticks / hz * 1e6 / max(rps * duration, 1)
print(f"{rps:.0f} {p50:.3f} {p99:.3f} {cpu_us:.0f}")
PY
}

# Three loads:
#   saturated: CONNECTIONS (default 16) over WRK_THREADS, each sending its next
#              request as soon as the answer is in: throughput.
#   busy:      BUSY_CONNECTIONS (default 2), one wrk thread, likewise flat out:
#              latency with little concurrency but every server kept busy.
#   moderate:  MODERATE_CONNECTIONS (default 8), one wrk thread, each pausing
#              MODERATE_PAUSE_MS (default 4) between an answer and its next
#              request: about 2000 req/s offered to every row alike, well
#              below each one's saturation; where added p99 is judged.
# VIA (see the top) skips the other non-baseline rows; nginx always runs.
echo "disk flush latency before the run (fdatasync, bounds what sync durability adds): $(probe_fdatasync)"
echo "hegui gateway benchmark: wrk -d${duration}s on loopback, $(nproc) cores; saturated -t$threads -c$connections, busy -t1 -c$busy, moderate -t1 -c$moderate pausing ${pause_ms} ms"
echo "cpu us/req: CPU time (user+system) of the server process(es) per request: the mock for direct, nginx, hegui serve"
printf '%-7s %-10s %-7s %9s %8s %8s %10s %13s %11s\n' mode load via 'req/s' 'p50 ms' 'p99 ms' 'rps/nginx' 'p99-nginx ms' 'cpu us/req'
for mode in plain stream; do
  for load in saturated busy moderate; do
    script_suffix=""
    case $load in
      saturated) conns=$connections; wthreads=$threads ;;
      busy) conns=$busy; wthreads=1 ;;
      moderate) conns=$moderate; wthreads=1; script_suffix=-paced ;;
    esac
    declare -A rps p50 p99 cpu
    vias=(direct nginx "${gateways[@]}")
    for via in "${vias[@]}"; do
      wanted "$via" || continue
      case $via in
        direct) url="http://127.0.0.1:$mock_port" ;;
        nginx) url="http://127.0.0.1:$nginx_port" ;;
        *) url="http://127.0.0.1:${gw_port[$via]}" ;;
      esac
      read -r r a b c < <(run_case "$url" "$work/$mode-$via$script_suffix.lua" "$conns" "$wthreads" "$via")
      rps[$via]=$r; p50[$via]=$a; p99[$via]=$b; cpu[$via]=$c
    done
    for via in "${vias[@]}"; do
      [ -n "${rps[$via]:-}" ] || continue
      ratio=$(python3 -c "print(f'{${rps[$via]}/${rps[nginx]}:.2f}')")
      added=$(python3 -c "print(f'{${p99[$via]}-${p99[nginx]}:+.3f}')")
      printf '%-7s %-10s %-7s %9s %8s %8s %10s %13s %11s\n' "$mode" "$load" "$via" "${rps[$via]}" \
        "${p50[$via]}" "${p99[$via]}" "$ratio" "$added" "${cpu[$via]}"
    done
    unset rps p50 p99 cpu
  done
done
echo "disk flush latency after the run: $(probe_fdatasync)"
for g in "${gateways[@]}"; do
  records=$("$hegui" audit export "$work/$g/data/audit" --kind model_call 2>/dev/null | wc -l || true)
  echo "evidence log of $g: $records model_call records written during the run"
done
