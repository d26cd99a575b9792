// Rooms, broadcasts and disconnects with the official socket.io-client against /interop, over each transport
// setting. Every test uses rooms of its own, and a final broadcast to everyone as a sentinel: the events of one
// client arrive in order, so what has not arrived before the sentinel was not sent.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  MODES, socket, connected, nextEvent, nextEventWhere, emitAck, record, until, closeAll, manager,
} from './sio-helpers.mjs';

const T = { timeout: 20000 }; // per test: a lost message fails the test instead of hanging the suite

let serial = 0;

for (const mode of MODES) {
  describe(`Socket.IO rooms and disconnects (${mode.name})`, () => {
    afterEach(closeAll);

    async function clients(n) {
      const list = [];
      for (let i = 0; i < n; i++) {
        const s = socket(mode, '/interop');
        const events = record(s);
        await connected(s);
        list.push({ s, events });
      }
      return list;
    }

    /** Broadcasts a sentinel to the whole namespace and waits until every client has it. */
    async function settle(list) {
      const tag = `sentinel-${++serial}`;
      await emitAck(list[0].s, 'broadcast-all', tag);
      await until(() => list.every(({ events }) => events.some(([e, t]) => e === 'news' && t === tag)), tag);
    }

    const received = ({ events }, event) => events.filter(([e]) => e === event).map(([, ...args]) => args);

    test('join and leave report the rooms', T, async () => {
      const [a] = await clients(1);
      const r = `r${++serial}`;
      assert.deepEqual(await emitAck(a.s, 'join', `${r}-a`, `${r}-b`), [[`${r}-a`, `${r}-b`]]);
      assert.deepEqual(await emitAck(a.s, 'leave', `${r}-a`), [[`${r}-b`]]);
      assert.deepEqual(await emitAck(a.s, 'rooms'), [[`${r}-b`]]);
    });

    test('a room broadcast reaches its members only, the sender included when a member', T, async () => {
      const [a, b, c] = await clients(3);
      const r = `room${++serial}`;
      await emitAck(a.s, 'join', r);
      await emitAck(b.s, 'join', r);
      await emitAck(a.s, 'broadcast-to', { to: [r], args: ['to members', { n: 1 }] });
      await settle([a, b, c]);
      assert.deepEqual(received(a, 'room-message'), [['to members', { n: 1 }]]);
      assert.deepEqual(received(b, 'room-message'), [['to members', { n: 1 }]]);
      assert.deepEqual(received(c, 'room-message'), []);
    });

    test('except excludes the members of a room', T, async () => {
      const [a, b, c] = await clients(3);
      const r1 = `r${++serial}`;
      const muted = `muted${serial}`;
      for (const x of [a, b, c]) await emitAck(x.s, 'join', r1);
      await emitAck(b.s, 'join', muted);
      await emitAck(c.s, 'broadcast-to', { to: [r1], except: [muted], args: ['not to muted'] });
      await settle([a, b, c]);
      assert.deepEqual(received(a, 'room-message'), [['not to muted']]);
      assert.deepEqual(received(b, 'room-message'), []);
      assert.deepEqual(received(c, 'room-message'), [['not to muted']]);
    });

    test('except a socket id (every socket is in the room of its id)', T, async () => {
      const [a, b] = await clients(2);
      await emitAck(a.s, 'broadcast-to', { except: [b.s.id], event: 'all-but-b', args: [1] });
      await settle([a, b]);
      assert.deepEqual(received(a, 'all-but-b'), [[1]]);
      assert.deepEqual(received(b, 'all-but-b'), []);
    });

    test('a socket id as a room targets that socket only', T, async () => {
      const [a, b, c] = await clients(3);
      await emitAck(a.s, 'broadcast-to', { to: [c.s.id], event: 'private', args: ['psst'] });
      await settle([a, b, c]);
      assert.deepEqual(received(a, 'private'), []);
      assert.deepEqual(received(b, 'private'), []);
      assert.deepEqual(received(c, 'private'), [['psst']]);
    });

    test('several rooms at once: each member exactly once, however many of the rooms it is in', T, async () => {
      const [a, b, c, d] = await clients(4);
      const r1 = `x${++serial}`;
      const r2 = `y${serial}`;
      const r3 = `z${serial}`;
      await emitAck(a.s, 'join', r1);
      await emitAck(b.s, 'join', r1, r2, r3);
      await emitAck(c.s, 'join', r2);
      await emitAck(d.s, 'broadcast-to', { to: [r1, r2, r3], args: ['once'] });
      await settle([a, b, c, d]);
      assert.deepEqual(received(a, 'room-message'), [['once']]);
      assert.deepEqual(received(b, 'room-message'), [['once']], 'no duplicate for a member of three rooms');
      assert.deepEqual(received(c, 'room-message'), [['once']]);
      assert.deepEqual(received(d, 'room-message'), []);
    });

    test('several rooms with except', T, async () => {
      const [a, b, c] = await clients(3);
      const r1 = `p${++serial}`;
      const r2 = `q${serial}`;
      await emitAck(a.s, 'join', r1);
      await emitAck(b.s, 'join', r1, r2);
      await emitAck(c.s, 'join', r2);
      await emitAck(a.s, 'broadcast-to', { to: [r1, r2], except: [a.s.id, c.s.id], args: ['b only'] });
      await settle([a, b, c]);
      assert.deepEqual(received(a, 'room-message'), []);
      assert.deepEqual(received(b, 'room-message'), [['b only']]);
      assert.deepEqual(received(c, 'room-message'), []);
    });

    test('socket.broadcast skips the sender', T, async () => {
      const [a, b, c] = await clients(3);
      await emitAck(a.s, 'broadcast-others', 'from a', [1, 2]);
      await settle([a, b, c]);
      assert.deepEqual(received(a, 'news').filter(([t]) => t === 'from a'), []);
      assert.deepEqual(received(b, 'news').filter(([t]) => t === 'from a'), [['from a', [1, 2]]]);
      assert.deepEqual(received(c, 'news').filter(([t]) => t === 'from a'), [['from a', [1, 2]]]);
    });

    test('socket.to(room) skips the sender even when it is a member', T, async () => {
      const [a, b, c] = await clients(3);
      const r = `s${++serial}`;
      await emitAck(a.s, 'join', r);
      await emitAck(b.s, 'join', r);
      await emitAck(a.s, 'broadcast-to', { from: 'socket', to: [r], args: ['from a to room'] });
      await settle([a, b, c]);
      assert.deepEqual(received(a, 'room-message'), []);
      assert.deepEqual(received(b, 'room-message'), [['from a to room']]);
      assert.deepEqual(received(c, 'room-message'), []);
    });

    test('a member that left a room no longer receives its broadcasts', T, async () => {
      const [a, b] = await clients(2);
      const r = `l${++serial}`;
      await emitAck(a.s, 'join', r);
      await emitAck(b.s, 'join', r);
      await emitAck(b.s, 'leave', r);
      await emitAck(a.s, 'broadcast-to', { to: [r], args: ['after leave'] });
      await settle([a, b]);
      assert.deepEqual(received(a, 'room-message'), [['after leave']]);
      assert.deepEqual(received(b, 'room-message'), []);
    });

    test('binary in a room broadcast', T, async () => {
      const [a, b] = await clients(2);
      const r = `bin${++serial}`;
      await emitAck(b.s, 'join', r);
      await emitAck(a.s, 'broadcast-to', { to: [r], args: [Buffer.from([1, 2, 3]), { nested: Buffer.from([4]) }] });
      await settle([a, b]);
      const [[data, obj]] = received(b, 'room-message');
      assert.ok(Buffer.isBuffer(data) || data instanceof ArrayBuffer);
      assert.deepEqual([...new Uint8Array(data)], [1, 2, 3]);
      assert.deepEqual([...new Uint8Array(obj.nested)], [4]);
    });

    test('socket.disconnect() on the server: "io server disconnect" on the client', T, async () => {
      const [a, b] = await clients(2);
      const gone = nextEvent(a.s, 'disconnect');
      const id = a.s.id;
      const peer = nextEventWhere(b.s, 'peer-left', (who) => who === id);
      a.s.emit('disconnect-me');
      assert.equal((await gone)[0], 'io server disconnect');
      assert.equal(a.s.connected, false);
      assert.deepEqual(await peer, [id, 'server namespace disconnect']);
    });

    test('a server namespace disconnect keeps the connection and the other namespaces', T, async () => {
      const mgr = manager(mode);
      const main = socket(mode, '/', { mgr });
      const inter = socket(mode, '/interop', { mgr });
      await Promise.all([connected(main), connected(inter)]);
      const gone = nextEvent(inter, 'disconnect');
      inter.emit('disconnect-me');
      assert.equal((await gone)[0], 'io server disconnect');
      const back = nextEvent(main, 'message-back');
      main.emit('message', 'still here');
      assert.deepEqual(await back, ['still here']);
      assert.ok(main.connected);
    });

    test('socket.disconnect(true): every namespace of the client gets "io server disconnect"', T, async () => {
      const [watcher] = await clients(1);
      const mgr = manager(mode);
      const main = socket(mode, '/', { mgr });
      const inter = socket(mode, '/interop', { mgr });
      await Promise.all([connected(main), connected(inter)]);
      const id = inter.id;
      const mainGone = nextEvent(main, 'disconnect');
      const interGone = nextEvent(inter, 'disconnect');
      const peer = nextEventWhere(watcher.s, 'peer-left', (who) => who === id);
      inter.emit('close-me');
      assert.equal((await interGone)[0], 'io server disconnect');
      assert.equal((await mainGone)[0], 'io server disconnect');
      assert.deepEqual(await peer, [id, 'server namespace disconnect']);
    });

    test('an event emitted just before socket.disconnect(true) still arrives, before the disconnect', T, async () => {
      const s = socket(mode, '/interop');
      const events = record(s);
      await connected(s);
      const gone = nextEvent(s, 'disconnect');
      s.emit('goodbye-and-close', 'see you', Buffer.from([1]));
      assert.equal((await gone)[0], 'io server disconnect');
      const [bye] = received({ events }, 'goodbye');
      assert.equal(bye?.[0], 'see you');
      assert.deepEqual([...new Uint8Array(bye[1])], [1]);
    });

    test('the client disconnecting: the server sees "client namespace disconnect"', T, async () => {
      const [a, b] = await clients(2);
      const id = a.s.id;
      const peer = nextEventWhere(b.s, 'peer-left', (who) => who === id);
      a.s.disconnect();
      assert.deepEqual(await peer, [id, 'client namespace disconnect']);
    });

    test('the client closing its connection: the server sees "transport close"', T, async () => {
      const [a, b] = await clients(2);
      const id = a.s.id;
      const peer = nextEventWhere(b.s, 'peer-left', (who) => who === id);
      a.s.io.engine.close();
      assert.deepEqual(await peer, [id, 'transport close']);
    });

    test('a disconnected socket leaves its rooms', T, async () => {
      const [a, b, c] = await clients(3);
      const r = `gone${++serial}`;
      await emitAck(a.s, 'join', r);
      await emitAck(b.s, 'join', r);
      const id = a.s.id;
      const peer = nextEventWhere(c.s, 'peer-left', (who) => who === id);
      a.s.disconnect();
      await peer;
      await emitAck(c.s, 'broadcast-to', { to: [r], args: ['who is left'] });
      await settle([b, c]);
      assert.deepEqual(received(a, 'room-message'), []);
      assert.deepEqual(received(b, 'room-message'), [['who is left']]);
    });
  });
}
