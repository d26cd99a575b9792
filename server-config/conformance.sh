#!/usr/bin/env bash
# Conformance fixture: `conformance.sh start` builds if needed and starts the server in the background on port 3000
# (override with PORT=...) at context root /, with the fixture mode on (Engine.IO echo at /engine.io/, Socket.IO
# fixture at /socket.io/); it returns once the server answers. `conformance.sh stop` stops it and leaves nothing
# running. SERVER=wildfly (default) or SERVER=payara; TIDEWIRE_OPTS="-Dtidewire.x=y -X..." adds JVM options and
# system properties (after the fixture's, so they win). See server.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
PORT="${PORT:-3000}"
# WildFly's stock JVM options (bin/standalone.conf), given to either server
JVM_OPTS="-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true"
# the Socket.IO server at /socket.io/ as the conformance suites expect it (connection state recovery is off)
SOCKET_IO_FIXTURE_OPTIONS=(-Dtidewire.pingInterval=300 -Dtidewire.pingTimeout=200 -Dtidewire.maxHttpBufferSize=1000000
  -Dtidewire.connectTimeout=1000 "-Dtidewire.cors.origin=*" -Dtidewire.admin.enabled=true -Dtidewire.admin.uiPath=/admin-ui)
case "${1:-}" in
  start) start_instance conformance "$PORT" "/socket.io/?EIO=4&transport=polling" "$JVM_OPTS" \
           -Dtidewire.fixture=conformance "${SOCKET_IO_FIXTURE_OPTIONS[@]}" ;;
  stop) stop_instance conformance ;;
  *) echo "usage: [SERVER=wildfly|payara] [PORT=3000] [TIDEWIRE_OPTS=...] $0 start|stop" >&2; exit 2 ;;
esac
