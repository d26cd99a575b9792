#!/usr/bin/env node
// Prints the table of a run: medians over repetitions per scenario, target and server, and the ratios ours/reference
// and ours/raw on the same server (below 1 is better for ours on costs and latencies), then the cost of every
// target side by side, with ours/raw-upgrade (the Servlet-upgrade floor under Tidewire's framing) where it ran. Usage: node report.mjs results/<file>.jsonl
// Lines without a "server" field (runs before SERVERS existed) count as WildFly (ours, raw) and node (reference).
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

const serverOf = (l) => l.server || (l.target === 'reference' ? 'node' : 'wildfly');
const SERVER_ORDER = ['wildfly', 'payara'];
const servers = [...new Set(lines.filter((l) => l.target !== 'reference').map(serverOf))]
  .sort((a, b) => (SERVER_ORDER.indexOf(a) + 1 || 99) - (SERVER_ORDER.indexOf(b) + 1 || 99));
// a row key: "reference", or "ours@wildfly", "raw@payara", ...
const keyOf = (l) => (l.target === 'reference' ? 'reference' : `${l.target}@${serverOf(l)}`);
const label = (key) => key.replace('@', ' on ');
// ours, and ours with an option the run compares (ours-servlet: undertowFastPath off; ours-fast, in runs made while
// it was off by default: on), where they ran
const variants = ['ours', ...['ours-servlet', 'ours-fast'].filter((v) => lines.some((l) => l.target === v))];
const OURS = /^ours(-servlet|-fast)?@/;
const rowOrder = ['reference', ...servers.flatMap((s) => [...variants.map((v) => `${v}@${s}`), `raw@${s}`, `raw-upgrade@${s}`])];
const upgradeFloor = lines.some((l) => l.target === 'raw-upgrade');

const groups = new Map(); // scenario -> key -> [lines]
for (const l of lines) {
  if (l.scenario === 'watchdog') continue;
  if (!groups.has(l.scenario)) groups.set(l.scenario, new Map());
  const byKey = groups.get(l.scenario);
  if (!byKey.has(keyOf(l))) byKey.set(keyOf(l), []);
  byKey.get(keyOf(l)).push(l);
}
const watchdogs = lines.filter((l) => l.scenario === 'watchdog');

// per scenario: the cost figure compared across targets
const COST = (l) => (l.scenario === 'memory' ? l.heap_used_per_conn_bytes : l.cpu_us_per_op);
const rows = [];
rows.push('| scenario | target | runs | ops/s | server cores busy | server CPU µs/op | each run | kernel share | JIT share | p50 ms | p90 ms | p99 ms | failures | heap B/conn | heap growth held | cost ours/ref | cost ours/raw | p99 ours/ref | p99 ours/raw |');
rows.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
const summary = []; // scenario -> medians per key
for (const [scenario, byKey] of groups) {
  const med = {};
  for (const [key, ls] of byKey) {
    med[key] = {
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
      jit: median(ls.map((l) => l.server_jit_share)),
      errors: ls.filter((l) => l.error).map((l) => l.error),
      incomplete: ls.reduce((n, l) => n + (l.incomplete_broadcasts || 0), 0),
    };
  }
  summary.push([scenario, med]);
  for (const key of [...rowOrder, ...[...byKey.keys()].filter((k) => !rowOrder.includes(k))]) {
    const m = med[key];
    if (!m) continue;
    const isOurs = OURS.test(key);
    const ours = m;
    const raw = med[key.replace(OURS, 'raw@')];
    rows.push(`| ${scenario} | ${label(key)} | ${m.runs} | ${fmt(m.ops, 0)} | ${fmt(m.busy, 2)} | ${fmt(m.cpu, 2)} | ${m.each} | ${fmt(m.sys, 2)} | ${fmt(m.jit, 2)} | ${fmt(m.p50, 2)} | ${fmt(m.p90, 2)} | ${fmt(m.p99, 2)} | ${m.failures}${m.errors.length ? ' (' + m.errors.join('; ') + ')' : ''} | ${fmt(m.heap, 0)} | ${fmt(m.growth, 0)} | `
      + `${isOurs ? ratio(ours.cost, med.reference?.cost) : ''} | ${isOurs ? ratio(ours.cost, raw?.cost) : ''} | `
      + `${isOurs ? ratio(ours.p99, med.reference?.p99) : ''} | ${isOurs ? ratio(ours.p99, raw?.p99) : ''} |`);
  }
}
console.log(`results: ${file}`);
console.log('cost = server CPU µs per message / delivery / connection; for memory, heap bytes per idle connection (after a full GC)');
console.log(rows.join('\n'));

// side by side: the median cost of each target, and ours/reference, ours/raw per server
const cell = (m) => (m ? `${fmt(m.cost, m.cost >= 100 ? 0 : 1)}${m.failures ? ` (${m.failures} failures)` : ''}` : '–');
const floors = upgradeFloor ? ['raw', 'raw-upgrade'] : ['raw'];
const head = ['scenario', 'reference',
  ...servers.flatMap((s) => [...variants.map((v) => `${v} on ${s}`), ...floors.map((f) => `${f} on ${s}`)]),
  ...servers.flatMap((s) => variants.flatMap((v) => [`${v}/ref ${s}`, ...floors.map((f) => `${v}/${f} ${s}`)]))];
const side = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
for (const [scenario, med] of summary) {
  const costs = servers.map((s) => [...variants.map((v) => cell(med[`${v}@${s}`])),
    ...floors.map((f) => cell(med[`${f}@${s}`]))].join(' | '));
  const ratios = servers.map((s) => variants.flatMap((v) => [ratio(med[`${v}@${s}`]?.cost, med.reference?.cost),
    ...floors.map((f) => ratio(med[`${v}@${s}`]?.cost, med[`${f}@${s}`]?.cost))]).join(' | '));
  side.push(`| ${scenario} | ${cell(med.reference)} | ${costs.join(' | ')} | ${ratios.join(' | ')} |`);
}
console.log('\ncost side by side (medians; failures summed over the runs)');
console.log(side.join('\n'));
for (const w of watchdogs) console.log(`watchdog: ${w.target}${w.server ? ' on ' + w.server : ''}, rep ${w.rep}: ${w.error}`);
