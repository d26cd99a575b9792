// Clients of a two-node cluster started by server-config/cluster.sh (see ClusterIT), shared by the cluster suites.
import http from 'node:http';
import { execFile } from 'node:child_process';
import { io } from 'socket.io-client';
import { nextEvent, nextEventWhere } from '../sio-helpers.mjs';

export const NODES = ['http://127.0.0.1:3001', 'http://127.0.0.1:3002'];
export const BALANCER = 'http://127.0.0.1:3000';
const opened = [];

/** A client of /interop at `url`, connecting from `localAddress` (the balancer hashes on it). */
export function client(url, transports, { localAddress = '127.0.0.1', ...options } = {}) {
  const s = io(`${url}/interop`, {
    transports,
    upgrade: transports.length > 1,
    reconnection: false,
    localAddress, // the WebSocket's source address
    agent: new http.Agent({ localAddress }), // the polling requests'
    forceNew: true,
    ...options,
  });
  opened.push(s);
  return s;
}

export function closeAll() {
  while (opened.length) opened.pop().close();
}

/** The arguments of the next `event` on `s` (rejects after `ms`). */
export const next = (s, event, ms = 10000) => nextEvent(s, event, ms);

/** Resolves once the fixture greeted the socket (it does so on every connection). */
export async function connected(s) {
  await next(s, 'auth');
  return s;
}

export const ack = (s, event, ...args) => s.timeout(10000).emitWithAck(event, ...args);

/** Runs `server-config/cluster.sh <args>` with this suite's SERVER, ADAPTER, FIXTURE and REDIS_PORT (from ClusterIT). */
export function cluster(...args) {
  return new Promise((resolve, reject) => {
    execFile('bash', [process.env.CLUSTER_SCRIPT, ...args], { timeout: 240000 }, (error, stdout, stderr) => {
      process.stdout.write(stderr);
      if (error) reject(new Error(`cluster.sh ${args.join(' ')} failed: ${error.message}`)); else resolve();
    });
  });
}

/** Resolves with the first `event` whose first argument satisfies `accept`. */
export async function first(s, event, accept, ms = 20000) {
  const [value] = await nextEventWhere(s, event, (v) => accept(v), ms);
  return value;
}

/** The ids of the sockets connected to node `n` (0 or 1), asked through a client of that node. */
export async function socketsOfNode(n) {
  const probe = await connected(client(NODES[n], ['websocket']));
  const all = await ack(probe, 'fetch-sockets', {});
  probe.close();
  return new Set(all.filter((s) => s.local && s.id !== probe.id).map((s) => s.id));
}
