#!/usr/bin/env bash
# Paired CPU cost of `hegui serve` per request: an old and a new hegui binary
# (full pipeline, the same config as bench/gateway/run.sh) run side by side
# against one mock upstream and one nginx; wrk drives nginx, old and new in
# turn, ROUNDS times, DURATION seconds each, for plain and streamed requests.
#   bash bench/gateway/paired_cpu.sh OLD_HEGUI NEW_HEGUI
# Prints per run: req/s, req/s relative to nginx in the same round, CPU µs
# per request of the server threads (the HTTP threads, named "hegui-http" in
# new binaries; the last `threads:` threads created in old ones) and of the
# whole process, from /proc/<pid>/task/*/stat deltas.
set -euo pipefail
cd "$(dirname "$0")/../.."
old=$(readlink -f "$1"); new=$(readlink -f "$2")
duration=${DURATION:-5}
rounds=${ROUNDS:-3}
connections=${CONNECTIONS:-16}
. bench/gateway/bench_env.sh
start_mock "$new"
start_nginx
make_lexicon
start_gateway old "$old" sync
start_gateway new "$new" sync
for which in old new; do
  write_wrk_script "$work/$which-plain.lua" false "$which"
  write_wrk_script "$work/$which-stream.lua" true "$which"
done
# Server threads of a hegui process: named hegui-http, else the last two
# threads that existed right after start-up (the server starts last).
server_tids() {
  local pid=$1 t named=()
  for t in /proc/$pid/task/*; do
    [ "$(cat "$t/comm")" = hegui-http ] && named+=("${t##*/}")
  done
  if [ ${#named[@]} -gt 0 ]; then echo "${named[@]}"; else ls /proc/$pid/task | sort -n | tail -2 | tr '\n' ' '; fi
}
declare -A tids
for which in old new; do tids[$which]=$(server_tids "${gw_pid[$which]}"); done
ticks() {  # sum of utime+stime of the given /proc task stat files
  local total=0 f
  for f in "$@"; do total=$((total + $(awk '{print $14 + $15}' "$f"))); done
  echo $total
}
hz=$(getconf CLK_TCK)
echo "round mode   via   req/s  rps/nginx  server-threads-us/req  process-us/req"
for r in $(seq 1 "$rounds"); do
  for mode in plain stream; do
    nginx_rps=$(wrk -t2 -c"$connections" -d"${duration}s" -s "$work/old-$mode.lua" \
      "http://127.0.0.1:$nginx_port/v1/chat/completions" | awk '/Requests\/sec/{print $2}')
    for which in old new; do
      pid=${gw_pid[$which]}
      tfiles=(); for t in ${tids[$which]}; do tfiles+=("/proc/$pid/task/$t/stat"); done
      s0=$(ticks "${tfiles[@]}"); p0=$(ticks /proc/$pid/stat)
      out=$(wrk -t2 -c"$connections" -d"${duration}s" -s "$work/$which-$mode.lua" \
        "http://127.0.0.1:${gw_port[$which]}/v1/chat/completions")
      s1=$(ticks "${tfiles[@]}"); p1=$(ticks /proc/$pid/stat)
      if grep -q 'Non-2xx' <<<"$out"; then echo "non-2xx answers from $which: $out" >&2; exit 3; fi
      rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
      python3 -c "
rps=$rps; n=rps*$duration; hz=$hz
print(f'$r     $mode  $which  {rps:7.0f}  {rps/$nginx_rps:9.2f}  {($s1-$s0)/hz*1e6/n:21.1f}  {($p1-$p0)/hz*1e6/n:14.1f}')"
    done
  done
done
