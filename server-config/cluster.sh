#!/usr/bin/env bash
# A local cluster: `cluster.sh start` starts, in the background,
#   - Redis (Debian's redis-server, installed when missing and root) on REDIS_PORT (6379), no persistence;
#   - two nodes of a fixture (FIXTURE=bench, the default, or conformance) on ports CLUSTER_PORT+1 and CLUSTER_PORT+2
#     (3001 and 3002 with the default CLUSTER_PORT=3000), each with the cluster adapter ADAPTER (redis, the default,
#     or redis-streams) on that Redis; SERVER=wildfly|payara as for conformance.sh, and TIDEWIRE_OPTS passes through
#     to both nodes;
#   - nginx (Debian's, installed when missing and root; run with its own configuration and PID file under
#     target/cluster-nginx, not as the system service) on port CLUSTER_PORT, balancing the two nodes with sticky
#     sessions by client address (a hash of the whole address; ip_hash would key on its first three bytes only): a
#     polling client and its upgrade stay on one node. Clients on one machine spread over both nodes when they connect
#     from different loopback addresses (any of 127.0.0.0/8; which node an address lands on is the hash's choice).
# It returns once every part answers. `cluster.sh stop` stops all of it and leaves nothing running. The PID files:
# target/cluster-node1.pid, target/cluster-node2.pid, target/cluster-redis/redis.pid.
# For failure tests: `kill-node 1|2` kills a node (SIGKILL), `start-node 1|2` starts it again, `restart-redis` stops
# Redis and starts it again on the same port, empty.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/server.sh"
REDIS_PORT="${REDIS_PORT:-6379}"
ADAPTER="${ADAPTER:-redis}"
FIXTURE="${FIXTURE:-bench}"
# one base port, so that a second cluster (a benchmark, say) can run beside the default one
CLUSTER_PORT="${CLUSTER_PORT:-3000}"
[[ "$CLUSTER_PORT" =~ ^[0-9]+$ ]] || { echo "CLUSTER_PORT must be a port number" >&2; exit 2; }
NODE_PORTS=($((CLUSTER_PORT + 1)) $((CLUSTER_PORT + 2)))
NGINX_PORT=$CLUSTER_PORT
NGINX_DIR="$ROOT/target/cluster-nginx"
REDIS_DIR="$ROOT/target/cluster-redis"
# EXTRA_JVM_OPTS: the cluster ITs pass -XX:TieredStopAtLevel=1 (faster starts); the benchmark passes nothing
JVM_OPTS="-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true ${EXTRA_JVM_OPTS:-}"

case "$ADAPTER" in redis|redis-streams) ;; *) echo "ADAPTER must be redis or redis-streams" >&2; exit 2 ;; esac
case "$FIXTURE" in bench|conformance) ;; *) echo "FIXTURE must be bench or conformance" >&2; exit 2 ;; esac

install_if_missing() { # install_if_missing COMMAND PACKAGE
  command -v "$1" >/dev/null && return 0
  if [[ $(id -u) -ne 0 ]]; then echo "missing $1: sudo apt-get install -y $2" >&2; exit 1; fi
  echo "installing $2" >&2
  apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >&2
}

start_redis() {
  install_if_missing redis-server redis-server
  mkdir -p "$REDIS_DIR"
  if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    echo "redis already answers on port $REDIS_PORT" >&2
    return 0
  fi
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$REDIS_DIR" \
    --daemonize yes --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log"
  for _ in $(seq 1 100); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$REDIS_PORT" ping >/dev/null || { echo "redis did not start; see $REDIS_DIR/redis.log" >&2; exit 1; }
  echo "redis running on port $REDIS_PORT" >&2
}

