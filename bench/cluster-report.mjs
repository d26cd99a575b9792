#!/usr/bin/env node
// Prints the tables of a cluster-bench.sh run: per cluster (ours on a server, or the Node reference) the medians of
// same-node and cross-node, and what crossing nodes adds (the median over repetitions of cross-node minus same-node
// of the same repetition, i.e. of the same cluster); then ours against the reference. Exits 1 when a run failed or an
// expected run is missing.
// Usage: node cluster-report.mjs RESULTS.jsonl [REPS target@server ...]   (e.g. 3 ours@wildfly reference@node)
import fs from 'node:fs';

const [file, repsArg, ...expected] = process.argv.slice(2);
if (!file) { console.error('usage: node cluster-report.mjs RESULTS.jsonl [REPS target@server ...]'); process.exit(2); }
const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const SCENARIOS = ['same-node', 'cross-node'];

const median = (xs) => {
  const a = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((p, q) => p - q);
  if (!a.length) return null;
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
};
const fmt = (x, digits = 2) => (x == null ? '–' : Math.abs(x) >= 1000 ? String(Math.round(x)) : x.toFixed(digits));
const ratio = (a, b) => (a == null || b == null || b <= 0 || a < 0 ? '–' : (a / b).toFixed(2));
const keyOf = (l) => `${l.target}@${l.server}`;
const label = (key) => (key.startsWith('reference@') ? 'reference (Node)' : key.replace('@', ' on '));

// the figures of one run; the nodes' CPU plus Redis's is what a delivery costs the whole cluster
const figures = (l) => ({
  ops: l.ops_per_s, busy: l.server_cores_busy, nodes: l.cpu_us_per_op,
  node1: l.process_cpu_us_per_op?.[0], node2: l.process_cpu_us_per_op?.[1], redis: l.redis_cpu_us_per_op,
  total: l.cpu_us_per_op == null || l.redis_cpu_us_per_op == null ? null : l.cpu_us_per_op + l.redis_cpu_us_per_op,
  p50: l.p50_ms, p99: l.p99_ms,
});
const FIELDS = ['ops', 'busy', 'nodes', 'node1', 'node2', 'redis', 'total', 'p50', 'p99'];
const medians = (runs) => Object.fromEntries(FIELDS.map((f) => [f, median(runs.map((r) => r[f]))]));

const keys = [...new Set([...expected, ...lines.map(keyOf)])]
  .sort((a, b) => (a.startsWith('reference') ? -1 : b.startsWith('reference') ? 1 : 0));
const table = new Map(); // key -> {same-node, cross-node, added, runs, failures}
const problems = [];
for (const key of keys) {
  const mine = lines.filter((l) => keyOf(l) === key);
  const byScenario = {};
  for (const s of SCENARIOS) byScenario[s] = mine.filter((l) => l.scenario === s && !l.error);
  for (const l of mine) {
    const where = `${label(key)}, ${l.scenario}, rep ${l.rep}`;
    if (l.error) problems.push(`${where}: ${l.error}`);
    else if (l.failures > 0) problems.push(`${where}: ${l.failures} failures`);
    else if (!(l.deliveries > 0)) problems.push(`${where}: no deliveries`);
    else if (l.incomplete_broadcasts > 0) problems.push(`${where}: ${l.incomplete_broadcasts} incomplete broadcasts`);
  }
  const reps = Number(repsArg) || 0;
  for (const s of SCENARIOS) {
    const got = byScenario[s].length;
    if (reps && got < reps) problems.push(`${label(key)}, ${s}: ${got} of ${reps} runs`);
  }
  // paired by repetition: both scenarios ran against the same cluster
  const added = [];
  for (const same of byScenario['same-node']) {
    const cross = byScenario['cross-node'].find((l) => l.rep === same.rep);
    if (!cross) continue;
    const a = figures(same), b = figures(cross);
    added.push(Object.fromEntries(FIELDS.map((f) => [f, a[f] == null || b[f] == null ? null : b[f] - a[f]])));
  }
  table.set(key, {
    'same-node': medians(byScenario['same-node'].map(figures)),
    'cross-node': medians(byScenario['cross-node'].map(figures)),
    added: medians(added),
    runs: Math.min(byScenario['same-node'].length, byScenario['cross-node'].length),
    failures: mine.reduce((n, l) => n + (l.failures || 0), 0),
  });
}

