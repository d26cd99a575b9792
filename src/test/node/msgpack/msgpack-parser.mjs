// socket.io-client built with socket.io-msgpack-parser against a deployment with tidewire.parser=msgpack (run by
// MsgPackParserIT; not a *.test.mjs file, so the default-parser suites of NodeInteropIT leave it out): connection,
// auth and CONNECT_ERROR, events with every value MessagePack carries, binary in place, acks both ways, broadcasts,
// typed (JSON-B) handlers, and a client of the default parser refused. Over each transport setting.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import parser from 'socket.io-msgpack-parser';
import {
  MODES, manager, socket as defaultParserSocket, connected, connectAndReceive, connectError, nextEvent, emitAck,
  closeAll, bytes, isBinary,
} from '../sio-helpers.mjs';

const T = { timeout: 20000 }; // per test: a lost message fails the test instead of hanging the suite

/** A not yet connected socket on `nsp`, over a connection of its own that speaks MessagePack. */
function socket(mode, nsp, { auth } = {}) {
  return defaultParserSocket(mode, nsp, { auth, mgr: manager(mode, { parser }) });
}

// values and what comes back from the server's echo: MessagePack carries more than JSON (binary in place, NaN and
// the infinities); numbers past 2^53 are left out, as notepack itself does not write integers past 2^53 faithfully
const VALUES = [
  ['null', null],
  ['booleans', [true, false]],
  ['zero and small integers', [0, 1, 127, 128, 255, 256, -1, -32, -33]],
  ['wide integers', [65535, 65536, 4294967295, 4294967296, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]],
  ['floats', [-273.15, 3.141592653589793, 0.1 + 0.2, 1.5e-7, Number.MIN_VALUE]],
  ['NaN and the infinities', [NaN, Infinity, -Infinity]],
  ['an empty string', ''],
  ['multibyte UTF-8 and emoji', 'héllo wörld — 日本語 — 🌍🚀 👩‍👩‍👧'],
  ['strings around the str8/str16 boundaries', ['a'.repeat(31), 'b'.repeat(32), 'c'.repeat(255), 'd'.repeat(256)]],
  ['a JSON-looking string', '{"_placeholder":true,"num":0}'],
  ['empty containers', [[], {}]],
  ['16-element containers (array16, map16)', [[...Array(16).keys()],
    Object.fromEntries([...Array(16).keys()].map((i) => [`k${i}`, i]))]],
  ['nested objects', { a: { b: { c: { d: 'deep' } } }, 'key with spaces': 1, '': 'empty key', 'ключ': 'ü' }],
];

for (const mode of MODES) {
  describe(`MessagePack parser (${mode.name})`, () => {
    afterEach(closeAll);

    test('connects to / and to a namespace with auth', T, async () => {
      const [, [auth]] = await connectAndReceive(mode, '/', 'auth', { mgr: manager(mode, { parser }) });
      assert.deepStrictEqual(auth, {});
      const s = socket(mode, '/custom', { auth: { token: 'abc', n: 1 } });
      const got = nextEvent(s, 'auth');
      await connected(s);
      assert.deepStrictEqual(await got, [{ token: 'abc', n: 1 }]);
    });

    test('a refused CONNECT gets its message and data; an unknown namespace "Invalid namespace"', T, async () => {
      const err = await connectError(socket(mode, '/private'));
      assert.equal(err.message, 'not authorized');
      assert.deepStrictEqual(err.data, { code: 401, hint: 'send auth.token' });
      assert.equal((await connectError(socket(mode, '/no-such-namespace'))).message, 'Invalid namespace');
    });

    test('a dynamic namespace', T, async () => {
      const s = socket(mode, '/dyn-42');
      const hello = nextEvent(s, 'hello');
      await connected(s);
      assert.deepStrictEqual(await hello, ['/dyn-42', 'parent middleware']);
    });

    for (const [name, value] of VALUES) {
      test(`${name} round-trip through message / message-back`, T, async () => {
        const s = await connected(socket(mode, '/'));
        const back = nextEvent(s, 'message-back');
        s.emit('message', value);
        assert.deepStrictEqual(await back, [value]);
      });
    }

    test('undefined is null in arrays and left out of objects; -0 is 0; a Date comes back as its ISO text', T,
      async () => {
        const s = await connected(socket(mode, '/'));
        const back = nextEvent(s, 'message-back');
        // handlers get a Date as the default parser gives it (its ISO text); the echo sends that text
        s.emit('message', [undefined, 1], { u: undefined, k: 1 }, -0, new Date(Date.UTC(2024, 1, 29, 12, 30, 45, 678)));
        assert.deepStrictEqual(await back, [[null, 1], { k: 1 }, 0, '2024-02-29T12:30:45.678Z']);
      });

    test('binary at the top level and nested comes back in place, every byte value included', T, async () => {
      const s = await connected(socket(mode, '/'));
      const all = Buffer.from([...Array(256).keys()]);
      const back = nextEvent(s, 'message-back');
      s.emit('message', all, Buffer.alloc(0), { file: { data: Uint8Array.from([9, 8]) }, list: [Buffer.from([7])] });
      const [a, empty, nested] = await back;
      assert.deepEqual(bytes(a), [...all]);
      assert.ok(isBinary(empty));
      assert.equal(bytes(empty).length, 0);
      assert.ok(isBinary(nested.file.data));
      assert.deepEqual(bytes(nested.file.data), [9, 8]);
      assert.deepEqual(bytes(nested.list[0]), [7]);
    });

    test('a large message (200 kB of text and a 64 kB buffer)', T, async () => {
      const s = await connected(socket(mode, '/'));
      const text = 'ü€🌍'.repeat(20000);
      const big = Buffer.alloc(65536);
      for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
      const back = nextEvent(s, 'message-back');
      s.emit('message', text, big);
      const [gotText, gotBig] = await back;
      assert.equal(gotText, text);
      assert.ok(Buffer.from(bytes(gotBig)).equals(big));
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
      const one = await connected(socket(mode, '/interop'));
      const two = await connected(socket(mode, '/interop'));
      const atOne = nextEvent(one, 'news');
      const atTwo = nextEvent(two, 'news');
      assert.deepStrictEqual(await emitAck(one, 'broadcast-all', 'tide', Buffer.from([1])), ['sent']);
      for (const [text, bin] of [await atOne, await atTwo]) {
        assert.equal(text, 'tide');
        assert.deepEqual(bytes(bin), [1]);
      }
    });

    test('a typed handler binds its record and answers with one (JSON-B through MessagePack)', T, async () => {
      const interop = await connected(socket(mode, '/interop'));
      const [receipt] = await emitAck(interop, 'typed-order', { item: 'tea', quantity: 3, price: 2.5 });
      assert.deepStrictEqual(receipt, { bound: true, item: 'tea', quantity: 3, total: 7.5 });
    });

    test('a server namespace disconnect', T, async () => {
      const interop = await connected(socket(mode, '/interop'));
      const gone = nextEvent(interop, 'disconnect');
      interop.emit('disconnect-me');
      assert.deepStrictEqual((await gone)[0], 'io server disconnect');
    });

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
