#!/usr/bin/env bash
# The one benchmark command: every scenario against ours (Tidewire), the raw floors (the same server, bare endpoints:
# raw = the container's JSR-356, raw-upgrade = the Servlet upgrade with Tidewire's framing) on each server of SERVERS, and the npm socket.io reference server, in turn; a fresh server per run; the
# server pinned to one core and the harness to the other; REPS repetitions; then a table of medians with the ratios
# ours/reference and ours/raw per server. JSON lines go to bench/results/<timestamp>.jsonl, each with "rep" and
# "server" (wildfly, payara; node for the reference) next to "target".
#
#   bench/run-all.sh                      # full run (about an hour on 2 cores with the defaults, per server)
#   SERVERS="wildfly payara" bench/run-all.sh   # ours and raw on both servers, the reference once
#   SMOKE=1 bench/run-all.sh              # a few seconds per scenario, small counts, ours only, one server (CI)
#
# Environment (defaults in brackets):
#   SCENARIOS ["echo binary broadcast storm-ws storm-upgrade memory"]   TARGETS ["ours raw raw-upgrade reference"]
#     (target ours-servlet: ours with tidewire.undertowFastPath=false, the Servlet upgrade; on WildFly only)
#   SERVERS ["wildfly"] servers that run ours and raw (wildfly, payara; see server-config/server.sh)
#   TIDEWIRE_OPTS [""] extra JVM options / -D system properties for ours and raw (server-config/bench.sh)
#   DURATION [30] measured seconds per run (memory: seconds the connections are held)
#   WARMUP [20] unmeasured seconds of the same load before each measured window (also given to the reference)
#   REPS [3]  PORT [3400] (ours/raw)  REF_PORT [3401] (reference)  HEAP [1g] (ours/raw, -Xms = -Xmx)
#   SERVER_CPU [0]  HARNESS_CPU [1]   (taskset cores; set PIN=0 to run unpinned)
#   MEM_CONNS [19000] idle WebSocket connections of the memory scenario   SOURCES [64] loopback source addresses
#   MEM_HOLD [120] seconds the memory scenario holds its connections (heap sampled 4 times: several heartbeats)
#   HARNESS_ARGS [""] extra harness options, e.g. "--clients 50 --receivers 500"
#   RESUME [""] a results file of an earlier, interrupted invocation with the same settings: its runs are kept, the
#     runs it lacks (scenario, target, server, rep) are run and appended to it, and the table covers all of them
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
SMOKE="${SMOKE:-0}"
PORT="${PORT:-3400}"
REF_PORT="${REF_PORT:-3401}"
HEAP="${HEAP:-1g}"
PIN="${PIN:-1}"
SERVER_CPU="${SERVER_CPU:-0}"
HARNESS_CPU="${HARNESS_CPU:-1}"
HARNESS_ARGS="${HARNESS_ARGS:-}"
SERVERS="${SERVERS:-wildfly}"
for server in $SERVERS; do
  [[ "$server" == wildfly || "$server" == payara ]] || { echo "unknown server '$server' in SERVERS (wildfly, payara)" >&2; exit 2; }
done
if [[ "$SMOKE" == 1 ]]; then
  SCENARIOS="${SCENARIOS:-echo binary broadcast storm-ws storm-upgrade memory}"
  TARGETS="${TARGETS:-ours}"
  DURATION="${DURATION:-2}"; WARMUP="${WARMUP:-0}"; REPS="${REPS:-1}"; MEM_HOLD="${MEM_HOLD:-2}"
  SIZES="--clients 10 --inflight 4 --binary-clients 4 --binary-inflight 2 --receivers 50 --bcast-inflight 2 \
--storm-concurrency 5 --conns ${MEM_CONNS:-200} --sources ${SOURCES:-8} --heap-samples 1"
else
  SCENARIOS="${SCENARIOS:-echo binary broadcast storm-ws storm-upgrade memory}"
  TARGETS="${TARGETS:-ours raw raw-upgrade reference}"
  DURATION="${DURATION:-30}"; WARMUP="${WARMUP:-20}"; REPS="${REPS:-3}"; MEM_HOLD="${MEM_HOLD:-120}"
  SIZES="--clients 100 --inflight 10 --binary-clients 20 --binary-inflight 2 --receivers 1000 --bcast-inflight 4 \
--storm-concurrency 50 --conns ${MEM_CONNS:-19000} --sources ${SOURCES:-64} --heap-samples 4"
fi

pin() { # pin CORE: a taskset prefix (empty when PIN=0 or taskset is missing)
  if [[ "$PIN" == 1 ]] && command -v taskset >/dev/null; then echo "taskset -c $1"; fi
}