const first = lines.find((l) => l.scenario !== 'watchdog' && l.receivers);
console.log(`results: ${file}`);
if (first) console.log(`${first.receivers} receivers in the room, ${first.senders} senders (one broadcast in flight each) outside it`);
console.log('CPU = µs of server CPU (user + kernel, all threads) per delivery; latency per delivery, send to receipt');
console.log('node 1 holds the senders (and, for same-node, the receivers); node 2 holds the receivers for cross-node');
console.log('"crossing adds" = median over the repetitions of (cross-node − same-node) on the same cluster\n');
const rows = [
  '| cluster | scenario | runs | deliveries/s | nodes\' cores busy | CPU nodes | node 1 | node 2 | Redis | nodes + Redis | p50 ms | p99 ms | failures |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
];
for (const [key, t] of table) {
  for (const s of [...SCENARIOS, 'added']) {
    const m = t[s];
    const name = s === 'added' ? 'crossing adds' : s;
    rows.push(`| ${label(key)} | ${name} | ${t.runs} | ${fmt(m.ops, 0)} | ${fmt(m.busy)} | `
      + `${fmt(m.nodes)} | ${fmt(m.node1)} | ${fmt(m.node2)} | ${fmt(m.redis)} | ${fmt(m.total)} | ${fmt(m.p50)} | ${fmt(m.p99)} | `
      + `${s === 'added' ? '' : t.failures} |`);
  }
}
console.log(rows.join('\n'));

const ref = [...table.keys()].find((k) => k.startsWith('reference@'));
const ours = [...table.keys()].filter((k) => k.startsWith('ours@'));
if (ref && ours.length) {
  const COMPARED = [
    ['same-node: CPU µs per delivery, nodes', 'same-node', 'nodes'],
    ['cross-node: CPU µs per delivery, nodes', 'cross-node', 'nodes'],
    ['cross-node: CPU µs per delivery, Redis', 'cross-node', 'redis'],
    ['cross-node: CPU µs per delivery, nodes + Redis', 'cross-node', 'total'],
    ['crossing adds: CPU µs per delivery, nodes', 'added', 'nodes'],
    ['crossing adds: CPU µs per delivery, nodes + Redis', 'added', 'total'],
    ['same-node: p50 / p99 ms', 'same-node', ['p50', 'p99']],
    ['cross-node: p50 / p99 ms', 'cross-node', ['p50', 'p99']],
    ['crossing adds: p50 / p99 ms', 'added', ['p50', 'p99']],
  ];
  const head = ['figure (medians)', label(ref), ...ours.map(label), ...ours.map((k) => `ours/ref ${k.split('@')[1]}`)];
  const cmp = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const [name, s, field] of COMPARED) {
    const fieldsOf = Array.isArray(field) ? field : [field];
    const cell = (k) => fieldsOf.map((f) => fmt(table.get(k)[s][f])).join(' / ');
    const ratios = (k) => fieldsOf.map((f) => ratio(table.get(k)[s][f], table.get(ref)[s][f])).join(' / ');
    cmp.push(`| ${name} | ${cell(ref)} | ${ours.map(cell).join(' | ')} | ${ours.map(ratios).join(' | ')} |`);
  }
  console.log('\nours against the reference (ratios below 1 are better for ours; – where the reference figure is not positive)');
  console.log(cmp.join('\n'));
}

if (problems.length) {
  console.log(`\nFAILED:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
