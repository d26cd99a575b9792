#!/usr/bin/env node
// Heartbeat precision: how far from pingInterval the server's pings arrive, over many idle WebSocket sessions.
//
//   node heartbeat.mjs --url http://127.0.0.1:3000/engine.io/ [--clients 200] [--duration 20]
//
// Each client opens an Engine.IO v4 WebSocket session, answers every ping at once and records when pings arrive.
// The server arms the next ping when the pong comes back, so an interval is pingInterval plus one loopback round
// trip plus the server's timer lateness. Prints one JSON line: the intervals' lateness (interval - pingInterval) in
// ms at p50 / p99 / max, and sessions lost. A measurement, not a test: nothing is asserted.
import WebSocket from 'ws';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => {
  if (a.startsWith('--')) pairs.push([a.slice(2), all[i + 1]]);
  return pairs;
}, []));
const url = new URL(args.url ?? 'http://127.0.0.1:3000/engine.io/');
const clients = Number(args.clients ?? 200);
const durationMs = Number(args.duration ?? 20) * 1000;
url.protocol = url.protocol.replace('http', 'ws');
url.searchParams.set('EIO', '4');
url.searchParams.set('transport', 'websocket');

const lateness = [];
let lost = 0;
let opened = 0;
let pingInterval = 0;
let measuring = true;

function open() {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    let last = 0;
    ws.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('0')) {
        pingInterval = JSON.parse(text.slice(1)).pingInterval;
        opened++;
        resolve(ws);
      } else if (text === '2') {
        const now = performance.now();
        if (last && measuring) lateness.push(now - last - pingInterval);
        last = now;
        ws.send('3');
      }
    });
    ws.on('close', () => { if (measuring) lost++; resolve(ws); });
    ws.on('error', () => { lost++; resolve(ws); });
  });
}

const sockets = [];
for (let i = 0; i < clients; i += 20) {
  sockets.push(...await Promise.all(Array.from({ length: Math.min(20, clients - i) }, open)));
}
await new Promise((r) => setTimeout(r, durationMs));
measuring = false;
for (const ws of sockets) ws.terminate();

lateness.sort((a, b) => a - b);
const at = (q) => (lateness.length ? lateness[Math.min(lateness.length - 1, Math.floor(q * lateness.length))] : NaN);
const round = (x) => Math.round(x * 10) / 10;
console.log(JSON.stringify({
  scenario: 'heartbeat', url: args.url, clients, opened, pingInterval, intervals: lateness.length,
  late_ms_p50: round(at(0.5)), late_ms_p99: round(at(0.99)), late_ms_max: round(at(1)), lost,
}));
