#!/usr/bin/env node
// The reference server for the benchmark: the npm socket.io package (pinned in package.json) with default options,
// implementing the same contract as Tidewire's bench fixture (BenchNamespaces) on namespace /:
//   echo (payload, ack)        acks the payload
//   join (room, ack)           joins the room, then acks true
//   broadcast ({room, payload}) emits `bcast` with the payload to every socket in the room
// Usage: node --expose-gc reference-server.mjs [port] [--redis redis://HOST:PORT]
//   port: default 3000 (or PORT); listens on 127.0.0.1. Prints its PID once listening.
//   --redis URL: a cluster node, with @socket.io/redis-adapter (classic pub/sub, default options) on that Redis, for
//   the cluster bench (cluster-bench.sh); without it, the default in-memory adapter. (An argument, not an environment
//   variable, so that a REDIS_URL set for something else never turns run-all.sh's single reference into a node.)
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

const args = process.argv.slice(2);
const redisFlag = args.indexOf('--redis');
const redisUrl = redisFlag >= 0 ? args.splice(redisFlag, 2)[1] : undefined;
if (redisFlag >= 0 && !redisUrl) throw new Error('--redis needs a URL, e.g. redis://127.0.0.1:6379');
const port = Number(args[0] || process.env.PORT || 3000);
// GET /bench/heap: forces a GC (node --expose-gc) and answers process.memoryUsage(), so that the harness can
// measure heap used per connection as it does for the JVM with jcmd. Every other request: 404 (socket.io answers
// its own path before this handler sees it).
const httpServer = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/bench/heap') {
    if (typeof globalThis.gc === 'function') { globalThis.gc(); globalThis.gc(); }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ gc: typeof globalThis.gc === 'function', ...process.memoryUsage() }));
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(httpServer);
if (redisUrl) {
  const pubClient = createClient({ url: redisUrl });
  const subClient = pubClient.duplicate();
  for (const c of [pubClient, subClient]) c.on('error', (e) => console.error('redis:', e.message));
  await Promise.all([pubClient.connect(), subClient.connect()]);
  io.adapter(createAdapter(pubClient, subClient));
}

io.on('connection', (socket) => {
  socket.on('echo', (payload, ack) => { if (typeof ack === 'function') ack(payload); });
  socket.on('join', (room, ack) => {
    socket.join(String(room));
    if (typeof ack === 'function') ack(true);
  });
  socket.on('broadcast', (msg) => {
    if (!msg || typeof msg !== 'object') return;
    io.to(String(msg.room)).emit('bcast', msg.payload);
  });
});

httpServer.listen(port, '127.0.0.1', () => {
  console.error(`reference socket.io server listening on http://127.0.0.1:${port}/${redisUrl ? ` (Redis adapter on ${redisUrl})` : ''}`);
  console.log(process.pid);
});

const stop = () => { io.close(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
