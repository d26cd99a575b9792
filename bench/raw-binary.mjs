// The raw floor of the binary scenario: 64 KiB binary round trips over the bare JSR-356 echo endpoint (no
// Engine.IO/Socket.IO), 20 clients x 2 in flight, for comparison with the harness's `binary` scenario.
// usage: node raw-binary.mjs <ws-url> <server-pid> [seconds]
import WebSocket from 'ws';
import fs from 'node:fs';
import { execSync } from 'node:child_process';

const [url, pid, seconds = '10'] = process.argv.slice(2);
const tick = Number(execSync('getconf CLK_TCK'));
const cpuMs = () => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / tick;
};
const payload = Buffer.alloc(65536, 7);
let count = 0; let failures = 0; let measuring = false; let stop = false;
const sockets = await Promise.all(Array.from({ length: 20 }, () => new Promise((res, rej) => {
  const ws = new WebSocket(url); ws.on('open', () => res(ws)); ws.on('error', rej);
})));
for (const ws of sockets) {
  ws.on('message', (data, isBinary) => {
    if (!isBinary || data.length !== 65536) failures++;
    if (measuring) count++;
    if (!stop) ws.send(payload);
  });
  ws.send(payload); ws.send(payload);
}
await new Promise((r) => setTimeout(r, 5000)); // warm-up
measuring = true; const c0 = cpuMs(); const t0 = Date.now();
await new Promise((r) => setTimeout(r, Number(seconds) * 1000));
measuring = false; const c1 = cpuMs(); const t1 = Date.now(); stop = true;
console.log(JSON.stringify({ scenario: 'binary', target: 'raw', messages: count, ops_per_s: Math.round(count / ((t1 - t0) / 1000)),
  cpu_us_per_op: +(((c1 - c0) * 1000) / count).toFixed(2), failures }));
for (const ws of sockets) ws.close();
process.exit(0);