stop_redis() {
  [[ -f "$REDIS_DIR/redis.pid" ]] || return 0
  local pid; pid=$(cat "$REDIS_DIR/redis.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$REDIS_DIR/redis.pid"
  echo "redis stopped" >&2
}

start_nginx() {
  install_if_missing nginx nginx
  mkdir -p "$NGINX_DIR/logs" "$NGINX_DIR/temp"
  cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/temp/body;
  proxy_temp_path $NGINX_DIR/temp/proxy;
  fastcgi_temp_path $NGINX_DIR/temp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/temp/uwsgi;
  scgi_temp_path $NGINX_DIR/temp/scgi;
  upstream tidewire { hash \$remote_addr consistent; server 127.0.0.1:${NODE_PORTS[0]}; server 127.0.0.1:${NODE_PORTS[1]}; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://tidewire;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection "upgrade";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_read_timeout 120s;
      proxy_buffering off;
    }
  }
}
CONF
  nginx -e "$NGINX_DIR/logs/error.log" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf"
  for _ in $(seq 1 50); do [[ -f "$NGINX_DIR/nginx.pid" ]] && break; sleep 0.1; done
  echo "nginx running on http://127.0.0.1:$NGINX_PORT/ (by client address over ${NODE_PORTS[*]})" >&2
}

stop_nginx() {
  [[ -f "$NGINX_DIR/nginx.pid" ]] || return 0
  nginx -e "$NGINX_DIR/logs/error.log" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -s quit 2>/dev/null || true
  for _ in $(seq 1 50); do [[ -f "$NGINX_DIR/nginx.pid" ]] || break; sleep 0.1; done
  echo "nginx stopped" >&2
}

node_options() {
  local -a opts=(-Dtidewire.fixture="$FIXTURE" -Dtidewire.adapter="$ADAPTER"
    -Dtidewire.redis.uri="redis://127.0.0.1:$REDIS_PORT")
  if [[ "$FIXTURE" == conformance ]]; then opts+=("-Dtidewire.cors.origin=*" -Dtidewire.connectTimeout=1000); fi
  printf '%s\n' "${opts[@]}"
}

start_node() { # start_node 1|2
  local -a options
  mapfile -t options < <(node_options)
  start_instance "cluster-node$1" "${NODE_PORTS[$(($1 - 1))]}" "/socket.io/?EIO=4&transport=polling" "$JVM_OPTS" \
    "${options[@]}"
}

kill_node() { # kill_node 1|2: a crash, not a shutdown
  local pidfile="$ROOT/target/cluster-node$1.pid"
  [[ -f "$pidfile" ]] || { echo "cluster-node$1 is not running" >&2; return 0; }
  local pid; pid=$(cat "$pidfile")
  kill -9 "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$pidfile" "$pidfile.server"
  echo "cluster-node$1 killed" >&2
}

node_number() { [[ "${1:-}" == 1 || "${1:-}" == 2 ]] || { echo "which node: 1 or 2" >&2; exit 2; }; }

case "${1:-}" in
  start)
    start_redis
    ensure_built # once, before the nodes start side by side
    # side by side: a start is mostly waiting on one thread, and two in a row took 23 s (WildFly) and 35 s (Payara)
    start_node 1 & first=$!
    start_node 2 & second=$!
    failed=0
    wait "$first" || failed=1
    wait "$second" || failed=1
    if ((failed)); then stop_instance cluster-node1; stop_instance cluster-node2; stop_redis; exit 1; fi
    start_nginx ;;
  stop)
    stop_nginx
    stop_instance cluster-node1 & first=$!
    stop_instance cluster-node2 & second=$!
    wait "$first" "$second"
    stop_redis ;;
  # for the failure tests: one part at a time, while the rest runs
  kill-node) node_number "${2:-}"; kill_node "$2" ;;
  start-node) node_number "${2:-}"; start_node "$2" ;;
  restart-redis) stop_redis; start_redis ;;
  *) echo "usage: [SERVER=wildfly|payara] [ADAPTER=redis|redis-streams] [FIXTURE=bench|conformance] [CLUSTER_PORT=3000] [REDIS_PORT=6379] [TIDEWIRE_OPTS=...] $0 start|stop|kill-node N|start-node N|restart-redis" >&2
     exit 2 ;;
esac
