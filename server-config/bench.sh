#!/usr/bin/env bash
# Bench fixture: `bench.sh start` builds if needed and starts the production configuration (default options, no
# debug logging) on port 3000 (PORT=...) at context root /, with a fixed heap (HEAP=1g by default, -Xms = -Xmx), the
# bench handlers on namespace / and the raw JSR-356 floor endpoints; it waits until the server answers and prints
# the server JVM's PID as its last line. `bench.sh stop` stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
PORT="${PORT:-3000}"
HEAP="${HEAP:-1g}"
case "${1:-}" in
  start)
    JAVA_OPTS="-Xms$HEAP -Xmx$HEAP -XX:+UseG1GC -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true \
-Djboss.modules.system.pkgs=org.jboss.byteman ${BENCH_JAVA_OPTS:-}" \
      start_instance bench "$PORT" "/socket.io/?EIO=4&transport=polling" -Dtidewire.fixture=bench >&2
    echo "$(cat "$ROOT/target/bench.pid")" ;;
  stop) stop_instance bench ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
