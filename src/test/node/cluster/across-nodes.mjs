// The cluster-wide operations of a namespace across two Tidewire nodes on Redis (server-config/cluster.sh with
// FIXTURE=conformance, run by ClusterIT), with the official socket.io-client connected to each node directly: except,
// broadcasts with acks, fetchSockets, socketsJoin/socketsLeave, disconnectSockets, serverCount and server-side emits
// with acks (the fixture's ClusterCommands). Events from one node reach a client of another in the order they were
// sent, so a later marker event shows that an earlier one was not delivered.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { NODES, ack, client, closeAll, connected, next } from './cluster-clients.mjs';

const T = { timeout: 30000 };

/** Connects one client to each of the given nodes (0 or 1), over WebSocket. */
async function clientsOn(...nodes) {
  const out = [];
  for (const n of nodes) out.push(await connected(client(NODES[n], ['websocket'])));
  return out;
}

/** Every `news` the client receives, from now on. */
function newsOf(s) {
  const seen = [];
  s.on('news', (value) => seen.push(value));
  return seen;
}

/** Resolves when the client receives `news` with this value. */
function newsValue(s, value, ms = 10000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no news "${value}" within ${ms} ms`)), ms);
    const listener = (got) => {
      if (got !== value) return;
      clearTimeout(timer);
      s.off('news', listener);
      resolve();
    };
    s.on('news', listener);
  });
}

const broadcast = (from, command) => ack(from, 'broadcast-to', { event: 'news', ...command });

describe('cluster-wide operations across two nodes', () => {
  afterEach(closeAll);

  test('a room broadcast with except skips the excepted room on the other node too', T, async () => {
    const [a, b, c] = await clientsOn(0, 1, 1);
    await ack(a, 'join', 'crowd');
    await ack(b, 'join', 'crowd');
    await ack(c, 'join', 'crowd', 'muted');
    const seen = [a, b, c].map(newsOf);
    const done = [a, b, c].map((s) => newsValue(s, 'marker'));
    assert.equal(await broadcast(a, { to: ['crowd'], except: ['muted'], args: ['not for the muted'] }), 'sent');
    assert.equal(await broadcast(a, { to: ['crowd'], args: ['marker'] }), 'sent');
    await Promise.all(done);
    assert.deepEqual(seen[0], ['not for the muted', 'marker']);
    assert.deepEqual(seen[1], ['not for the muted', 'marker']);
    assert.deepEqual(seen[2], ['marker']);
  });

  test('a broadcast with acks collects the answers of the clients of both nodes, and times out on a silent one', T, async () => {
    const [a, b, c] = await clientsOn(0, 1, 1);
    a.on('question', (q, answer) => answer(`a:${q}`));
    b.on('question', (q, answer) => answer(`b:${q}`));
    // c never answers
    await ack(a, 'join', 'asked');
    await ack(b, 'join', 'asked', 'asked-too');
    await ack(c, 'join', 'asked-too');
    const all = await ack(a, 'ask-all', { in: ['asked'], timeout: 5000, event: 'question', args: ['q1'] });
    assert.equal(all.ok, true, JSON.stringify(all));
    assert.deepEqual([...all.answers].sort(), ['a:q1', 'b:q1']);
    const partial = await ack(a, 'ask-all', { in: ['asked-too'], timeout: 1000, event: 'question', args: ['q2'] });
    assert.equal(partial.ok, false, JSON.stringify(partial));
    assert.deepEqual(partial.answers, ['b:q2']);
  });

  test('fetchSockets finds the sockets of both nodes, with their rooms and data', T, async () => {
    const [a, b] = await clientsOn(0, 1);
    await ack(a, 'set-nick', 'ann');
    await ack(b, 'set-nick', 'bob');
    await ack(a, 'join', 'fetched');
    await ack(b, 'join', 'fetched', 'extra');
    const expected = [
      { id: a.id, rooms: ['fetched'], nick: 'ann', local: true },
      { id: b.id, rooms: ['extra', 'fetched'], nick: 'bob', local: false },
    ].sort((x, y) => (x.id < y.id ? -1 : 1));
    assert.deepEqual(await ack(a, 'fetch-sockets', { in: ['fetched'] }), expected);
    assert.deepEqual(await ack(a, 'fetch-sockets', { in: ['fetched'], except: ['extra'] }),
      expected.filter((s) => s.id === a.id));
  });

  test('a fetchSockets continuation may emit to its client and block until the client answers', T, async () => {
    const [a, b] = await clientsOn(0, 1);
    await ack(a, 'join', 'asking');
    await ack(b, 'join', 'asking');
    a.on('question', (count, answer) => answer(`${count} sockets`));
    assert.deepEqual(await ack(a, 'fetch-then-ask', { in: ['asking'] }), ['2 sockets']);
  });

  test('a fetchSockets continuation may block until the other nodes answer a request of its own', T, async () => {
    const [a] = await clientsOn(0, 1);
    assert.deepEqual(await ack(a, 'fetch-then-ping'), ['pong']);
  });

  test('socketsJoin and socketsLeave reach the sockets of the other node', T, async () => {
    const [a, b] = await clientsOn(0, 1);
    await ack(a, 'join', 'source');
    await ack(b, 'join', 'source');
    const seen = newsOf(b);
    assert.equal(await ack(a, 'sockets-join', { in: ['source'], rooms: ['joined'] }), 'ok');
    const joined = newsValue(b, 'to the joined');
    await broadcast(a, { to: ['joined'], args: ['to the joined'] });
    await joined;
    assert.equal(await ack(a, 'sockets-leave', { in: ['source'], rooms: ['joined'] }), 'ok');
    const marker = newsValue(b, 'marker');
    await broadcast(a, { to: ['joined'], args: ['after the leave'] });
    await broadcast(a, { to: ['source'], args: ['marker'] });
    await marker;
    assert.deepEqual(seen, ['to the joined', 'marker']);
  });

  test('disconnectSockets disconnects the matching sockets of the other node only', T, async () => {
    const [a, b, c] = await clientsOn(0, 1, 1);
    await ack(b, 'join', 'leaving');
    const left = next(b, 'disconnect');
    assert.equal(await ack(a, 'disconnect-sockets', { in: ['leaving'] }), 'ok');
    assert.equal((await left)[0], 'io server disconnect');
    assert.deepEqual(await ack(c, 'rooms'), [], 'a socket outside the room stays');
    assert.deepEqual(await ack(a, 'rooms'), []);
  });

  test('each node counts two servers, and the other node answers a server-side emit with ack', T, async () => {
    const [a, b] = await clientsOn(0, 1);
    assert.equal(await ack(a, 'server-count'), 2);
    assert.equal(await ack(b, 'server-count'), 2);
    assert.deepEqual(await ack(a, 'server-side-ping'), { ok: true, answers: ['pong'] });
    assert.deepEqual(await ack(b, 'server-side-ping'), { ok: true, answers: ['pong'] });
  });
});
