#!/usr/bin/env bash
# The cluster scenario (issue 12): what a delivery costs when it crosses from one node to another through Redis, and
# the latency that adds, for ours and for a Node-only cluster. Per repetition, a fresh cluster: for ours on each
# server of SERVERS, server-config/cluster.sh (Redis and two nodes of the bench fixture with the Redis adapter; its
# nginx is started too but not used); for the reference, Redis and two reference-server.mjs nodes with
# @socket.io/redis-adapter. Against each cluster the harness runs, in one invocation, same-node (receivers on node 1
# with the senders) and cross-node (receivers on node 2), in alternating order from one repetition to the next.
# The nodes and Redis are pinned to one core and the harness to the other. Then a table of medians: server CPU per
# delivery (both nodes summed, each node, Redis), p50/p99 latency per delivery, and what crossing nodes adds (the
# median over the repetitions of cross-node minus same-node, both measured on the same cluster), with the ratios
# ours/reference. JSON lines go to bench/results/<timestamp>-cluster.jsonl, each with "rep" and "server" (wildfly,
# payara; node for the reference) next to "target".
#
#   bench/cluster-bench.sh                             # ours on WildFly and the reference, REPS=3 (about 15 min)
#   SERVERS="wildfly payara" bench/cluster-bench.sh    # ours on both servers, the reference once
#   SMOKE=1 bench/cluster-bench.sh                     # one short repetition with small counts (CI-like check)
#
# Exits non-zero when a run failed (failures, an error, no deliveries, a missing scenario).
#
# Environment (defaults in brackets):
#   TARGETS ["ours reference"]   SERVERS ["wildfly"] servers that run ours (wildfly, payara)
#   CLUSTER_PORT [3600] nodes on CLUSTER_PORT+1 (senders) and +2, nginx (ours only) on CLUSTER_PORT; away from the
#                       test cluster's default 3000-3002
#   REDIS_PORT [6396]   (away from the test cluster's)
#   DURATION [30] measured seconds per scenario   WARMUP [20] unmeasured seconds before each   REPS [3]
#   RECEIVERS [1000] sockets in the room   SENDERS [4] sender sockets, one broadcast in flight each
#   HEAP [1g] heap of each node of ours (-Xms = -Xmx, G1)   TIDEWIRE_OPTS [""] more JVM options for both nodes
#   SERVER_CPU [0] (nodes and Redis)  HARNESS_CPU [1]   (taskset cores; set PIN=0 to run unpinned)
#   HARNESS_ARGS [""] extra harness options
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
CLUSTER_SH="$ROOT/server-config/cluster.sh"
SMOKE="${SMOKE:-0}"
TARGETS="${TARGETS:-ours reference}"
SERVERS="${SERVERS:-wildfly}"
CLUSTER_PORT="${CLUSTER_PORT:-3600}"
REDIS_PORT="${REDIS_PORT:-6396}"
HEAP="${HEAP:-1g}"
PIN="${PIN:-1}"
SERVER_CPU="${SERVER_CPU:-0}"
HARNESS_CPU="${HARNESS_CPU:-1}"
HARNESS_ARGS="${HARNESS_ARGS:-}"
for server in $SERVERS; do
  [[ "$server" == wildfly || "$server" == payara ]] || { echo "unknown server '$server' in SERVERS (wildfly, payara)" >&2; exit 2; }
done
for target in $TARGETS; do
  [[ "$target" == ours || "$target" == reference ]] || { echo "unknown target '$target' in TARGETS (ours, reference)" >&2; exit 2; }
done
if [[ "$SMOKE" == 1 ]]; then
  DURATION="${DURATION:-2}"; WARMUP="${WARMUP:-1}"; REPS="${REPS:-1}"
  RECEIVERS="${RECEIVERS:-50}"; SENDERS="${SENDERS:-2}"
else
  DURATION="${DURATION:-30}"; WARMUP="${WARMUP:-20}"; REPS="${REPS:-3}"
  RECEIVERS="${RECEIVERS:-1000}"; SENDERS="${SENDERS:-4}"
fi
NODE1_URL="http://127.0.0.1:$((CLUSTER_PORT + 1))"
NODE2_URL="http://127.0.0.1:$((CLUSTER_PORT + 2))"
REF_REDIS_DIR="$ROOT/target/cluster-bench-redis"
# cluster.sh with this script's ports and fixture; SERVER comes from the caller
cluster() { CLUSTER_PORT="$CLUSTER_PORT" REDIS_PORT="$REDIS_PORT" FIXTURE=bench ADAPTER=redis "$CLUSTER_SH" "$@"; }

pin() { # pin CORE: a taskset prefix (empty when PIN=0 or taskset is missing)
  if [[ "$PIN" == 1 ]] && command -v taskset >/dev/null; then echo "taskset -c $1"; fi
}
pin_running() { # pin_running PID...: moves every thread of running processes to the server core
  if [[ "$PIN" == 1 ]] && command -v taskset >/dev/null; then
    local pid; for pid in "$@"; do taskset -apc "$SERVER_CPU" "$pid" >/dev/null; done
  fi
}
redis_answers() { redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; }

