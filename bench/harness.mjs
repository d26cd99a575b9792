#!/usr/bin/env node
// Load harness for Tidewire, the raw floors (JSR-356, and the Servlet upgrade with Tidewire framing) and the npm socket.io
// reference server.
//
//   node harness.mjs --target ours|raw|raw-upgrade|reference --url http://127.0.0.1:3400 --pid PID \
//        [--scenarios echo,binary,broadcast,storm-ws,storm-upgrade,memory] [--duration 10] [--warmup 0] ...
//   node harness.mjs --target ours|reference --url http://127.0.0.1:3601 --url2 http://127.0.0.1:3602 \
//        --pid NODE1,NODE2 --redis-pid REDIS --scenarios same-node,cross-node ...      (a two-node cluster)
//
// Prints one JSON line per scenario on stdout (progress goes to stderr). Server CPU is utime+stime of the whole
// server process (all threads) from /proc/PID/stat over the measured window; with several PIDs (a cluster's nodes),
// their sum. Every phase is bounded in time, and a watchdog ends the process if anything hangs. Connections are
// spread over the loopback source addresses 127.0.0.2 .. 127.0.0.(1+sources) so that many thousands of them do not
// exhaust one address's ephemeral ports.
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import http from 'node:http';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

// ------------------------------------------------------------------------------------------------ options

const DEFAULTS = {
  target: 'ours',            // ours | raw | reference: which contract the URL speaks (raw = /raw/echo, /raw/broadcast)
  url: 'http://127.0.0.1:3000',
  url2: '',                  // cross-node: the second cluster node, where the receivers connect (senders: --url)
  pid: '0',                  // server process (CPU from /proc, heap via jcmd); 0 = no server-side figures; a
                             // comma-separated list sums the CPU of all (a cluster's nodes; heap and RSS: the first)
  'redis-pid': 0,            // same-node, cross-node: the Redis server, whose CPU is reported on its own; 0 = none
  scenarios: 'echo,binary,broadcast,storm-ws,storm-upgrade,memory',
  duration: 10,              // measured seconds per scenario (memory: seconds the connections are held)
  warmup: 0,                 // unmeasured seconds of the same load before the measured window
  clients: 100,              // echo: clients
  inflight: 10,              // echo: requests in flight per client
  'binary-clients': 20,      // binary echo: clients
  'binary-inflight': 2,      // binary echo: requests in flight per client
  'binary-size': 65536,      // binary echo: payload bytes
  receivers: 1000,           // broadcast: sockets in the room
  'bcast-inflight': 4,       // broadcast: broadcasts in flight (each sent by a different member); same-node and
                             // cross-node: sender sockets, one broadcast in flight each
  'storm-concurrency': 50,   // storm: connections being opened at once
  conns: 1000,               // memory: idle WebSocket connections held
  'connect-concurrency': 200,// connections opened at once while setting up a scenario
  sources: 16,               // loopback source addresses used (127.0.0.2 ...)
  'drain-timeout': 15,       // seconds to wait for replies still in flight after the window
  'ack-timeout': 10,         // seconds: a connect that takes longer is a failure
  'heap-samples': 3,         // memory: heap-after-GC samples while holding (flat-heap check)
};