# npm packages, pinned by the committed lock file
if [[ ! -d "$BENCH/node_modules/socket.io-client" || "$BENCH/package-lock.json" -nt "$BENCH/node_modules/.package-lock.json" ]]; then
  (cd "$BENCH" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi

mkdir -p "$BENCH/results"
RESUME="${RESUME:-}"
if [[ -n "$RESUME" ]]; then
  [[ -f "$RESUME" && "$SMOKE" != 1 ]] || { echo "RESUME needs an existing results file of a full run" >&2; exit 2; }
  OUT="$(cd "$(dirname "$RESUME")" && pwd)/$(basename "$RESUME")"
else
  STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
  SUFFIX=""; [[ "$SMOKE" == 1 ]] && SUFFIX="-smoke"
  OUT="$BENCH/results/$STAMP$SUFFIX.jsonl"
  : >"$OUT"
fi

REF_PID=""
OURS_UP=0
cleanup() {
  if [[ -n "$REF_PID" ]]; then kill "$REF_PID" 2>/dev/null || true; wait "$REF_PID" 2>/dev/null || true; REF_PID=""; fi
  if [[ "$OURS_UP" == 1 ]]; then PORT="$PORT" "$ROOT/server-config/bench.sh" stop >/dev/null 2>&1 || true; OURS_UP=0; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_ours() { # start_ours SERVER: prints the server PID (run in $(...): the caller sets OURS_UP=1 first)
  local pid
  pid=$(SERVER="$1" PORT="$PORT" HEAP="$HEAP" "$ROOT/server-config/bench.sh" start | grep -E '^[0-9]+$' | tail -1)
  if [[ "$PIN" == 1 ]] && command -v taskset >/dev/null; then taskset -apc "$SERVER_CPU" "$pid" >/dev/null; fi
  echo "$pid"
}

start_reference() { # sets REF_PID
  local pidfile; pidfile=$(mktemp)
  $(pin "$SERVER_CPU") node --expose-gc "$BENCH/reference-server.mjs" "$REF_PORT" >"$pidfile" 2>/dev/null &
  REF_PID=$!
  for _ in $(seq 1 50); do [[ -s "$pidfile" ]] && break; sleep 0.2; done
  rm -f "$pidfile"
  kill -0 "$REF_PID" 2>/dev/null || { echo "reference server did not start" >&2; return 1; }
}

# run_harness TARGET SERVER URL PID SCENARIO-LIST REP
run_harness() {
  local target=$1 server=$2 url=$3 pid=$4 scenarios=$5 rep=$6 budget duration=$DURATION contract=$1
  [[ "$target" == ours-servlet ]] && contract=ours # the same server contract; the lines say which it was
  # the memory scenario's duration is its hold time (alone in a full run; in a smoke run both are short)
  [[ "$scenarios" == memory ]] && duration=$MEM_HOLD
  budget=$(( (WARMUP + duration + 90) * $(wc -w <<<"${scenarios//,/ }") + 300 ))
  # shellcheck disable=SC2086
  timeout "$budget" $(pin "$HARNESS_CPU") node --max-old-space-size=4096 "$BENCH/harness.mjs" \
      --target "$contract" --url "$url" --pid "$pid" --scenarios "$scenarios" \
      --duration "$duration" --warmup "$WARMUP" $SIZES $HARNESS_ARGS \
    | sed -u -e "s/^{/{\"rep\":$rep,\"server\":\"$server\",/" -e "s/\"target\":\"$contract\"/\"target\":\"$target\"/" \
    | tee -a "$OUT" || true
}

# run_target TARGET SERVER SCENARIO-LIST REP: a fresh server (the reference, or ours/raw on SERVER), one harness run
run_target() {
  local target=$1 server=$2 list=$3 rep=$4 pid
  echo "== $list / $target${server:+ on $server} / rep $rep" >&2
  if [[ "$target" == reference ]]; then
    start_reference
    run_harness "$target" node "http://127.0.0.1:$REF_PORT" "$REF_PID" "$list" "$rep"
  else
    OURS_UP=1
    local opts="${TIDEWIRE_OPTS:-}"
    [[ "$target" == ours-servlet ]] && opts="$opts -Dtidewire.undertowFastPath=false"
    if pid=$(TIDEWIRE_OPTS="$opts" start_ours "$server") && [[ -n "$pid" ]]; then
      run_harness "$target" "$server" "http://127.0.0.1:$PORT" "$pid" "$list" "$rep"
    else
      echo "{\"rep\":$rep,\"server\":\"$server\",\"scenario\":\"${list%%,*}\",\"target\":\"$target\",\"failures\":1,\"error\":\"$server did not start\"}" | tee -a "$OUT"
    fi
  fi
  cleanup
}

servers_of() { # servers_of TARGET: the servers a target runs on
  if [[ "$1" == reference ]]; then echo node
  elif [[ "$1" == ours-servlet ]]; then if [[ " $SERVERS " == *" wildfly "* ]]; then echo wildfly; fi
  else echo "$SERVERS"; fi
}

applicable() { # applicable TARGET SCENARIO
  [[ "$1" != raw* || "$2" != binary ]]
}

# the runs already in the results file, one "scenario target server rep" line each (none unless resuming)
DONE_RUNS=""
if [[ -n "$RESUME" ]]; then
  DONE_RUNS=$(node -e '
    for (const line of require("fs").readFileSync(process.argv[1], "utf8").split("\n")) {
      if (!line.startsWith("{")) continue;
      const r = JSON.parse(line);
      console.log(`${r.scenario} ${r.target} ${r.server} ${r.rep}`);
    }' "$OUT")
fi
already_run() { # already_run SCENARIO TARGET SERVER REP
  grep -qxF "$1 $2 $3 $4" <<<"$DONE_RUNS"
}

echo "results: $OUT" >&2
if [[ "$SMOKE" == 1 ]]; then
  # one server per target and server, every scenario once, briefly
  for target in $TARGETS; do
    list=""
    for s in $SCENARIOS; do applicable "$target" "$s" && list="$list${list:+,}$s"; done
    for server in $(servers_of "$target"); do run_target "$target" "$server" "$list" 1; done
  done
else
  for s in $SCENARIOS; do
    for target in $TARGETS; do
      applicable "$target" "$s" || continue
      for server in $(servers_of "$target"); do
        for rep in $(seq 1 "$REPS"); do
          if already_run "$s" "$target" "$server" "$rep"; then echo "== $s / $target on $server / rep $rep: in $OUT" >&2
          else run_target "$target" "$server" "$s" "$rep"; fi
        done
      done
    done
  done
fi

echo >&2
node "$BENCH/report.mjs" "$OUT"
