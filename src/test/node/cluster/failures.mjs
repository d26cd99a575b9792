// A two-node cluster (server-config/cluster.sh with FIXTURE=conformance, run by ClusterIT, last: it kills and starts
// parts of the cluster) under failure, with the official socket.io-client: a node killed while its clients reconnect
// through the balancer, and started again; Redis restarted while a node broadcasts.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { BALANCER, NODES, ack, client, closeAll, cluster, connected, next } from './cluster-clients.mjs';

const RECONNECTING = { reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 1000, randomizationFactor: 0 };

/** Resolves with the first `event` whose first argument satisfies `accept`. */
function first(s, event, accept, ms = 20000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching "${event}" within ${ms} ms`)), ms);
    const listener = (value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      s.off(event, listener);
      resolve(value);
    };
    s.on(event, listener);
  });
}

/** The ids of the sockets connected to node `n` (0 or 1), asked through a client of that node. */
async function socketsOfNode(n) {
  const probe = await connected(client(NODES[n], ['websocket']));
  const all = await ack(probe, 'fetch-sockets', {});
  probe.close();
  return new Set(all.filter((s) => s.local && s.id !== probe.id).map((s) => s.id));
}

describe('a cluster under failure', () => {
  afterEach(closeAll);

  test('clients of a killed node reconnect to the other through the balancer; the node comes back', { timeout: 300000 }, async () => {
    const clients = [];
    for (let i = 2; i < 10; i++) {
      clients.push(await connected(client(BALANCER, ['websocket'], { localAddress: `127.0.${i}.${i * 3}`, ...RECONNECTING })));
    }
    const onFirst = await socketsOfNode(0);
    const doomed = clients.filter((s) => onFirst.has(s.id));
    assert.ok(doomed.length > 0 && doomed.length < clients.length, 'the balancer spreads the clients over both nodes');

    const back = doomed.map((s) => next(s, 'auth', 60000)); // the fixture greets each new connection
    await cluster('kill-node', '1');
    await Promise.all(back);
    const everyone = clients.map((s) => first(s, 'news', (v) => v === 'after the kill'));
    assert.equal(await ack(clients[0], 'broadcast-all', 'after the kill'), 'sent');
    await Promise.all(everyone);

    await cluster('start-node', '1');
    const fresh = await connected(client(NODES[0], ['websocket']));
    assert.equal(await ack(fresh, 'server-count'), 2);
    const all = clients.map((s) => first(s, 'news', (v) => v === 'from the restarted node'));
    assert.equal(await ack(fresh, 'broadcast-all', 'from the restarted node'), 'sent');
    await Promise.all(all);
  });

  test('Redis restarted while a node broadcasts: local delivery goes on, and the other node gets broadcasts again', { timeout: 120000 }, async () => {
    const sender = await connected(client(NODES[0], ['websocket']));
    const sameNode = await connected(client(NODES[0], ['polling']));
    const otherNode = await connected(client(NODES[1], ['websocket']));
    for (const s of [sender, sameNode, otherNode]) await ack(s, 'join', 'load');
    const local = [];
    sameNode.on('news', (i) => local.push(i));

    let sent = 0;
    let sending = true;
    const load = (async () => {
      while (sending) {
        assert.equal(await ack(sender, 'broadcast-to', { to: ['load'], event: 'news', args: [sent] }), 'sent');
        sent++;
      }
    })();
    await first(otherNode, 'news', (i) => i >= 5);
    await cluster('restart-redis');
    const restartedAt = sent;
    await first(otherNode, 'news', (i) => i > restartedAt, 30000);
    sending = false;
    await load;
    const last = sent - 1;
    if (local.at(-1) !== last) await first(sameNode, 'news', (i) => i === last);
    assert.deepEqual(local, [...Array(sent).keys()], 'every broadcast reached the client of the sending node, in order');
  });
});
