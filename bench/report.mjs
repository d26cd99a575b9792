#!/usr/bin/env node
// Prints the table of a run: medians over repetitions per scenario and target, and the ratios ours/reference and
// ours/raw (below 1 is better for ours on costs and latencies). Usage: node report.mjs results/<file>.jsonl
import fs from 'node:fs';

const file = process.argv[2];
if (!file) { console.error('usage: node report.mjs RESULTS.jsonl'); process.exit(2); }
const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));

const median = (xs) => {
  const a = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((p, q) => p - q);
  if (!a.length) return null;
  const m = a.length >> 1;
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
};
const fmt = (x, digits = 1) => (x == null ? '–' : Math.abs(x) >= 1000 ? String(Math.round(x)) : x.toFixed(digits));
const ratio = (a, b) => (a == null || b == null || b === 0 ? '–' : (a / b).toFixed(2));

const groups = new Map(); // scenario -> target -> [lines]
for (const l of lines) {
  if (!groups.has(l.scenario)) groups.set(l.scenario, new Map());
  const byTarget = groups.get(l.scenario);
  if (!byTarget.has(l.target)) byTarget.set(l.target, []);
  byTarget.get(l.target).push(l);
}

// per scenario: the cost figure compared across targets
const COST = (l) => (l.scenario === 'memory' ? l.heap_used_per_conn_bytes : l.cpu_us_per_op);
const rows = [];
rows.push('| scenario | target | runs | ops/s | server cores busy | server CPU µs/op | each run | kernel share | p50 ms | p90 ms | p99 ms | failures | heap B/conn | heap growth held | cost ours/ref | cost ours/raw | p99 ours/ref | p99 ours/raw |');
rows.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const [scenario, byTarget] of groups) {
  const med = {};
  for (const [target, ls] of byTarget) {
    med[target] = {
      runs: ls.length,
      ops: median(ls.map((l) => l.ops_per_s)),
      busy: median(ls.map((l) => l.server_cores_busy)),
      cpu: median(ls.map((l) => l.cpu_us_per_op)),
      p50: median(ls.map((l) => l.p50_ms)), p90: median(ls.map((l) => l.p90_ms)), p99: median(ls.map((l) => l.p99_ms)),
      failures: ls.reduce((n, l) => n + (l.failures || 0), 0),
      heap: median(ls.map((l) => l.heap_used_per_conn_bytes)),
      growth: median(ls.map((l) => l.heap_growth_while_held_bytes)),
      cost: median(ls.map(COST)),
      each: ls.map(COST).filter((v) => v != null).map((v) => fmt(v, v >= 100 ? 0 : 1)).join(' / '),
      sys: median(ls.map((l) => l.server_sys_share)),
      errors: ls.filter((l) => l.error).map((l) => l.error),
    };
  }
  for (const target of ['ours', 'raw', 'reference', ...[...byTarget.keys()].filter((t) => !['ours', 'raw', 'reference'].includes(t))]) {
    const m = med[target];
    if (!m) continue;
    const ours = med.ours;
    const isOurs = target === 'ours';
    rows.push(`| ${scenario} | ${target} | ${m.runs} | ${fmt(m.ops, 0)} | ${fmt(m.busy, 2)} | ${fmt(m.cpu, 2)} | ${m.each} | ${fmt(m.sys, 2)} | ${fmt(m.p50, 2)} | ${fmt(m.p90, 2)} | ${fmt(m.p99, 2)} | ${m.failures}${m.errors.length ? ' (' + m.errors.join('; ') + ')' : ''} | ${fmt(m.heap, 0)} | ${fmt(m.growth, 0)} | `
      + `${isOurs ? ratio(ours.cost, med.reference?.cost) : ''} | ${isOurs ? ratio(ours.cost, med.raw?.cost) : ''} | `
      + `${isOurs ? ratio(ours.p99, med.reference?.p99) : ''} | ${isOurs ? ratio(ours.p99, med.raw?.p99) : ''} |`);
  }
}
console.log(`results: ${file}`);
console.log('cost = server CPU µs per message / delivery / connection; for memory, heap bytes per idle connection (after a full GC)');
console.log(rows.join('\n'));
