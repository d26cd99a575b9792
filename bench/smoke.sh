#!/usr/bin/env bash
# CI hook: a tiny run of the harness against ours (SMOKE=1 bench/run-all.sh: every scenario once, a few seconds,
# small counts, one server on PORT, default 3400; WildFly unless SERVERS="wildfly payara" or SERVERS=payara). It
# keeps the harness working; it asserts nothing about speed. Exits non-zero only when a scenario fails functionally:
# failures > 0, an error, no operations, or a scenario missing from the output (per server).
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
SMOKE=1 "$BENCH/run-all.sh" 2>&1 | tee "$log"
results=$(grep -oE '^results: .*\.jsonl$' "$log" | head -1 | cut -d' ' -f2)
[[ -n "$results" && -f "$results" ]] || { echo "smoke: no results file" >&2; exit 1; }
node --input-type=module - "$results" "${SCENARIOS:-echo binary broadcast storm-ws storm-upgrade memory}" \
  "${SERVERS:-wildfly}" <<'JS'
import fs from 'node:fs';
const [file, wanted, servers] = process.argv.slice(2);
const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const bad = [];
for (const server of servers.split(/\s+/).filter(Boolean)) {
  for (const s of wanted.split(/\s+/).filter(Boolean)) {
    const where = `${s} (ours on ${server})`;
    const l = lines.find((x) => x.scenario === s && x.target === 'ours' && x.server === server);
    if (!l) { bad.push(`${where}: no result`); continue; }
    const ops = l.unit ? l[l.unit] : 0;
    if (l.error) bad.push(`${where}: ${l.error}`);
    else if (l.failures > 0) bad.push(`${where}: ${l.failures} failures`);
    else if (!(ops > 0)) bad.push(`${where}: no ${l.unit || 'operations'}`);
    else if (s === 'broadcast' && l.incomplete_broadcasts > 0) bad.push(`${where}: ${l.incomplete_broadcasts} incomplete broadcasts`);
  }
}
for (const l of lines) if (l.scenario === 'watchdog') bad.push(l.error);
if (bad.length) { console.error('bench smoke FAILED:\n  ' + bad.join('\n  ')); process.exit(1); }
console.log(`bench smoke: ${lines.length} scenarios ok (functional check only; the numbers are not judged)`);
JS
