// socket.io-client built with a parser of the application's own (json-envelope.mjs) against a deployment with
// tidewire.parser=dev.tidewire.fixture.JsonEnvelopeParser, the same format in Java (run by CustomParserIT; not a
// *.test.mjs file, so the default-parser suites of NodeInteropIT leave it out): connection with auth, events, binary
// both ways, acks both ways, a broadcast to several clients, a typed (JSON-B) handler, and malformed messages that
// close only their own connection. Over each transport setting.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import * as parser from './json-envelope.mjs';
import {
  MODES, manager, socket as defaultParserSocket, connected, connectAndReceive, nextEvent, emitAck, closeAll, bytes,
  isBinary,
} from '../sio-helpers.mjs';

const T = { timeout: 20000 }; // per test: a lost message fails the test instead of hanging the suite

/** A not yet connected socket on `nsp`, over a connection of its own that speaks the custom format. */
function socket(mode, nsp, { auth } = {}) {
  return defaultParserSocket(mode, nsp, { auth, mgr: manager(mode, { parser }) });
}

/** Resolves with the reason of the next disconnect of `s` (rejects after `ms`). */
async function disconnectReason(s, ms = 5000) {
  return (await nextEvent(s, 'disconnect', ms))[0];
}

const VALUES = [
  ['null', null],
  ['booleans', [true, false]],
  ['integers and floats', [0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, -273.15, 0.1 + 0.2]],
  ['an empty string', ''],
  ['multibyte text and emoji', 'héllo wörld — 日本語 — 🌍🚀'],
  ['empty containers', [[], {}]],
  ['nested objects in key order', { b: { c: { d: 'deep' } }, a: 1, '': 'empty key' }],
];

for (const mode of MODES) {
  describe(`custom parser (${mode.name})`, () => {
    afterEach(closeAll);

    test('connects to / and to a namespace with auth', T, async () => {
      const [, [auth]] = await connectAndReceive(mode, '/', 'auth', { mgr: manager(mode, { parser }) });
      assert.deepStrictEqual(auth, {});
      const s = socket(mode, '/custom', { auth: { token: 'abc', n: 1 } });
      const got = nextEvent(s, 'auth');
      await connected(s);
      assert.deepStrictEqual(await got, [{ token: 'abc', n: 1 }]);
    });

    for (const [name, value] of VALUES) {
      test(`${name} round-trip through message / message-back`, T, async () => {
        const s = await connected(socket(mode, '/'));
        const back = nextEvent(s, 'message-back');
        s.emit('message', value);
        assert.deepStrictEqual(await back, [value]);
      });
    }

    test('binary at the top level and nested comes back in place, every byte value included', T, async () => {
      const s = await connected(socket(mode, '/'));
      const all = Buffer.from([...Array(256).keys()]);
      const back = nextEvent(s, 'message-back');
      s.emit('message', all, Buffer.alloc(0), { file: { data: Uint8Array.from([9, 8]) }, list: [Buffer.from([7])] });
      const [a, empty, nested] = await back;
      assert.deepEqual(bytes(a), [...all]);
      assert.ok(isBinary(empty));
      assert.equal(bytes(empty).length, 0);
      assert.deepEqual(bytes(nested.file.data), [9, 8]);
      assert.deepEqual(bytes(nested.list[0]), [7]);
    });

    test('client-requested acks, with binary, many at once', T, async () => {
      const s = await connected(socket(mode, '/'));
      const [a, b] = await emitAck(s, 'message-with-ack', Buffer.from([5, 6]), { n: 1.5 });
      assert.deepEqual(bytes(a), [5, 6]);
      assert.deepStrictEqual(b, { n: 1.5 });
      const replies = await Promise.all([...Array(30).keys()].map((i) => emitAck(s, 'message-with-ack', i)));
      replies.forEach((r, i) => assert.deepStrictEqual(r, [i]));
    });

    test('a server-requested ack answered by the client, with binary both ways', T, async () => {
      const interop = await connected(socket(mode, '/interop'));
      interop.on('question', (data, cb) => cb({ got: bytes(data), reply: Buffer.from([0xca, 0xfe]) }));
      const [outcome] = await emitAck(interop, 'request-ack',
        { timeout: 3000, event: 'question', args: [Buffer.from([1, 2, 3])] });
      assert.equal(outcome.ok, true);
      assert.deepEqual(outcome.args[0].got, [1, 2, 3]);
      assert.deepEqual(bytes(outcome.args[0].reply), [0xca, 0xfe]);
    });

    test('a broadcast reaches every client of the namespace', T, async () => {
      const clients = [];
      for (let i = 0; i < 3; i++) clients.push(await connected(socket(mode, '/interop')));
      const news = clients.map((c) => nextEvent(c, 'news'));
      assert.deepStrictEqual(await emitAck(clients[0], 'broadcast-all', 'tide', Buffer.from([1, 2])), ['sent']);
      for (const [text, bin] of await Promise.all(news)) {
        assert.equal(text, 'tide');
        assert.deepEqual(bytes(bin), [1, 2]);
      }
    });

    test('a typed handler binds its record and answers with one (JSON-B through the custom parser)', T, async () => {
      const interop = await connected(socket(mode, '/interop'));
      const [receipt] = await emitAck(interop, 'typed-order', { item: 'tea', quantity: 3, price: 2.5 });
      assert.deepStrictEqual(receipt, { bound: true, item: 'tea', quantity: 3, total: 7.5 });
    });

    for (const [name, message] of [
      ['a message that is not JSON', 'not json'],
      ['a packet the server refuses (a reserved event name)', '{"type":2,"nsp":"/","data":["disconnect"]}'],
    ]) {
      test(`${name} closes only that connection`, T, async () => {
        const bad = await connected(socket(mode, '/'));
        const good = await connected(socket(mode, '/'));
        const gone = disconnectReason(bad);
        bad.io.engine.send(message); // a raw Engine.IO message, past the client's encoder
        assert.equal(await gone, 'transport close');
        assert.deepStrictEqual(await emitAck(good, 'message-with-ack', 'still here'), ['still here']);
      });
    }

    test('a client of the default parser cannot connect', T, async () => {
      const s = defaultParserSocket(mode, '/');
      const outcome = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve('nothing within 5 s'), 5000);
        s.once('connect', () => { clearTimeout(timer); resolve('connected'); });
        s.once('connect_error', () => { clearTimeout(timer); resolve('refused'); });
        s.io.once('close', () => { clearTimeout(timer); resolve('refused'); });
        s.connect();
      });
      assert.equal(outcome, 'refused');
    });
  });
}