function parseArgs(argv) {
  const o = { ...DEFAULTS };
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('usage: node harness.mjs [--option value]...  (one JSON line per scenario on stdout)\noptions and defaults:');
    for (const [k, v] of Object.entries(DEFAULTS)) console.log(`  --${k} ${v}`);
    console.log('scenarios: echo, binary, broadcast, storm-ws, storm-upgrade, memory (raw: all but binary);');
    console.log('  same-node, cross-node (a cluster: --url2, --pid NODE1,NODE2, --redis-pid; not for raw)');
    process.exit(0);
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const eq = a.indexOf('=');
    const key = eq > 0 ? a.slice(2, eq) : a.slice(2);
    const val = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (!(key in DEFAULTS)) throw new Error(`unknown option --${key}`);
    if (val === undefined) throw new Error(`--${key} needs a value`);
    o[key] = typeof DEFAULTS[key] === 'number' ? Number(val) : val;
    if (Number.isNaN(o[key])) throw new Error(`--${key} must be a number`);
  }
  if (!['ours', 'raw', 'raw-upgrade', 'reference'].includes(o.target)) throw new Error(`--target must be ours, raw, raw-upgrade or reference`);
  o.pids = String(o.pid).split(',').map((p) => Number(p.trim()));
  if (o.pids.some((p) => !Number.isInteger(p) || p < 0)) throw new Error('--pid must be a PID or a comma-separated list');
  o.pids = o.pids.filter((p) => p > 0);
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const log = (...a) => console.error(`[harness ${opts.target}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ALL_SCENARIOS = ['echo', 'binary', 'broadcast', 'storm-ws', 'storm-upgrade', 'memory', 'same-node', 'cross-node'];
// The raw floor has no Socket.IO: no binary acks. Its storm-upgrade makes the official client's four HTTP requests
// (GET, POST, GET, GET) to a servlet that answers each at once, then a WebSocket: the container's cost of the same
// round trips, without Engine.IO's sessions and long polls.
const RAW_SCENARIOS = new Set(['echo', 'broadcast', 'storm-ws', 'storm-upgrade', 'memory']);
// raw: the container's JSR-356 endpoints; raw-upgrade: the Servlet upgrade with Tidewire's framing, no Socket.IO
const RAW_PREFIX = { raw: '/raw', 'raw-upgrade': '/raw-upgrade' }[opts.target];

// ------------------------------------------------------------------------------------------------ server figures

const CLK_TCK = (() => {
  try { return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100; } catch { return 100; }
})();

/** utime+stime of every thread of the process, in ms; null without a pid. */
function serverCpuMs() {
  const t = serverCpuTimes();
  return t && t.user + t.sys;
}

/** user and kernel CPU time of every thread of the server process(es), summed, in ms; null without a pid. */
function serverCpuTimes() {
  if (!opts.pids.length) return null;
  const all = opts.pids.map(processCpuTimes);
  return { user: all.reduce((n, t) => n + t.user, 0), sys: all.reduce((n, t) => n + t.sys, 0) };
}

/** user and kernel CPU time of every thread of one process, in ms. */
function processCpuTimes(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
  return { user: (Number(f[11]) * 1000) / CLK_TCK, sys: (Number(f[12]) * 1000) / CLK_TCK }; // fields 14, 15
}

/**
 * CPU ms of each JIT compiler thread (HotSpot's "C1/C2 CompilerThreadN") of the server process(es), by thread; null
 * when there are none (the Node reference). A figure taken while these are busy is one of warm-up, not of the
 * steady state.
 */
function jitCpuMs() {
  if (!opts.pids.length) return null;
  const byThread = new Map();
  for (const pid of opts.pids) {
    let tids = [];
    try { tids = fs.readdirSync(`/proc/${pid}/task`); } catch { continue; }
    for (const tid of tids) {
      try {
        if (!/^C[12] CompilerThre/.test(fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8'))) continue;
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        byThread.set(`${pid}/${tid}`, ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK);
      } catch { /* the thread ended meanwhile */ }
    }
  }
  return byThread.size ? byThread : null;
}

/**
 * The compiler threads' CPU between two {@link jitCpuMs} readings. HotSpot starts and stops compiler threads as its
 * queue grows and shrinks: one that ended inside the window takes its time with it, so this is a lower bound.
 */
function jitDeltaMs(before, after) {
  if (before == null && after == null) return null;
  let ms = 0;
  for (const [thread, t] of after ?? new Map()) ms += t - (before?.get(thread) ?? 0);
  return ms;
}

/** CPU ms of each server process and of Redis (null without --redis-pid): the cluster scenarios' breakdown. */
function cpuBreakdown() {
  const ms = (pid) => { const t = processCpuTimes(pid); return t.user + t.sys; };
  return { perProcess: opts.pids.map(ms), redis: opts['redis-pid'] ? ms(opts['redis-pid']) : null };
}

function serverRssBytes() {
  if (!opts.pids.length) return null;
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${opts.pids[0]}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : null;
}


/**
 * Heap used after a forced full GC, in bytes: for the JVM, jcmd GC.run then GC.heap_info; for the Node reference,
 * its GET /bench/heap (global.gc() then process.memoryUsage().heapUsed; null unless it runs with --expose-gc).
 */
async function heapAfterGc() {
  if (opts.target === 'reference') {
    try {
      const res = await fetch(new URL('/bench/heap', opts.url), { signal: AbortSignal.timeout(30000) });
      const m = await res.json();
      return m.gc ? m.heapUsed : null;
    } catch { return null; }
  }
  if (!opts.pids.length) return null;
  try {
    execFileSync('jcmd', ['-h'], { stdio: 'ignore', timeout: 30000 });
  } catch (e) {
    if (e.code === 'ENOENT') { log('jcmd not found (a JDK tool): no heap figures'); return null; }
  }
  execFileSync('jcmd', [String(opts.pids[0]), 'GC.run'], { timeout: 60000, stdio: ['ignore', 'ignore', 'pipe'] });
  const info = execFileSync('jcmd', [String(opts.pids[0]), 'GC.heap_info'], { timeout: 60000 }).toString();
  const m = /heap\s+total\s+\d+K,\s+used\s+(\d+)K/.exec(info);
  if (!m) throw new Error(`cannot read heap used from jcmd GC.heap_info:\n${info}`);
  return Number(m[1]) * 1024;
}

// ------------------------------------------------------------------------------------------------ connections

const base = new URL(opts.url);
const spread = base.hostname === '127.0.0.1' || base.hostname === 'localhost';
const agents = [];
const sourceCounts = new Map();
function sourceAddress(i) {
  if (!spread) return undefined;
  return `127.0.0.${2 + (i % Math.max(1, Math.min(opts.sources, 250)))}`;
}
function agentFor(i) {
  const n = spread ? i % Math.max(1, Math.min(opts.sources, 250)) : 0;
  if (!agents[n]) agents[n] = new http.Agent({ keepAlive: true, localAddress: sourceAddress(i) });
  return agents[n];
}
let connSeq = 0;

/** A Socket.IO client connected to namespace / (resolves on 'connect'; with polling first, also waits for the upgrade). */
function sioConnect({ transports = ['websocket'], waitUpgrade = false, url = opts.url } = {}) {
  const i = connSeq++;
  return new Promise((resolve, reject) => {
    const s = io(url, {
      forceNew: true, reconnection: false, transports, upgrade: transports.length > 1,
      agent: agentFor(i), timeout: opts['ack-timeout'] * 1000,
    });
    const timer = setTimeout(() => fail(new Error('connect timeout')), opts['ack-timeout'] * 1000);
    function fail(e) { clearTimeout(timer); s.close(); reject(e); }
    function done() { clearTimeout(timer); resolve(s); }
    s.once('connect_error', fail);
    s.once('connect', () => {
      if (!waitUpgrade) return done();
      const engine = s.io.engine;
      if (engine.transport.name === 'websocket') return done();
      engine.once('upgrade', done);
      engine.once('upgradeError', fail);
    });
  });
}

/** One HTTP request on the raw floor, through the keep-alive agent a Socket.IO client of the same index would use. */
function rawRequest(i, method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: base.hostname, port: base.port, path, method, agent: agentFor(i),
      headers: body ? { 'content-type': 'text/plain;charset=UTF-8', 'content-length': Buffer.byteLength(body) } : {} },
    (res) => {
      res.resume();
      res.once('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${method} ${path}: ${res.statusCode}`))));
    });
    req.setTimeout(opts['ack-timeout'] * 1000, () => req.destroy(new Error('request timeout')));
    req.once('error', reject);
    req.end(body);
  });
}

