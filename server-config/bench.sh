#!/usr/bin/env bash
# Bench fixture: `bench.sh start` builds if needed and starts the production configuration (default options, no
# debug logging) on port 3000 (PORT=...) at context root /, with a fixed heap (HEAP=1g by default, -Xms = -Xmx) and
# G1, the bench handlers on namespace / and the raw JSR-356 floor endpoints; it waits until the server answers and
# prints the server JVM's PID as its last line. `bench.sh stop` stops it. SERVER=wildfly (default) or SERVER=payara;
# TIDEWIRE_OPTS="-Dtidewire.x=y -X..." adds JVM options and system properties (BENCH_JAVA_OPTS, the older name, is
# still honoured: it is appended to TIDEWIRE_OPTS). See server.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
PORT="${PORT:-3000}"
HEAP="${HEAP:-1g}"
TIDEWIRE_OPTS="${TIDEWIRE_OPTS:-} ${BENCH_JAVA_OPTS:-}"
case "${1:-}" in
  start)
    start_instance bench "$PORT" "/socket.io/?EIO=4&transport=polling" \
      "-Xms$HEAP -Xmx$HEAP -XX:+UseG1GC -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true" \
      -Dtidewire.fixture=bench >&2
    cat "$ROOT/target/bench.pid" ;;
  stop) stop_instance bench ;;
  *) echo "usage: [SERVER=wildfly|payara] [PORT=3000] [HEAP=1g] [TIDEWIRE_OPTS=...] $0 start|stop" >&2; exit 2 ;;
esac
