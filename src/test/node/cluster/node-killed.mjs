// A node of a two-node cluster (server-config/cluster.sh, run by a cluster IT, after the suites that need both
// nodes) killed while its clients reconnect through the balancer to the other node, then started again; with the
// official socket.io-client.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { BALANCER, NODES, ack, client, closeAll, cluster, connected, first, next, socketsOfNode } from './cluster-clients.mjs';

const RECONNECTING = { reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 1000, randomizationFactor: 0 };

describe('a node killed', () => {
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
});
