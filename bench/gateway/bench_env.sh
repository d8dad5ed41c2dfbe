# The loopback test bed shared by bench/gateway/run.sh and paired_cpu.sh, to
# be sourced (bash): one mock upstream, one nginx reverse proxy in front of
# it, a generated 100k-term lexicon, and `hegui serve` instances with the full
# pipeline, all under one temporary directory that is removed on exit.
# Every process started here is killed on exit (`pids`); the caller must not
# install its own EXIT trap.

nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
work=$(mktemp -d /tmp/hegui-bench.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "no answer from $1"; exit 3
}

# start_mock HEGUI_BINARY: the mock upstream; sets mock_port and mock_pid.
start_mock() {
  mock_port=$(port)
  "$1" mock-upstream --listen "127.0.0.1:$mock_port" --threads 1 --chunk-chars 8 >"$work/mock.log" 2>&1 &
  mock_pid=$!
  pids+=($mock_pid)
  wait_http "http://127.0.0.1:$mock_port/healthz"
}

# start_nginx: a plain keep-alive reverse proxy to the mock; sets nginx_port
# and nginx_pids (master and worker).
start_nginx() {
  nginx_port=$(port)
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
    location / {
      proxy_pass http://mock;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
    }
  }
}
CONF
  "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' 2>"$work/nginx/stderr" &
  pids+=($!)
  wait_http "http://127.0.0.1:$nginx_port/healthz"
  local master
  master=$(cat "$work/nginx/nginx.pid")
  nginx_pids="$master $(pgrep -P "$master" | tr '\n' ' ')"
}

# probe_fdatasync: the disk's flush latency under the test bed's directory
# (where the gateways' evidence logs are), which bounds what `sync` durability
# adds: 300 small overwrites of a preallocated file, each followed by
# fdatasync, as the evidence log's group commits do. Prints p50/p90/p99 in µs.
probe_fdatasync() {
  python3 - "$work/fdatasync-probe" <<'PY'
import os, sys, time
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT, 0o644)
os.pwrite(fd, bytes(1 << 20), 0)
os.fsync(fd)
took = []
for i in range(300):
    os.pwrite(fd, b"x" * 400, i * 400)
    start = time.perf_counter()
    os.fdatasync(fd)
    took.append((time.perf_counter() - start) * 1e6)
os.close(fd)
os.unlink(sys.argv[1])
took.sort()
print(f"p50 {took[150]:.0f} us, p90 {took[270]:.0f} us, p99 {took[297]:.0f} us")
PY
}

# make_lexicon: 100k generated terms (4-8 CJK characters each) in the shipped
# TSV format, at $work/lexicon.tsv.
make_lexicon() {
  python3 - "$work/lexicon.tsv" <<'PY'
import random, sys
random.seed(7)
cats = ["gambling", "fraud", "drugs", "weapons", "violence"]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("# generated for bench/gateway\n")
    seen = set()
    while len(seen) < 100000:
        term = "".join(chr(random.randint(0x4E00, 0x9FA5)) for _ in range(random.randint(4, 8)))
        if term in seen: continue
        seen.add(term)
        f.write(f"{term}\t{random.choice(cats)}\n")
PY
}

# start_gateway NAME HEGUI_BINARY DURABILITY: `hegui serve` with the full
# pipeline (authenticate, identity, rate_limit, input_scan with the lexicon
# and PI detection, route, output_scan, audit, metrics) under $work/NAME;
# sets gw_port[NAME] and gw_pid[NAME].
declare -A gw_port gw_pid
start_gateway() {
  local name=$1 binary=$2 durability=$3 p audit=""
  p=$(port)
  mkdir -p "$work/$name"
  # (sync is the default: left out, so that an older build runs too)
  [ "$durability" = sync ] || audit="audit: {durability: $durability}"
  cat >"$work/$name/gateway.yaml" <<CONF
listen: 127.0.0.1:$p
threads: 2
data_dir: $work/$name/data
scan: {lexicon: $work/lexicon.tsv}
$audit
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
  (cd "$work/$name" && exec "$binary" serve --config "$work/$name/gateway.yaml" >"$work/$name/serve.log" 2>&1) &
  gw_pid[$name]=$!
  pids+=($!)
  gw_port[$name]=$p
  wait_http "http://127.0.0.1:$p/healthz"
}

# write_wrk_script FILE STREAM(true|false) KEY_ROW [PAUSE_MS]: a wrk script
# posting one chat request, authorised with the demo key of gateway KEY_ROW
# (none if empty: the mock and nginx ignore it); with PAUSE_MS, each
# connection waits that long between an answer and its next request.
write_wrk_script() {
  local file=$1 stream=$2 row=$3 pause=${4:-} key=""
  local prompt='请帮我总结一下这段关于城市交通规划的说明，并给出三条改进建议。The plan covers bus lanes and cycling.'
  [ -n "$row" ] && key=$(cat "$work/$row/data/demo-api-key")
  cat >"$file" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
wrk.body = '{"model":"mock-1","stream":$stream,"messages":[{"role":"user","content":"$prompt"}]}'
LUA
  [ -z "$pause" ] || echo "function delay() return $pause end" >>"$file"
}
