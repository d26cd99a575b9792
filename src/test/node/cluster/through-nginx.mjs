// Two Tidewire nodes on Redis behind nginx (server-config/cluster.sh with FIXTURE=conformance, run by ClusterIT),
// with the official socket.io-client: a room broadcast from a client of one node reaches a client of the other, and
// clients over WebSocket, polling and upgrade work through the balancer. Not a *.test.mjs file: the interop suite,
// which runs against one server, must not pick it up.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { BALANCER, NODES, ack, client, closeAll, connected, next } from './cluster-clients.mjs';

const T = { timeout: 30000 };

describe('two nodes on Redis behind nginx', () => {
  afterEach(closeAll);

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
      for (let i = 2; i < 8; i++) clients.push(await connected(client(BALANCER, transports, { localAddress: `127.0.${i}.${i * 3}` })));
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
