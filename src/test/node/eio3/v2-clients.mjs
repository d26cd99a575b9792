// The official Socket.IO v2 client (socket.io-client 2.x: Engine.IO v3, Socket.IO protocol v4) against a deployment
// with tidewire.allowEIO3=true, over each transport setting: transports, events, acks both ways, binary both ways,
// rooms shared with v4 clients, a custom namespace, a middleware's refusal, the v3 heartbeat and socket.conn()'s view
// of it; and the binary polling response's Content-Type on a raw v3 session. Run by Eio3InteropIT (not a *.test.mjs:
// the default deployment refuses v2 clients).
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  MODES, ORIGIN, PATH, v2socket, v2manager, v2connected, next, v2emitAck, v2record, v2upgraded, closeV2,
} from './v2-helpers.mjs';
import {
  MODES as V4_MODES, socket as v4socket, connected as v4connected, emitAck as v4emitAck, record as v4record, until,
  closeAll as closeV4, bytes, isBinary,
} from '../sio-helpers.mjs';

const T = { timeout: 20000 }; // per test: a lost message fails the test instead of hanging the suite

let serial = 0;

for (const mode of MODES) {
  describe(`Socket.IO v2 client (${mode.name})`, () => {
    afterEach(() => {
      closeV2();
      closeV4();
    });

    test('connects to / at once with the Engine.IO id, on the expected transport', T, async () => {
      const s = v2socket(mode, '/');
      const auth = next(s, 'auth');
      await v2connected(s);
      assert.equal(s.id, s.io.engine.id, 'a v2 socket of / has the engine id');
      assert.deepEqual(await auth, [{}], 'the fixture greets it with its handshake.auth: none');
      if (mode.upgrade) {
        await v2upgraded(s);
        assert.equal(s.io.engine.transport.name, 'websocket', 'upgraded');
        // still served after the upgrade
        assert.deepEqual(await v2emitAck(s, 'message-with-ack', 'after upgrade'), ['after upgrade']);
      } else {
        assert.deepEqual(await v2emitAck(s, 'message-with-ack', 'x'), ['x']);
        assert.equal(s.io.engine.transport.name, mode.transports[0]);
      }
    });

    test('events with several arguments round-trip', T, async () => {
      const s = v2socket(mode, '/');
      await v2connected(s);
      const args = [null, true, 0, -17, 3.5, '', 'héllo wörld — 日本語 🌍', [], {}, { a: [1, { b: 'c' }], n: null }];
      const back = next(s, 'message-back');
      s.emit('message', ...args);
      assert.deepStrictEqual(await back, args);
    });

    test('an ack the client asks for carries the server\'s arguments', T, async () => {
      const s = v2socket(mode, '/');
      await v2connected(s);
      assert.deepStrictEqual(await v2emitAck(s, 'message-with-ack', 1, 'two', { three: [3] }), [1, 'two', { three: [3] }]);
      assert.deepStrictEqual(await v2emitAck(s, 'message-with-ack'), []);
    });

    test('an ack the server asks for reaches the server', T, async () => {
      const s = v2socket(mode, '/interop');
      await v2connected(s);
      const asked = [];
      s.on('question', (a, b, cb) => {
        asked.push([a, b]);
        cb('answer', 42, { echo: [a, b] });
      });
      const [outcome] = await v2emitAck(s, 'request-ack', { timeout: 3000, event: 'question', args: [21, 'x'] });
      assert.deepStrictEqual(outcome, { ok: true, args: ['answer', 42, { echo: [21, 'x'] }] });
      assert.deepEqual(asked, [[21, 'x']]);
    });

    test('binary round-trips, top level and nested', T, async () => {
      const s = v2socket(mode, '/');
      await v2connected(s);
      const back = next(s, 'message-back');
      s.emit('message', Buffer.from([1, 2, 3]), { nested: Buffer.from([0, 255]), list: ['x', Buffer.alloc(0)] });
      const [top, obj] = await back;
      assert.ok(isBinary(top), 'binary arrives as binary');
      assert.deepEqual(bytes(top), [1, 2, 3]);
      assert.deepEqual(bytes(obj.nested), [0, 255]);
      assert.equal(obj.list[0], 'x');
      assert.deepEqual(bytes(obj.list[1]), []);
    });

    test('forceBase64: binary both ways as base64 in text frames and payloads', T, async () => {
      const s = v2socket(mode, '/', { forceBase64: true });
      await v2connected(s);
      if (mode.upgrade) await v2upgraded(s);
      assert.equal(s.io.engine.transport.supportsBinary, false, 'the transport sends base64');
      const back = next(s, 'message-back');
      s.emit('message', Buffer.from([0, 1, 254, 255]), { nested: Buffer.from('ünï') });
      const [top, obj] = await back;
      assert.deepEqual(bytes(top), [0, 1, 254, 255]);
      assert.equal(Buffer.from(bytes(obj.nested)).toString(), 'ünï');
    });

    test('binary in acks both ways', T, async () => {
      // a v2 client's socket of / must exist before its connection opens: the server's CONNECT of / comes once, at
      // the open, and v2 sends none for / (as with the reference server)
      const mgr = v2manager(mode);
      const main = v2socket(mode, '/', { mgr });
      const s = v2socket(mode, '/interop', { mgr });
      await v2connected(main);
      await v2connected(s);
      // the client's ack asked of the server, answered with the binary it sent
      const [reply] = await v2emitAck(main, 'message-with-ack', Buffer.from([9, 8, 7]));
      assert.deepEqual(bytes(reply), [9, 8, 7]);
      // the server's ack asked of the client, answered with binary
      s.on('question-bin', (data, cb) => cb({ got: bytes(data), reply: Buffer.from([0xca, 0xfe]) }));
      const [outcome] = await v2emitAck(s, 'request-ack',
        { timeout: 3000, event: 'question-bin', args: [Buffer.from([1, 2, 3])] });
      assert.equal(outcome.ok, true);
      assert.deepEqual(outcome.args[0].got, [1, 2, 3], 'the server sent binary');
      assert.ok(isBinary(outcome.args[0].reply), 'the server received binary in the ack');
      assert.deepEqual(bytes(outcome.args[0].reply), [0xca, 0xfe]);
    });

    test('a large message (200 kB text, 200 kB binary) round-trips', T, async () => {
      const s = v2socket(mode, '/');
      await v2connected(s);
      const text = 'é'.repeat(100_000);
      const bin = Buffer.alloc(200_000, 7);
      const back = next(s, 'message-back');
      s.emit('message', text, bin);
      const [t, b] = await back;
      assert.equal(t, text);
      assert.equal(b.length, bin.length);
      assert.ok(Buffer.from(b).equals(bin));
    });

    for (const v4mode of V4_MODES) {
      test(`a room broadcast reaches v2 and v4 members (v4 client ${v4mode.name}), no one else`, T, async () => {
        const r = `mixed${++serial}`;
        const v2 = v2socket(mode, '/interop');
        const v2events = v2record(v2, 'room-message', 'news');
        await v2connected(v2);
        const outsider = v2socket(mode, '/interop');
        const outsiderEvents = v2record(outsider, 'room-message', 'news');
        await v2connected(outsider);
        const v4 = v4socket(v4mode, '/interop');
        const v4events = v4record(v4);
        await v4connected(v4);
        assert.deepEqual(await v2emitAck(v2, 'join', r), [[r]]);
        assert.deepEqual(await v4emitAck(v4, 'join', r), [[r]]);
        // from the v4 client, then from the v2 client, with binary
        await v4emitAck(v4, 'broadcast-to', { to: [r], args: ['from v4', { n: 1 }] });
        assert.deepEqual(await v2emitAck(v2, 'broadcast-to', { to: [r], args: ['from v2', Buffer.from([4, 2])] }),
          ['sent']);
        // a sentinel to everyone: each client's events arrive in order, so what is missing before it was not sent
        const tag = `sentinel-${serial}`;
        await v2emitAck(v2, 'broadcast-all', tag);
        const has = (events) => events.some(([e, t]) => e === 'news' && t === tag);
        await until(() => has(v2events) && has(v4events) && has(outsiderEvents), tag);
        for (const [who, events] of [['v2', v2events], ['v4', v4events]]) {
          const got = events.filter(([e]) => e === 'room-message').map(([, ...args]) => args);
          assert.equal(got.length, 2, `${who}: ${JSON.stringify(got)}`);
          assert.deepEqual(got[0], ['from v4', { n: 1 }], who);
          assert.equal(got[1][0], 'from v2', who);
          assert.deepEqual(bytes(got[1][1]), [4, 2], who);
        }
        assert.deepEqual(outsiderEvents.filter(([e]) => e === 'room-message'), []);
      });
    }

    test('one binary broadcast reaches v2 (binary and base64) and v4 (websocket and polling) members alike', T,
      async () => {
        const r = `bin${++serial}`;
        const members = [];
        for (const extra of [{}, { forceBase64: true }]) {
          const s = v2socket(mode, '/interop', extra);
          const events = v2record(s, 'room-message');
          await v2connected(s);
          await v2emitAck(s, 'join', r);
          members.push({ who: `v2 ${JSON.stringify(extra)}`, events });
        }
        for (const v4mode of V4_MODES.slice(0, 2)) {
          const s = v4socket(v4mode, '/interop');
          const events = v4record(s);
          await v4connected(s);
          await v4emitAck(s, 'join', r);
          members.push({ who: `v4 ${v4mode.name}`, events });
        }
        const payload = Buffer.from([0, 0xff, 0x80, 10, 13, 0x2c]);
        const sender = await v4connected(v4socket(V4_MODES[0], '/interop')); // not a member
        assert.deepEqual(await v4emitAck(sender, 'broadcast-to', { to: [r], args: ['bin', payload, { also: payload }] }),
          ['sent']);
        for (const { who, events } of members) {
          await until(() => events.some(([e]) => e === 'room-message'), `${who} gets the broadcast`);
          const [, tag, top, obj] = events.find(([e]) => e === 'room-message');
          assert.equal(tag, 'bin', who);
          assert.deepEqual(bytes(top), [...payload], who);
          assert.deepEqual(bytes(obj.also), [...payload], who);
        }
      });

    test('a v2 socket\'s id in a namespace is <nsp>#<engine id>; peers see it leave with the client\'s reason', T,
      async () => {
        const v4 = v4socket(V4_MODES[0], '/interop');
        const v4events = v4record(v4);
        await v4connected(v4);
        const v2 = v2socket(mode, '/interop');
        await v2connected(v2);
        const id = v2.id;
        assert.equal(id, `/interop#${v2.io.engine.id}`);
        v2.disconnect();
        await until(() => v4events.some(([e, who]) => e === 'peer-left' && who === id), 'peer-left');
        const [, , reason] = v4events.find(([e, who]) => e === 'peer-left' && who === id);
        assert.equal(reason, 'client namespace disconnect');
      });

    test('a disconnect by the server reaches the v2 client', T, async () => {
      const s = v2socket(mode, '/interop');
      await v2connected(s);
      const gone = next(s, 'disconnect');
      s.emit('disconnect-me');
      assert.deepEqual(await gone, ['io server disconnect']);
    });

    test('a custom namespace: its query is the handshake auth', T, async () => {
      const s = v2socket(mode, '/custom?token=abc&lang=fr');
      const auth = next(s, 'auth');
      await v2connected(s);
      assert.equal(s.nsp, '/custom');
      assert.equal(s.id, `/custom#${s.io.engine.id}`);
      assert.deepEqual(await auth, [{ token: 'abc', lang: 'fr' }]);
    });

    test('two namespaces multiplexed on one v2 connection', T, async () => {
      const mgr = v2manager(mode);
      const custom = v2socket(mode, '/custom', { mgr });
      const customAuth = next(custom, 'auth');
      const main = v2socket(mode, '/', { mgr });
      await v2connected(custom);
      await v2connected(main);
      assert.deepEqual(await customAuth, [{}]);
      assert.equal(custom.io.engine, main.io.engine, 'one Engine.IO connection');
      assert.deepEqual(await v2emitAck(main, 'message-with-ack', 'm'), ['m']);
    });

    test('a middleware refusal arrives as an error packet with its data', T, async () => {
      const s = v2socket(mode, '/private');
      const events = v2record(s, 'connect');
      const [data] = await next(s, 'error');
      assert.deepEqual(data, { code: 401, hint: 'send auth.token' });
      assert.equal(s.connected, false);
      assert.deepEqual(events, []);
    });

    test('a middleware throwing a plain exception: its message as the error', T, async () => {
      const s = v2socket(mode, '/private?token=boom');
      assert.deepEqual(await next(s, 'error'), ['middleware failed']);
      assert.equal(s.connected, false);
    });

    test('a refusal leaves the connection usable; a token admits the socket', T, async () => {
      const mgr = v2manager(mode);
      const refused = v2socket(mode, '/private', { mgr });
      const main = v2socket(mode, '/', { mgr }); // created before the connection opens, see above
      const connects = v2record(main, 'connect');
      await next(refused, 'error');
      await v2connected(main);
      assert.equal(connects.length, 1);
      assert.deepEqual(await v2emitAck(main, 'message-with-ack', 'still here'), ['still here']);
      const admitted = v2socket(mode, '/private?token=t0k3n');
      const auth = next(admitted, 'auth');
      await v2connected(admitted);
      assert.deepEqual(await auth, [{ token: 't0k3n' }]);
      assert.deepEqual(await v2emitAck(admitted, 'whoami'), ['t0k3n']);
    });

    test('an unknown namespace: the error { message: "Invalid namespace" }', T, async () => {
      // an object, as the reference v4 server sends it to v3 clients too (the v2 server sent the bare string)
      const s = v2socket(mode, '/no-such-namespace');
      assert.deepEqual(await next(s, 'error'), [{ message: 'Invalid namespace' }]);
      assert.equal(s.connected, false);
    });

    test('the v3 heartbeat: the client pings, the server answers, the connection stays up', T, async () => {
      const s = v2socket(mode, '/');
      await v2connected(s);
      const pongs = [];
      s.on('pong', (latency) => pongs.push(latency));
      // Eio3InteropIT's deployment: pingInterval 1000 ms, pingTimeout 2000 ms; three pongs take about three seconds
      await until(() => pongs.length >= 3, 'three pongs', 10000);
      assert.ok(s.connected);
      assert.deepEqual(await v2emitAck(s, 'message-with-ack', 'alive'), ['alive']);
    });

    test('socket.conn() on a v3 connection: protocol 3; the client\'s ping, the server\'s pong, then the heartbeat', T,
      async () => {
        const s = v2socket(mode, '/conn'); // the fixture's ConnectionEventsNamespace
        const reports = v2record(s, 'conn-event');
        await v2connected(s);
        const [state] = await v2emitAck(s, 'conn-state');
        assert.equal(state.protocol, 3);
        assert.equal(state.readyState, 'open');
        await v2emitAck(s, 'watch-conn');
        // a ping may already be in when the listeners are added: wait for a whole round, in this order
        const round = [['packet', 'ping'], ['packetCreate', 'pong'], ['heartbeat', undefined]];
        const inARow = () => {
          const seen = reports.map(([, e]) => e).filter((e) => !(e.event === 'packet' && e.type === 'message'));
          return seen.some((_, i) => round.every(([event, type], k) => seen[i + k]?.event === event
            && seen[i + k]?.type === type));
        };
        await until(inARow, 'ping → pong → heartbeat', 10000); // the deployment pings every 1000 ms
        assert.ok(!reports.some(([, e]) => e.event === 'packetCreate' && e.type === 'ping'), 'a v3 server never pings');
      });
  });
}

