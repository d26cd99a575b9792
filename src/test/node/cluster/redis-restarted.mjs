// Redis restarted under a two-node cluster (server-config/cluster.sh, run by a cluster IT) while a node broadcasts,
// with the official socket.io-client.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { NODES, ack, client, closeAll, cluster, connected, first } from './cluster-clients.mjs';

describe('Redis restarted', () => {
  afterEach(closeAll);

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
