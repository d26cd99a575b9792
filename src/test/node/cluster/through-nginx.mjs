// Two Tidewire nodes on Redis behind nginx (server-config/cluster.sh with FIXTURE=conformance, run by ClusterIT),
// with the official socket.io-client: a room broadcast from a client of one node reaches a client of the other, and
// clients over WebSocket, polling and upgrade work through the balancer. Not a *.test.mjs file: the interop suite,
// which runs against one server, must not pick it up.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { io } from 'socket.io-client';

const T = { timeout: 30000 };
const NODES = ['http://127.0.0.1:3001', 'http://127.0.0.1:3002'];
const BALANCER = 'http://127.0.0.1:3000';
const opened = [];

/** A client of /interop at `url`, connecting from `localAddress` (the balancer hashes on it). */
function client(url, transports, localAddress = '127.0.0.1') {
  const s = io(`${url}/interop`, {
    transports,
    upgrade: transports.length > 1,
    reconnection: false,
    localAddress, // the WebSocket's source address
    agent: new http.Agent({ localAddress }), // the polling requests'
    forceNew: true,
  });
  opened.push(s);
  return s;
}

function next(s, event, ms = 10000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms`)), ms);
    s.once(event, (...args) => { clearTimeout(timer); resolve(args); });
  });
}

async function connected(s) {
  const auth = next(s, 'auth'); // the fixture greets every socket
  await auth;
  return s;
}

const ack = (s, event, ...args) => s.timeout(10000).emitWithAck(event, ...args);

describe('two nodes on Redis behind nginx', () => {
  afterEach(() => { while (opened.length) opened.pop().close(); });

  test('a room broadcast from a client of one node reaches a client of the other', T, async () => {
    const onFirst = await connected(client(NODES[0], ['websocket']));
    const onSecond = await connected(client(NODES[1], ['polling']));
    await ack(onSecond, 'join', 'across');
    const got = next(onSecond, 'news');
    assert.equal(await ack(onFirst, 'broadcast-to', { to: ['across'], event: 'news', args: ['from the first node'] }), 'sent');
    assert.deepEqual(await got, ['from the first node']);
  });

  for (const transports of [['websocket'], ['polling'], ['polling', 'websocket']]) {
    test(`clients over ${transports.join(' then ')} work through the balancer on either node`, T, async () => {
      // from several source addresses, so that the hash spreads the clients over both nodes
      const clients = [];
      for (let i = 2; i < 8; i++) clients.push(await connected(client(BALANCER, transports, `127.0.${i}.${i * 3}`)));
      if (transports.length > 1) {
        for (const s of clients) {
          if (s.io.engine.transport.name !== 'websocket') await next(s.io.engine, 'upgrade');
        }
      }
      const all = clients.map((s) => next(s, 'news'));
      assert.equal(await ack(clients[0], 'broadcast-all', 'to everyone'), 'sent');
      for (const got of await Promise.all(all)) assert.deepEqual(got, ['to everyone']);
    });
  }
});
