#!/usr/bin/env bash
# Conformance fixture: `conformance.sh start` builds if needed and starts WildFly in the background on port 3000
# (override with PORT=...) at context root /, with the fixture mode on (Engine.IO echo at /engine.io/, Socket.IO
# fixture at /socket.io/); it returns
# once the server answers. `conformance.sh stop` stops it and leaves nothing running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
PORT="${PORT:-3000}"
# the Socket.IO server at /socket.io/ as the conformance suites expect it (connection state recovery is off)
SOCKET_IO_FIXTURE_OPTIONS=(-Dtidewire.pingInterval=300 -Dtidewire.pingTimeout=200 -Dtidewire.maxHttpBufferSize=1000000
  -Dtidewire.connectTimeout=1000 "-Dtidewire.cors.origin=*")
case "${1:-}" in
  start) start_instance conformance "$PORT" "/socket.io/?EIO=4&transport=polling" \
           -Dtidewire.fixture=conformance "${SOCKET_IO_FIXTURE_OPTIONS[@]}" ;;
  stop) stop_instance conformance ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
