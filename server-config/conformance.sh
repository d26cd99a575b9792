#!/usr/bin/env bash
# Conformance fixture: `conformance.sh start` builds if needed and starts WildFly in the background on port 3000
# (override with PORT=...) at context root /, with the fixture mode on (Engine.IO echo at /engine.io/); it returns
# once the server answers. `conformance.sh stop` stops it and leaves nothing running.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
PORT="${PORT:-3000}"
case "${1:-}" in
  start) start_instance conformance "$PORT" "/engine.io/?EIO=4&transport=polling" -Dtidewire.fixture=conformance ;;
  stop) stop_instance conformance ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