# npm packages, pinned by the committed lock file
if [[ ! -d "$BENCH/node_modules/@socket.io/redis-adapter" || "$BENCH/package-lock.json" -nt "$BENCH/node_modules/.package-lock.json" ]]; then
  (cd "$BENCH" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
command -v redis-server >/dev/null || { echo "missing redis-server: apt-get install -y redis-server" >&2; exit 1; }

mkdir -p "$BENCH/results"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
SUFFIX="-cluster"; [[ "$SMOKE" == 1 ]] && SUFFIX="-cluster-smoke"
OUT="$BENCH/results/$STAMP$SUFFIX.jsonl"
: >"$OUT"

OURS_SERVER=""
REF_NODE_PIDS=()
cleanup() {
  if [[ -n "$OURS_SERVER" ]]; then SERVER="$OURS_SERVER" cluster stop >/dev/null 2>&1 || true; OURS_SERVER=""; fi
  stop_reference_cluster
}

start_reference_cluster() { # Redis, then two reference nodes on it; sets REF_NODE_PIDS
  mkdir -p "$REF_REDIS_DIR"
  $(pin "$SERVER_CPU") redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$REF_REDIS_DIR" --daemonize yes --pidfile "$REF_REDIS_DIR/redis.pid" --logfile "$REF_REDIS_DIR/redis.log"
  for _ in $(seq 1 100); do redis_answers && [[ -s "$REF_REDIS_DIR/redis.pid" ]] && break; sleep 0.1; done
  redis_answers || { echo "redis did not start; see $REF_REDIS_DIR/redis.log" >&2; return 1; }
  local port pidfile
  for port in $((CLUSTER_PORT + 1)) $((CLUSTER_PORT + 2)); do
    pidfile=$(mktemp)
    $(pin "$SERVER_CPU") node "$BENCH/reference-server.mjs" "$port" --redis "redis://127.0.0.1:$REDIS_PORT" \
      >"$pidfile" 2>/dev/null &
    REF_NODE_PIDS+=($!)
    for _ in $(seq 1 50); do [[ -s "$pidfile" ]] && break; sleep 0.2; done
    rm -f "$pidfile"
    kill -0 "${REF_NODE_PIDS[-1]}" 2>/dev/null || { echo "reference node on port $port did not start" >&2; return 1; }
  done
}

stop_reference_cluster() {
  local pid
  for pid in ${REF_NODE_PIDS[@]+"${REF_NODE_PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  REF_NODE_PIDS=()
  if [[ -f "$REF_REDIS_DIR/redis.pid" ]]; then
    pid=$(cat "$REF_REDIS_DIR/redis.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    rm -f "$REF_REDIS_DIR/redis.pid"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# run_harness TARGET SERVER NODE1_PID NODE2_PID REDIS_PID REP
run_harness() {
  local target=$1 server=$2 node1=$3 node2=$4 redis=$5 rep=$6 scenarios budget
  # alternate the order, so that neither scenario always meets the colder JVM (or the fuller heap)
  if (( rep % 2 )); then scenarios=same-node,cross-node; else scenarios=cross-node,same-node; fi
  budget=$(( (WARMUP + DURATION + 90) * 2 + 300 ))
  # shellcheck disable=SC2086
  timeout "$budget" $(pin "$HARNESS_CPU") node --max-old-space-size=4096 "$BENCH/harness.mjs" \
      --target "$target" --url "$NODE1_URL" --url2 "$NODE2_URL" --pid "$node1,$node2" --redis-pid "$redis" \
      --scenarios "$scenarios" --duration "$DURATION" --warmup "$WARMUP" \
      --receivers "$RECEIVERS" --bcast-inflight "$SENDERS" $HARNESS_ARGS \
    | sed -u "s/^{/{\"rep\":$rep,\"server\":\"$server\",/" | tee -a "$OUT" || true
}

failed_start() { # failed_start TARGET SERVER REP WHAT
  echo "{\"rep\":$3,\"server\":\"$2\",\"scenario\":\"same-node\",\"target\":\"$1\",\"failures\":1,\"error\":\"$4\"}" | tee -a "$OUT"
}

run_ours() { # run_ours SERVER REP
  local server=$1 rep=$2 node1 node2 redis
  echo "== cluster / ours on $server / rep $rep" >&2
  if redis_answers; then failed_start ours "$server" "$rep" "port $REDIS_PORT is taken by another Redis"; return; fi
  OURS_SERVER=$server
  # heap and GC as bench.sh gives a single server; TIDEWIRE_OPTS comes after, so it wins
  if TIDEWIRE_OPTS="-Xms$HEAP -Xmx$HEAP -XX:+UseG1GC ${TIDEWIRE_OPTS:-}" SERVER="$server" cluster start >&2; then
    node1=$(cat "$ROOT/target/cluster-node1.pid") node2=$(cat "$ROOT/target/cluster-node2.pid")
    redis=$(cat "$ROOT/target/cluster-redis/redis.pid")
    pin_running "$node1" "$node2" "$redis"
    run_harness ours "$server" "$node1" "$node2" "$redis" "$rep"
  else
    failed_start ours "$server" "$rep" "cluster on $server did not start"
  fi
  cleanup
}

run_reference() { # run_reference REP
  local rep=$1
  echo "== cluster / reference / rep $rep" >&2
  if redis_answers; then failed_start reference node "$rep" "port $REDIS_PORT is taken by another Redis"; return; fi
  if start_reference_cluster; then
    run_harness reference node "${REF_NODE_PIDS[0]}" "${REF_NODE_PIDS[1]}" "$(cat "$REF_REDIS_DIR/redis.pid")" "$rep"
  else
    failed_start reference node "$rep" "reference cluster did not start"
  fi
  cleanup
}

echo "results: $OUT" >&2
for rep in $(seq 1 "$REPS"); do
  for target in $TARGETS; do
    if [[ "$target" == ours ]]; then
      for server in $SERVERS; do run_ours "$server" "$rep"; done
    else
      run_reference "$rep"
    fi
  done
done

echo >&2
expected=""
for target in $TARGETS; do
  if [[ "$target" == ours ]]; then for server in $SERVERS; do expected+=" ours@$server"; done; else expected+=" reference@node"; fi
done
node "$BENCH/cluster-report.mjs" "$OUT" "$REPS" $expected
