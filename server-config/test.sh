#!/usr/bin/env bash
# The project's one test command (README "Test"; CI's .ci/run calls exactly this). It installs what a fresh machine
# lacks (Debian packages, as root; otherwise it says which command to run), then runs every test: unit tests, the
# integration tests on WildFly and on Payara Micro (mvn verify), and a functional smoke run of the load harness.
# Extra arguments go to Maven, e.g. server-config/test.sh -DskipInterop
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
command -v curl >/dev/null || missing+=(curl)
command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v taskset >/dev/null || missing+=(util-linux)
# the cluster adapters' tests start their own Redis (Debian's redis-server)
command -v redis-server >/dev/null || missing+=(redis-server)
# ClusterIT balances two nodes with nginx (server-config/cluster.sh)
command -v nginx >/dev/null || missing+=(nginx)
# the chat demo's browser tests (ChatBrowserIT) drive Debian's Chromium through playwright-core
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "missing: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "installing ${missing[*]}" >&2
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

status=0
mvn -B verify "$@" || status=$?
if ((status)); then
  bash server-config/failed-tests.sh
  exit "$status"
fi
bash bench/smoke.sh
