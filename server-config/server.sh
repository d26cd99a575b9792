#!/usr/bin/env bash
# Shared helpers: start/stop a background WildFly instance of the provisioned server (target/server) with the WAR
# deployed at context root /, in its own base directory so that it never collides with `mvn wildfly:run` or the
# Arquillian-managed server. Sourced by conformance.sh and bench.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVER_HOME="$ROOT/target/server"
WAR="$ROOT/target/tidewire.war"

# Build the WAR and provision the server unless both are newer than every source file.
ensure_built() {
  local newest_src
  newest_src=$(find "$ROOT/src/main" "$ROOT/pom.xml" -type f -newer "$WAR" 2>/dev/null | head -1 || true)
  if [[ ! -f "$WAR" || ! -d "$SERVER_HOME" || -n "$newest_src" ]]; then
    echo "building (mvn package -DskipTests)…" >&2
    (cd "$ROOT" && mvn -B -q package -DskipTests) >&2
  fi
}

# start_instance NAME PORT URL_TO_POLL [extra JVM/system-property args...]
start_instance() {
  local name=$1 port=$2 probe=$3; shift 3
  local base="$ROOT/target/$name-base"
  local pidfile="$ROOT/target/$name.pid" log="$ROOT/target/$name.log"
  if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "$name is already running (pid $(cat "$pidfile"))" >&2
    return 0
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use" >&2
    return 1
  fi
  ensure_built
  rm -rf "$base"
  cp -r "$SERVER_HOME/standalone" "$base"
  rm -rf "$base/deployments/"* "$base/data" "$base/tmp" "$base/log"
  cp "$WAR" "$base/deployments/ROOT.war"
  local off=$((port - 8080 + 20000))   # management/https ports derived from the HTTP port, away from the defaults
  JBOSS_PIDFILE="$pidfile" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    nohup "$SERVER_HOME/bin/standalone.sh" \
      -Djboss.server.base.dir="$base" \
      -Djboss.http.port="$port" -Djboss.https.port=$((off + 443)) \
      -Djboss.management.http.port=$((off + 1990)) -Djboss.management.https.port=$((off + 1993)) \
      "$@" >"$log" 2>&1 < /dev/null &
  local deadline=$((SECONDS + 120))
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$probe" 2>/dev/null | grep -q '^200$'; do
    if (( SECONDS > deadline )); then
      echo "$name did not answer on port $port within 120 s; see $log" >&2
      stop_instance "$name"
      return 1
    fi
    sleep 0.5
  done
  echo "$name running on http://127.0.0.1:$port/ (log: $log)" >&2
}

stop_instance() {
  local name=$1
  local pidfile="$ROOT/target/$name.pid"
  [[ -f "$pidfile" ]] || { echo "$name is not running" >&2; return 0; }
  local pid; pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  echo "$name stopped" >&2
}