/** The raw floor of a polling→upgrade connection: the official client's four HTTP requests, then a WebSocket. */
async function rawPollingThenUpgrade() {
  const i = connSeq++; // one source address for the four requests and the WebSocket, as one client has
  const poll = '/raw-upgrade/poll'; // a plain servlet for both raw floors; raw then upgrades to JSR-356
  await rawRequest(i, 'GET', poll);
  await rawRequest(i, 'POST', poll, '40');
  await rawRequest(i, 'GET', poll);
  await rawRequest(i, 'GET', poll);
  return rawConnect(`${RAW_PREFIX}/echo`, i);
}

/** A bare WebSocket on the raw floor (resolves on open); `i` picks its source address. */
function rawConnect(path, i = connSeq++) {
  const url = `${base.protocol === 'https:' ? 'wss' : 'ws'}://${base.host}${path}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { localAddress: sourceAddress(i), perMessageDeflate: false });
    const timer = setTimeout(() => { ws.terminate(); reject(new Error('connect timeout')); }, opts['ack-timeout'] * 1000);
    ws.once('open', () => { clearTimeout(timer); resolve(ws); });
    ws.once('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

/** Opens n connections, at most `concurrency` at once; returns the connected ones and the failure count. */
async function connectMany(n, connect, concurrency = opts['connect-concurrency']) {
  const conns = [];
  let failures = 0, next = 0;
  const lane = async () => {
    while (next < n) {
      next++;
      try { conns.push(await connect()); } catch (e) { failures++; if (failures <= 3) log('connect failed:', e.message); }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, lane));
  return { conns, failures };
}

function closeAll(conns) {
  for (const c of conns) {
    try { if (c instanceof WebSocket) c.terminate(); else c.disconnect(); } catch { /* closing anyway */ }
  }
}

// ------------------------------------------------------------------------------------------------ statistics

class Stats {
  constructor() { this.ops = 0; this.failures = 0; this.lat = []; }
  ok(ms) { this.ops++; this.lat.push(ms); }
}

function percentiles(lat) {
  if (lat.length === 0) return { p50_ms: null, p90_ms: null, p99_ms: null, max_ms: null };
  const a = Float64Array.from(lat).sort();
  const p = (q) => Math.round(a[Math.min(a.length - 1, Math.floor(q * a.length))] * 1000) / 1000;
  return { p50_ms: p(0.5), p90_ms: p(0.9), p99_ms: p(0.99), max_ms: Math.round(a[a.length - 1] * 1000) / 1000 };
}

/**
 * Runs a closed-loop load: `lanes` async loops, each repeating `op(stats)` (which resolves when one operation is
 * done) while the load runs. An optional warm-up of the same load comes first, unmeasured. The measured window reads
 * the server CPU at its start and end; operations still in flight at its end are drained (bounded) and those that
 * never finish count as failures.
 */
async function closedLoop(lanes, op) {
  let stats = new Stats();
  let running = true;
  let outstanding = 0;
  const loops = lanes.map((lane) => (async () => {
    while (running) {
      outstanding++;
      try { await op(lane, stats); } finally { outstanding--; }
    }
  })());
  if (opts.warmup > 0) {
    log(`warm-up ${opts.warmup}s`);
    await sleep(opts.warmup * 1000);
  }
  const warm = stats;
  stats = new Stats();
  const times0 = serverCpuTimes();
  const breakdown0 = cpuBreakdown();
  const jit0 = jitCpuMs();
  const t0 = performance.now();
  await sleep(opts.duration * 1000);
  const times1 = serverCpuTimes();
  const breakdown1 = cpuBreakdown();
  const jit1 = jitCpuMs();
  const cpu0 = times0 && times0.user + times0.sys;
  const cpu1 = times1 && times1.user + times1.sys;
  const sysMs = times0 && times1.sys - times0.sys;
  const elapsed = (performance.now() - t0) / 1000;
  const measured = stats;
  const drain = new Stats();
  stats = drain;
  running = false;
  await Promise.race([Promise.all(loops), sleep(opts['drain-timeout'] * 1000)]);
  return {
    measured, elapsed, cpuMs: cpu0 == null ? null : cpu1 - cpu0, sysMs,
    jitMs: jitDeltaMs(jit0, jit1),
    processCpuMs: breakdown1.perProcess.map((ms, i) => ms - breakdown0.perProcess[i]),
    redisCpuMs: breakdown0.redis == null ? null : breakdown1.redis - breakdown0.redis,
    failures: measured.failures + drain.failures + outstanding, warmupFailures: warm.failures, stuck: outstanding,
  };
}

function result(scenario, unit, r, extra = {}) {
  const ops = r.measured.ops;
  return {
    scenario, target: opts.target, unit, [unit]: ops,
    ops_per_s: Math.round(ops / r.elapsed),
    duration_s: Math.round(r.elapsed * 10) / 10,
    server_cpu_ms: r.cpuMs == null ? null : Math.round(r.cpuMs),
    cpu_us_per_op: r.cpuMs == null || ops === 0 ? null : Math.round((r.cpuMs * 1000 / ops) * 100) / 100,
    // server CPU time / wall time: near 1 (one pinned core) means the server is the bottleneck; well below, the harness
    server_cores_busy: r.cpuMs == null ? null : Math.round((r.cpuMs / (r.elapsed * 1000)) * 100) / 100,
    // the kernel's share of that CPU (system calls, loopback TCP): a floor no user-space change removes
    server_sys_share: r.cpuMs == null || r.sysMs == null || r.cpuMs === 0 ? null : Math.round((r.sysMs / r.cpuMs) * 100) / 100,
    // the JIT compiler's share of it: well above 0, the server was still warming up (JVM targets only)
    server_jit_share: r.cpuMs == null || r.jitMs == null || r.cpuMs === 0 ? null : Math.round((r.jitMs / r.cpuMs) * 100) / 100,
    ...percentiles(r.measured.lat),
    failures: r.failures,
    warmup_s: opts.warmup, warmup_failures: r.warmupFailures,
    ...extra,
  };
}

// ------------------------------------------------------------------------------------------------ scenarios

/** Echo: clients × in-flight request/reply loops; small JSON (or, for `binary`, a binary payload). */
async function echo(binary) {
  const nClients = binary ? opts['binary-clients'] : opts.clients;
  const inflight = binary ? opts['binary-inflight'] : opts.inflight;
  const size = opts['binary-size'];
  const blob = binary ? Buffer.alloc(size, 0x5a) : null;
  const raw = RAW_PREFIX !== undefined;
  const { conns, failures: connectFailures } = await connectMany(nClients, raw ? () => rawConnect(`${RAW_PREFIX}/echo`) : () => sioConnect());
  log(`${binary ? 'binary' : 'echo'}: ${conns.length} clients connected (${connectFailures} failed), ${inflight} in flight each`);
  let seq = 0;
  let op;
  if (raw) {
    // replies matched by seq; the raw endpoint sends each text message back as it is
    for (const ws of conns) {
      ws.pending = new Map();
      ws.on('message', (data) => {
        const msg = JSON.parse(data.toString());
        const p = ws.pending.get(msg.seq);
        if (p) { ws.pending.delete(msg.seq); p(); }
      });
    }
    op = (ws, stats) => new Promise((resolve) => {
      const n = seq++;
      const t0 = performance.now();
      ws.pending.set(n, () => { stats.ok(performance.now() - t0); resolve(); });
      ws.send(JSON.stringify({ seq: n, text: 'hello', n: 42, flag: true }));
    });
  } else {
    op = (s, stats) => new Promise((resolve) => {
      const n = seq++;
      const t0 = performance.now();
      const payload = binary ? blob : { seq: n, text: 'hello', n: 42, flag: true };
      s.emit('echo', payload, (reply) => {
        const good = binary ? Buffer.isBuffer(reply) && reply.length === size : reply && reply.seq === n;
        if (good) stats.ok(performance.now() - t0); else stats.failures++;
        resolve();
      });
    });
  }
  let dropped = 0;
  for (const c of conns) (raw ? c.on('close', () => dropped++) : c.on('disconnect', () => dropped++));
  const lanes = conns.flatMap((c) => Array.from({ length: inflight }, () => c));
  const r = conns.length ? await closedLoop(lanes, op) : emptyRun();
  const disconnects = dropped;
  closeAll(conns);
  r.failures += connectFailures + disconnects;
  return result(binary ? 'binary' : 'echo', 'messages', r, {
    clients: nClients, inflight, payload_bytes: binary ? size : undefined, connect_failures: connectFailures,
    disconnects,
  });
}

function emptyRun() {
  return { measured: new Stats(), elapsed: 1, cpuMs: null, failures: 0, warmupFailures: 0, stuck: 0 };
}

/** Has every socket join room 'bench' (the contract's join, acknowledged); throws when a join is not acknowledged. */
async function joinBenchRoom(sockets) {
  const joins = await Promise.all(sockets.map((s) => new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), opts['ack-timeout'] * 1000);
    s.emit('join', 'bench', (ok) => { clearTimeout(t); resolve(ok === true); });
  })));
  const bad = joins.filter((j) => !j).length;
  if (bad) throw new Error(`${bad} joins not acknowledged`);
}

/**
 * The load of the room scenarios: each lane (a sender) sends a broadcast with `send(sender, payload)` and waits until
 * every receiver got it. Ops are deliveries; latency is per delivery (send to receipt); a broadcast still incomplete
 * at the end is reported, and a delivery of no open broadcast counts as unexpected.
 */
async function roomLoad(receivers, lanes, send, raw) {
  const open = new Map(); // id -> {t0, remaining, done, stats}
  let unexpected = 0;
  const onDelivery = (id) => {
    const b = open.get(id);
    if (!b) { unexpected++; return; }
    b.stats.ok(performance.now() - b.t0);
    if (--b.remaining === 0) { open.delete(id); b.done(); }
  };
  for (const c of receivers) {
    if (raw) c.on('message', (data) => onDelivery(JSON.parse(data.toString()).id));
    else c.on('bcast', (p) => onDelivery(p && p.id));
  }
  let nextId = 0;
  const completion = [];
  const op = (sender, stats) => new Promise((resolve) => {
    const id = nextId++;
    const t0 = performance.now();
    open.set(id, { t0, remaining: receivers.length, stats, done: () => { completion.push(performance.now() - t0); resolve(); } });
    send(sender, { id, text: 'hello room', n: 42 });
  });
  const r = receivers.length && lanes.length ? await closedLoop(lanes, op) : emptyRun();
  return { r, incomplete: open.size, unexpected, completion: percentiles(completion) };
}

/**
 * Broadcast: `receivers` sockets join one room; `bcast-inflight` loops each send a broadcast (from a different
 * member: the sender is in the room too, so every broadcast is due to every receiver) and wait until all receivers
 * got it. Ops are deliveries; latency is per delivery (send to receipt); an incomplete broadcast is a failure.
 */
async function broadcast() {
  const nRecv = opts.receivers;
  const raw = RAW_PREFIX !== undefined;
  const { conns, failures: connectFailures } = await connectMany(nRecv, raw ? () => rawConnect(`${RAW_PREFIX}/broadcast`) : () => sioConnect());
  if (!raw) await joinBenchRoom(conns);
  log(`broadcast: ${conns.length} receivers in the room (${connectFailures} failed), ${opts['bcast-inflight']} broadcasts in flight`);
  let dropped = 0;
  for (const c of conns) (raw ? c.on('close', () => dropped++) : c.on('disconnect', () => dropped++));
  const lanes = Array.from({ length: Math.min(opts['bcast-inflight'], conns.length) }, (_, i) => conns[(i * 7919) % conns.length]);
  const send = raw ? (ws, payload) => ws.send(JSON.stringify(payload)) : (s, payload) => s.emit('broadcast', { room: 'bench', payload });
  const { r, incomplete, unexpected, completion: c } = await roomLoad(conns, lanes, send, raw);
  const disconnects = dropped;
  closeAll(conns);
  r.failures += connectFailures + disconnects + unexpected;
  return result('broadcast', 'deliveries', r, {
    receivers: nRecv, bcast_inflight: lanes.length, incomplete_broadcasts: incomplete, unexpected_deliveries: unexpected,
    broadcast_complete_p50_ms: c.p50_ms, broadcast_complete_p99_ms: c.p99_ms, connect_failures: connectFailures,
    disconnects,
  });
}

/**
 * A broadcast in a two-node cluster: `receivers` sockets on one node join room 'bench', and `bcast-inflight`
 * senders on --url, outside the room, each send a broadcast and wait until every receiver got it. For cross-node
 * the receivers are on --url2, so that every delivery crosses the cluster adapter; for same-node they are on --url
 * with the senders. Same figures as broadcast (server CPU summed over --pid), and the CPU of each node and of Redis
 * apart: the cost and latency of crossing nodes are cross-node minus same-node, both run against the same cluster.
 */
async function clusterBroadcast(scenario) {
  if (!opts.url2) throw new Error(`${scenario} needs --url2 (the cluster's second node)`);
  const receiversUrl = scenario === 'cross-node' ? opts.url2 : opts.url;
  const nRecv = opts.receivers;
  const receiving = await connectMany(nRecv, () => sioConnect({ url: receiversUrl }));
  const sending = await connectMany(opts['bcast-inflight'], () => sioConnect());
  const all = [...receiving.conns, ...sending.conns];
  const connectFailures = receiving.failures + sending.failures;
  let r, incomplete, unexpected, c, disconnects;
  try {
    await joinBenchRoom(receiving.conns);
    log(`${scenario}: ${receiving.conns.length} receivers on ${receiversUrl}, ${sending.conns.length} senders on ${opts.url} (${connectFailures} failed)`);
    let dropped = 0;
    for (const s of all) s.on('disconnect', () => dropped++);
    ({ r, incomplete, unexpected, completion: c } = await roomLoad(receiving.conns, sending.conns,
      (s, payload) => s.emit('broadcast', { room: 'bench', payload }), false));
    disconnects = dropped;
  } finally {
    closeAll(all);
  }
  r.failures += connectFailures + disconnects + unexpected;
  const ops = r.measured.ops;
  const perOp = (ms) => (ms == null || ops === 0 ? null : Math.round((ms * 1000 / ops) * 100) / 100);
  return result(scenario, 'deliveries', r, {
    receivers: nRecv, senders: sending.conns.length, bcast_inflight: sending.conns.length,
    url: opts.url, receivers_url: receiversUrl,
    incomplete_broadcasts: incomplete, unexpected_deliveries: unexpected,
    broadcast_complete_p50_ms: c.p50_ms, broadcast_complete_p99_ms: c.p99_ms,
    // per process of --pid, in its order (node 1, node 2), then Redis
    process_cpu_ms: r.processCpuMs ? r.processCpuMs.map(Math.round) : null,
    process_cpu_us_per_op: r.processCpuMs ? r.processCpuMs.map(perOp) : null,
    redis_cpu_ms: r.redisCpuMs == null ? null : Math.round(r.redisCpuMs),
    redis_cpu_us_per_op: perOp(r.redisCpuMs),
    connect_failures: connectFailures, disconnects,
  });
}

/** Connection storm: `storm-concurrency` loops each open a connection (WebSocket only, or polling then upgrade), then close it. */
async function storm(upgrade) {
  const raw = RAW_PREFIX !== undefined;
  const name = upgrade ? 'storm-upgrade' : 'storm-ws';
  log(`${name}: ${opts['storm-concurrency']} connections being opened at once`);
  const op = async (_, stats) => {
    const t0 = performance.now();
    try {
      if (raw) {
        const ws = await (upgrade ? rawPollingThenUpgrade() : rawConnect(`${RAW_PREFIX}/echo`));
        stats.ok(performance.now() - t0);
        ws.close();
      } else {
        const s = await sioConnect(upgrade ? { transports: ['polling', 'websocket'], waitUpgrade: true } : {});
        stats.ok(performance.now() - t0);
        s.disconnect();
      }
    } catch (e) {
      if (stats.failures++ < 3) log('storm connect failed:', e.message);
    }
  };
  const r = await closedLoop(Array.from({ length: opts['storm-concurrency'] }, (_, i) => i), op);
  return result(name, 'connections', r, { concurrency: opts['storm-concurrency'] });
}

/**
 * Memory: heap used after a forced GC, before and after opening `conns` idle WebSocket connections, divided by the
 * connections (JVM targets); RSS per connection as well (the only figure for the Node reference). The connections
 * are then held for `duration` seconds while `heap-samples` more heap-after-GC samples are taken (a flat heap shows
 * as a growth near 0); a connection lost meanwhile is a failure.
 */
async function memory() {
  const raw = RAW_PREFIX !== undefined;
  await sleep(1000);
  const heap0 = await heapAfterGc();
  const rss0 = serverRssBytes();
  const cpu0 = serverCpuMs();
  const t0 = performance.now();
  const { conns, failures: connectFailures } = await connectMany(opts.conns, raw ? () => rawConnect(`${RAW_PREFIX}/echo`) : () => sioConnect());
  const connectS = (performance.now() - t0) / 1000;
  const cpu1 = serverCpuMs();
  log(`memory: ${conns.length} idle connections open in ${connectS.toFixed(1)}s (${connectFailures} failed)`);
  let dropped = 0;
  for (const c of conns) (raw ? c.on('close', () => dropped++) : c.on('disconnect', () => dropped++));
  await sleep(2000);
  const n = Math.max(1, conns.length);
  const heap1 = await heapAfterGc();
  const rss1 = serverRssBytes();
  const samples = [];
  const samplesN = Math.max(1, opts['heap-samples']);
  const holdStart = performance.now();
  for (let k = 1; k <= samplesN; k++) {
    const due = holdStart + (opts.duration * 1000 * k) / samplesN;
    await sleep(Math.max(0, due - performance.now()));
    samples.push({ heap: await heapAfterGc(), rss: serverRssBytes() });
  }
  const alive = raw ? conns.filter((c) => c.readyState === WebSocket.OPEN).length : conns.filter((c) => c.connected).length;
  const disconnects = dropped;
  closeAll(conns);
  const heaps = samples.map((x) => x.heap);
  const rsss = samples.map((x) => x.rss);
  const last = (a) => (a.length ? a[a.length - 1] : null);
  const diff = (a, b) => (a == null || b == null ? null : a - b);
  return {
    scenario: 'memory', target: opts.target, unit: 'connections', connections: conns.length,
    connect_s: Math.round(connectS * 10) / 10,
    server_cpu_ms: cpu0 == null ? null : Math.round(cpu1 - cpu0),
    cpu_us_per_op: cpu0 == null || !conns.length ? null : Math.round(((cpu1 - cpu0) * 1000 / conns.length) * 100) / 100,
    heap_before_bytes: heap0, heap_after_bytes: heap1,
    heap_used_per_conn_bytes: heap0 == null || heap1 == null ? null : Math.round((heap1 - heap0) / n),
    rss_per_conn_bytes: rss0 == null ? null : Math.round((rss1 - rss0) / n),
    hold_s: opts.duration, heap_samples_bytes: heaps, rss_samples_bytes: rsss,
    heap_growth_while_held_bytes: diff(last(heaps), heap1), rss_growth_while_held_bytes: diff(last(rsss), rss1),
    heap_growth_first_to_last_sample_bytes: diff(last(heaps), heaps[0]),
    sources: spread ? Math.min(opts.sources, 250) : 1,
    failures: connectFailures + Math.max(disconnects, conns.length - alive),
    connect_failures: connectFailures, disconnects,
  };
}

// ------------------------------------------------------------------------------------------------ main

const RUN = {
  echo: () => echo(false), binary: () => echo(true), broadcast, 'storm-ws': () => storm(false),
  'storm-upgrade': () => storm(true), memory,
  'same-node': () => clusterBroadcast('same-node'), 'cross-node': () => clusterBroadcast('cross-node'),
};

async function main() {
  const wanted = opts.scenarios.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of wanted) if (!ALL_SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s} (known: ${ALL_SCENARIOS.join(', ')})`);
  const setupBudget = 60 + Math.max(opts.conns, opts.receivers) / 50;
  const budget = wanted.length * (opts.warmup + opts.duration + opts['drain-timeout'] + setupBudget) + 30;
  setTimeout(() => {
    console.log(JSON.stringify({ scenario: 'watchdog', target: opts.target, failures: 1, error: `harness exceeded ${Math.round(budget)}s` }));
    process.exit(3);
  }, budget * 1000).unref();
  let failed = false;
  for (const s of wanted) {
    if (RAW_PREFIX !== undefined && !RAW_SCENARIOS.has(s)) { log(`${s}: not applicable to the raw floor, skipped`); continue; }
    let line;
    try {
      line = await RUN[s]();
    } catch (e) {
      line = { scenario: s, target: opts.target, failures: 1, error: String(e && e.message || e) };
    }
    if (line.failures > 0 || line.error) failed = true;
    console.log(JSON.stringify(line));
    await sleep(500); // let closes settle before the next scenario
  }
  for (const a of agents) a && a.destroy();
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
