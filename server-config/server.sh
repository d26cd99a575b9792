#!/usr/bin/env bash
# Shared helpers: start/stop a background server instance with the WAR deployed at context root /, in its own
# directory under target/ so that it never collides with `mvn wildfly:run`, the Arquillian-managed servers or another
# instance. Sourced by conformance.sh and bench.sh.
#
#   SERVER=wildfly (default)  the provisioned WildFly (target/server), base directory target/NAME-base
#   SERVER=payara             Payara Micro (target/payara-micro.jar), --rootDir target/NAME-base, --nocluster
#   TIDEWIRE_OPTS="..."       extra JVM options and -D system properties for either server, appended after the
#                             script's own (so they win), split on whitespace (no quoting: values without spaces)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVER="${SERVER:-wildfly}"
SERVER_HOME="$ROOT/target/server"
PAYARA_JAR="$ROOT/target/payara-micro.jar"
# the fixture WAR: the demo WAR plus the test fixtures (src/test/java/dev/tidewire/fixture), switched on by
# -Dtidewire.fixture=conformance|bench; the shipped WAR (target/tidewire.war) holds no fixture
WAR="$ROOT/target/tidewire-fixtures.war"
case "$SERVER" in
  wildfly|payara) ;;
  *) echo "unknown SERVER=$SERVER: use SERVER=wildfly (the default) or SERVER=payara" >&2; exit 2 ;;
esac

# Build the WARs, provision WildFly and copy Payara Micro unless all are there and the WAR is newer than every
# source it holds.
ensure_built() {
  local newest_src
  newest_src=$(find "$ROOT/src/main" "$ROOT/src/test/java/dev/tidewire/fixture" "$ROOT/pom.xml" -type f -newer "$WAR" \
    2>/dev/null | head -1 || true)
  if [[ ! -f "$WAR" || ! -d "$SERVER_HOME" || ! -f "$PAYARA_JAR" || -n "$newest_src" ]]; then
    echo "building (mvn package -DskipTests)…" >&2
    (cd "$ROOT" && mvn -B -q package -DskipTests) >&2
  fi
}

# launch_wildfly BASE PORT LOG PIDFILE JVM_OPTS [-Dname=value ...]: the JVM options go into JAVA_OPTS (standalone.sh
# evals it, hence each word is quoted with %q), the system properties are server arguments.
launch_wildfly() {
  local base=$1 port=$2 log=$3 pidfile=$4 jvm_opts=$5; shift 5
  local java_opts="" word
  local -a words
  read -ra words <<<"$jvm_opts -Djboss.modules.system.pkgs=org.jboss.byteman"
  for word in "${words[@]}"; do java_opts+=" $(printf '%q' "$word")"; done
  rm -rf "$base"
  cp -r "$SERVER_HOME/standalone" "$base"
  rm -rf "$base/deployments/"* "$base/data" "$base/tmp" "$base/log"
  cp "$WAR" "$base/deployments/ROOT.war"
  local off=$((port - 8080 + 20000))   # management/https ports derived from the HTTP port, away from the defaults
  JAVA_OPTS="$java_opts" JBOSS_PIDFILE="$pidfile" LAUNCH_JBOSS_IN_BACKGROUND=1 \
    nohup "$SERVER_HOME/bin/standalone.sh" \
      -Djboss.server.base.dir="$base" \
      -Djboss.http.port="$port" -Djboss.https.port=$((off + 443)) \
      -Djboss.management.http.port=$((off + 1990)) -Djboss.management.https.port=$((off + 1993)) \
      "$@" >"$log" 2>&1 < /dev/null &
}

# launch_payara BASE PORT LOG PIDFILE JVM_OPTS [-Dname=value ...]: Payara Micro takes every JVM option and system
# property before -jar (it rejects -D after it); its runtime directory is BASE (--rootDir), no clustering and no
# data grid (as in the ITs).
launch_payara() {
  local base=$1 port=$2 log=$3 pidfile=$4 jvm_opts=$5; shift 5
  local -a opts
  read -ra opts <<<"$jvm_opts"
  rm -rf "$base" "$base.war"
  mkdir -p "$base"
  cp "$WAR" "$base.war"
  nohup java "${opts[@]}" "$@" -jar "$PAYARA_JAR" --deploy "$base.war" --contextroot / --port "$port" \
    --nocluster --nohazelcast --rootDir "$base" --prebootcommandfile "$ROOT/server-config/payara-preboot.asadmin" \
    >"$log" 2>&1 < /dev/null &
  echo $! >"$pidfile"
}

running() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }   # running PIDFILE

# start_instance NAME PORT URL_TO_POLL JVM_OPTS [-Dname=value ...]
# Starts $SERVER in the background with JVM_OPTS (a string: heap, GC, ...), the given system properties and then
# TIDEWIRE_OPTS; returns once URL_TO_POLL answers 200. PID in target/NAME.pid, output in target/NAME.log.
start_instance() {
  local name=$1 port=$2 probe=$3 jvm_opts=$4; shift 4
  local base="$ROOT/target/$name-base"
  local pidfile="$ROOT/target/$name.pid" log="$ROOT/target/$name.log"
  if running "$pidfile"; then
    echo "$name is already running (pid $(cat "$pidfile"), $(cat "$pidfile.server" 2>/dev/null || echo '?'))" >&2
    return 0
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use" >&2
    return 1
  fi
  ensure_built
  local -a extra sysprops=("$@")
  read -ra extra <<<"${TIDEWIRE_OPTS:-}"
  # -D from TIDEWIRE_OPTS join the system properties, anything else the JVM options
  local word
  for word in ${extra[@]+"${extra[@]}"}; do
    if [[ "$word" == -D* ]]; then sysprops+=("$word"); else jvm_opts+=" $word"; fi
  done
  echo "$SERVER" >"$pidfile.server"
  "launch_$SERVER" "$base" "$port" "$log" "$pidfile" "$jvm_opts" ${sysprops[@]+"${sysprops[@]}"}
  local t0=$SECONDS
  until curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$probe" 2>/dev/null | grep -q '^200$'; do
    # (WildFly's start script writes the PID file a moment after it starts)
    if (( SECONDS - t0 > 180 )) || { (( SECONDS - t0 > 10 )) && ! running "$pidfile"; }; then
      echo "$name ($SERVER) did not answer on port $port; see $log" >&2
      stop_instance "$name"
      return 1
    fi
    sleep 0.5
  done
  echo "$name ($SERVER) running on http://127.0.0.1:$port/ (log: $log)" >&2
}

# stop_instance NAME: stops the instance whose PID is in target/NAME.pid (either server) and waits until it is gone.
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
  rm -f "$pidfile" "$pidfile.server"
  echo "$name stopped" >&2
}
