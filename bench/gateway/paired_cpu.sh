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
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
work=$(mktemp -d /tmp/hegui-paired.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "no answer from $1"; exit 3
}
mock_port=$(port); nginx_port=$(port)
"$new" mock-upstream --listen "127.0.0.1:$mock_port" --threads 1 --chunk-chars 8 >"$work/mock.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$mock_port/healthz"
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  upstream mock { server 127.0.0.1:$mock_port; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / { proxy_pass http://mock; proxy_http_version 1.1;
                 proxy_set_header Connection ""; proxy_buffering off; }
  }
}
CONF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>"$work/nginx/stderr" &
pids+=($!)
wait_http "http://127.0.0.1:$nginx_port/healthz"
python3 - "$work/lexicon.tsv" <<'PY'
import random, sys
random.seed(7)
cats = ["gambling", "fraud", "drugs", "weapons", "violence"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    seen = set()
    while len(seen) < 100000:
        term = "".join(chr(random.randint(0x4E00, 0x9FA5)) for _ in range(random.randint(4, 8)))
        if term in seen: continue
        seen.add(term)
        f.write(f"{term}\t{random.choice(cats)}\n")
PY
declare -A gw_pid gw_port
for which in old new; do
  p=$(port); gw_port[$which]=$p
  mkdir -p "$work/$which"
  cat >"$work/$which/gateway.yaml" <<CONF
listen: 127.0.0.1:$p
threads: 2
data_dir: $work/$which/data
scan: {lexicon: $work/lexicon.tsv}
upstreams:
  - {name: mock, url: 'http://127.0.0.1:$mock_port', region: cn, models: [mock-1]}
pipeline:
  - authenticate
  - identity
  - rate_limit: {requests_per_minute: 100000000, burst: 100000000}
  - input_scan
  - route
  - output_scan
  - audit
  - metrics
CONF
  bin=$old; [ "$which" = new ] && bin=$new
  (cd "$work/$which" && exec "$bin" serve --config "$work/$which/gateway.yaml" >"$work/$which/serve.log" 2>&1) &
  gw_pid[$which]=$!
  pids+=($!)
  wait_http "http://127.0.0.1:$p/healthz"
done
prompt='请帮我总结一下这段关于城市交通规划的说明，并给出三条改进建议。The plan covers bus lanes and cycling.'
for which in old new; do
  key=$(cat "$work/$which/data/demo-api-key")
  for mode in plain stream; do
    stream=false; [ "$mode" = stream ] && stream=true
    cat >"$work/$which-$mode.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
wrk.body = '{"model":"mock-1","stream":$stream,"messages":[{"role":"user","content":"$prompt"}]}'
LUA
  done
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