describe('Engine.IO v3 polling, raw', () => {
  const url = (query) => `${ORIGIN}${PATH}?EIO=3&transport=polling&t=${++serial}${query}`;

  /** A v3 string payload: <length>:<packet>... (lengths in characters). */
  const payload = (...packets) => packets.map((p) => `${p.length}:${p}`).join('');

  test('JSONP: polls are scripts calling ___eio[j], POSTs are forms; a poll pending while a POST is answered', T,
    async () => {
      const script = (index, body) => {
        const m = /^___eio\[(\d+)\]\((".*")\);$/s.exec(body);
        assert.ok(m, `not a JSONP script: ${body}`);
        assert.equal(m[1], index);
        return JSON.parse(m[2]);
      };
      const log = [];
      const get = async (query) => {
        const res = await fetch(url(`&j=3${query}`));
        const body = await res.text();
        log.push(`GET ${res.status} ${res.headers.get('content-type')} ${body}`);
        assert.equal(res.status, 200, log.join('\n'));
        assert.match(res.headers.get('content-type'), /^text\/(plain|javascript); ?charset=UTF-8$/i, log.join('\n'));
        return script('3', body);
      };
      const handshake = await get('');
      const sid = /"sid":"([^"]+)"/.exec(handshake)?.[1];
      assert.ok(sid, handshake);
      const first = await get(`&sid=${sid}`);
      assert.ok(first.includes('2:40'), first);
      // a poll pending while the form POST of a CONNECT to /interop (and a ping) is answered
      const pending = get(`&sid=${sid}`);
      const post = await fetch(url(`&j=3&sid=${sid}`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ d: payload('2', '40/interop') }).toString(),
      });
      log.push(`POST ${post.status} ${post.headers.get('content-type')}`);
      assert.equal(post.status, 200, log.join('\n'));
      assert.equal(await post.text(), 'ok');
      // the CONNECT and the fixture's "auth" event may come in one poll or in two (whichever poll is pending when
      // each is queued), so poll until the event has come
      let polled = await pending;
      while (!polled.includes('42/interop,')) polled += await get(`&sid=${sid}`);
      assert.ok(polled.includes('40/interop') && polled.indexOf('40/interop') < polled.indexOf('42/interop,'),
        `the CONNECT before the event: ${polled}`);
      assert.ok(polled.includes('1:3'), `the pong: ${polled}`);
      assert.ok(polled.includes('42/interop,["auth",{}]'), polled);
    });

  test('a poll holding binary is a binary payload with Content-Type application/octet-stream', T, async () => {
    const open = await fetch(url(''));
    assert.equal(open.status, 200);
    const handshake = await open.text();
    const sid = /"sid":"([^"]+)"/.exec(handshake)?.[1];
    assert.ok(sid, handshake);
    // a ping (keeps the v3 heartbeat) and a binary event for / (the message comes back with its attachment)
    const post = await fetch(url(`&sid=${sid}`), {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: payload('2', '451-["message",{"_placeholder":true,"num":0}]', `b4${Buffer.from([1, 2, 3]).toString('base64')}`),
    });
    assert.equal(post.status, 200);
    assert.equal(await post.text(), 'ok');
    // poll until the binary payload comes (the pong and the "40" of / may come before it)
    for (let i = 0; i < 5; i++) {
      const poll = await fetch(url(`&sid=${sid}`));
      assert.equal(poll.status, 200);
      const body = Buffer.from(await poll.arrayBuffer());
      if (body[0] === 0 || body[0] === 1) { // a binary payload's first record: 0 string, 1 binary
        assert.equal(poll.headers.get('content-type'), 'application/octet-stream');
        assert.ok(body.includes(Buffer.from('message-back')), body.toString('latin1'));
        assert.ok(body.includes(Buffer.from([0xff, 4, 1, 2, 3])), 'the attachment as a binary record');
        return;
      }
      assert.match(poll.headers.get('content-type'), /^text\/plain; ?charset=UTF-8$/i, body.toString());
    }
    assert.fail('no binary payload in five polls');
  });
});
