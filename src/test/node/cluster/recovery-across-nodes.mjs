// Connection state recovery across the two nodes of a cluster on the Redis streams adapter (server-config/cluster.sh
// with ADAPTER=redis-streams and recovery on, run by StreamsClusterIT), with socket.io-client's own recovery: a client
// whose connection to one node drops comes back on the other node with its id, rooms and the events it missed.
import { describe, test, afterEach, after } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'redis';
import { NODES, ack, client, closeAll, connected, next } from './cluster-clients.mjs';

const T = { timeout: 30000 };
// where the streams adapter keeps a disconnected socket's session (the reference's default key)
const SESSION_KEY = (pid) => `sio:session:${pid}`;
const redis = createClient({ url: `redis://127.0.0.1:${process.env.REDIS_PORT}` });
await redis.connect();

/** Resolves once Redis holds the session of `pid`: the node has persisted it. */
async function sessionStored(pid, ms = 10000) {
  const deadline = Date.now() + ms;
  while (!(await redis.exists(SESSION_KEY(pid)))) {
    if (Date.now() > deadline) throw new Error(`no session ${pid} in Redis within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('connection state recovery across nodes', () => {
  afterEach(closeAll);
  after(() => redis.quit());

  for (const transports of [['websocket'], ['polling']]) {
    test(`a ${transports[0]} client of one node recovers its session on the other`, T, async () => {
      const room = `roaming-${transports[0]}`;
      const s = client(NODES[0], transports);
      await connected(s); // the greeting is the first event: the client has an offset
      await ack(s, 'join', room);
      await ack(s, 'set-nick', 'roamer');
      const peer = await connected(client(NODES[1], ['websocket']));
      const id = s.id;
      const pid = s._pid;
      assert.equal(typeof pid, 'string', 'the CONNECT reply carried a pid');

      const gone = next(s, 'disconnect');
      s.io.engine.close(); // the node sees "transport close": recoverable
      await gone;
      await sessionStored(pid);
      assert.equal(await ack(peer, 'broadcast-to', { to: [room], event: 'missed', args: ['while away'] }), 'sent');

      s.io.uri = NODES[1]; // the client comes back through the other node
      const back = next(s, 'connect');
      const missed = next(s, 'missed');
      s.connect();
      await back;
      assert.equal(s.recovered, true, 'the other node restored the session');
      assert.equal(s.id, id, 'same socket id');
      const [value, offset] = await missed;
      assert.equal(value, 'while away', 'the missed event was replayed');
      assert.match(offset, /^\d+-\d+$/, 'with its stream entry id as offset');
      assert.deepEqual(await ack(s, 'rooms'), [room], 'still in its room');
      const found = await ack(peer, 'fetch-sockets', { in: [room] });
      assert.deepEqual(found.map((f) => [f.id, f.nick, f.local]), [[id, 'roamer', true]], 'its data came along');
    });
  }
});
