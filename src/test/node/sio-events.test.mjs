// Events and acks with the official socket.io-client: every JSON type, binary (top level and nested), acks in both
// directions (answered and timed out), over each transport setting.
import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  MODES, socket, connected, nextEvent, emitAck, closeAll, bytes, isBinary, until,
} from './sio-helpers.mjs';

const T = { timeout: 20000 }; // per test: a lost message fails the test instead of hanging the suite

// JSON values and what JSON.stringify + JSON.parse make of them
const VALUES = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['zero', 0],
  ['a positive integer', 42],
  ['a negative integer', -17],
  ['a negative float', -273.15],
  ['a float', 3.141592653589793],
  ['0.1 + 0.2', 0.1 + 0.2],
  ['a tiny float', 1.5e-7],
  ['the largest safe integer', Number.MAX_SAFE_INTEGER],
  ['the smallest safe integer', Number.MIN_SAFE_INTEGER],
  ['2^60', 2 ** 60],
  ['2^64', 2 ** 64],
  ['1e21', 1e21],
  ['the largest double', Number.MAX_VALUE],
  ['the smallest double', Number.MIN_VALUE],
  ['an empty string', ''],
  ['a string', 'hello'],
  ['multibyte UTF-8', 'héllo wörld — 日本語 — Ελληνικά — עברית'],
  ['emoji (surrogate pairs)', '🌍🚀 👩‍👩‍👧 🏳️‍🌈'],
  ['escapes', 'quote " backslash \\ slash / newline \n tab \t cr \r'],
  ['control characters', '\u0000\u0001\u001f\u007f'],
  ['line separators', '\u2028\u2029'],
  ['a lone surrogate', 'a\ud800b'],
  ['a JSON-looking string', '{"_placeholder":true,"num":0}'],
  ['an empty array', []],
  ['an empty object', {}],
  ['nested arrays', [[1, [2, [3, [4, []]]]], ['a', null, true]]],
  ['nested objects', { a: { b: { c: { d: 'deep' } } }, 'key with spaces': 1, '': 'empty key', 'ключ': 'ü' }],
  ['a mixed structure', { list: [1, -2.5, 'three', null, false, { four: [4] }], obj: { x: [], y: {} }, n: 0 }],
];

function deep(levels) {
  let v = 'bottom';
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { level: i, v };
  return v;
}

for (const mode of MODES) {
  describe(`Socket.IO events (${mode.name})`, () => {
    let s;
    let interop;
    // fresh connections per test: a connection lost in one test (say, a ping timeout on a loaded machine) fails
    // that test only
    beforeEach(async () => {
      s = socket(mode, '/');
      await connected(s);
      interop = socket(mode, '/interop');
      await connected(interop);
    });
    afterEach(closeAll);

    for (const [name, value] of VALUES) {
      test(`${name} round-trips through message / message-back`, T, async () => {
        const back = nextEvent(s, 'message-back');
        s.emit('message', value);
        assert.deepStrictEqual(await back, [value]);
      });
    }

    test('several arguments of every type in one event', T, async () => {
      const args = VALUES.map(([, v]) => v);
      const back = nextEvent(s, 'message-back');
      s.emit('message', ...args);
      assert.deepStrictEqual(await back, args);
    });

    test('as JSON.stringify does: undefined → null in arrays, -0 → 0, Date → ISO string, toJSON honoured', T, async () => {
      const back = nextEvent(s, 'message-back');
      const date = new Date(Date.UTC(2024, 1, 29, 12, 30, 45, 678));
      s.emit('message', [undefined, 1], -0, date, { toJSON: () => 'custom', ignored: true }, { u: undefined, k: 1 });
      assert.deepStrictEqual(await back, [[null, 1], 0, '2024-02-29T12:30:45.678Z', 'custom', { k: 1 }]);
    });

    test('a structure nested 30 levels deep (within the server parser limit of 32)', T, async () => {
      const back = nextEvent(s, 'message-back');
      s.emit('message', deep(30));
      assert.deepStrictEqual(await back, [deep(30)]);
    });

    test('a large text event (200 kB of multibyte text)', T, async () => {
      const big = 'ü€🌍'.repeat(20000);
      const back = nextEvent(s, 'message-back');
      s.emit('message', big);
      const [got] = await back;
      assert.equal(got.length, big.length);
      assert.equal(got, big);
    });

    test('events arrive in the order they were sent', T, async () => {
      const got = [];
      const done = new Promise((resolve) => {
        const onBack = (n) => {
          got.push(n);
          if (got.length === 50) {
            s.off('message-back', onBack);
            resolve();
          }
        };
        s.on('message-back', onBack);
      });
      for (let i = 0; i < 50; i++) s.emit('message', i);
      await done;
      assert.deepEqual(got, [...Array(50).keys()]);
    });

    test('binary at the top level comes back as binary (Buffer and Uint8Array)', T, async () => {
      const back = nextEvent(s, 'message-back');
      s.emit('message', Buffer.from([1, 2, 3, 4]), Uint8Array.from([0, 255, 128]), 'text between');
      const [a, b, c] = await back;
      assert.ok(isBinary(a), 'Buffer → binary');
      assert.ok(isBinary(b), 'Uint8Array → binary');
      assert.deepEqual(bytes(a), [1, 2, 3, 4]);
      assert.deepEqual(bytes(b), [0, 255, 128]);
      assert.equal(c, 'text between');
    });

    test('binary nested in objects and arrays comes back in place', T, async () => {
      const back = nextEvent(s, 'message-back');
      s.emit('message', {
        file: { name: 'a.bin', data: Buffer.from('héllo') },
        list: [Uint8Array.from([9, 8]), 'x', [Buffer.from([7])], null],
        n: 1,
      });
      const [got] = await back;
      assert.equal(got.file.name, 'a.bin');
      assert.ok(isBinary(got.file.data));
      assert.equal(Buffer.from(bytes(got.file.data)).toString(), 'héllo');
      assert.ok(isBinary(got.list[0]));
      assert.deepEqual(bytes(got.list[0]), [9, 8]);
      assert.equal(got.list[1], 'x');
      assert.ok(isBinary(got.list[2][0]));
      assert.deepEqual(bytes(got.list[2][0]), [7]);
      assert.equal(got.list[3], null);
      assert.equal(got.n, 1);
    });

    test('every byte value, an empty buffer and a 64 kB buffer', T, async () => {
      const all = Buffer.from([...Array(256).keys()]);
      const big = Buffer.alloc(65536, 0);
      for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
      const back = nextEvent(s, 'message-back');
      s.emit('message', all, Buffer.alloc(0), big);
      const [a, empty, b] = await back;
      assert.deepEqual(bytes(a), [...all]);
      assert.ok(isBinary(empty));
      assert.equal(bytes(empty).length, 0);
      assert.ok(Buffer.from(bytes(b)).equals(big));
    });

    test('client-requested ack with every JSON type', T, async () => {
      const args = VALUES.map(([, v]) => v);
      assert.deepStrictEqual(await emitAck(s, 'message-with-ack', ...args), args);
    });

    test('client-requested ack without arguments', T, async () => {
      assert.deepStrictEqual(await emitAck(s, 'message-with-ack'), []);
    });

    test('client-requested ack via emitWithAck', T, async () => {
      assert.equal(await s.timeout(5000).emitWithAck('message-with-ack', 'first', 'second'), 'first');
    });

    test('binary in a client-requested ack (BINARY_ACK), top level and nested', T, async () => {
      const [a, b, c] = await emitAck(s, 'message-with-ack', Buffer.from([5, 6]), { deep: [Uint8Array.from([7])] }, 'z');
      assert.ok(isBinary(a));
      assert.deepEqual(bytes(a), [5, 6]);
      assert.ok(isBinary(b.deep[0]));
      assert.deepEqual(bytes(b.deep[0]), [7]);
      assert.equal(c, 'z');
    });

    test('many concurrent client acks each get their own answer', T, async () => {
      const replies = await Promise.all([...Array(30).keys()].map((i) => emitAck(s, 'message-with-ack', i, `#${i}`)));
      replies.forEach((r, i) => assert.deepEqual(r, [i, `#${i}`]));
    });

    test('server-requested ack answered by the client', T, async () => {
      const asked = [];
      interop.on('question', (...args) => {
        const cb = args.pop();
        asked.push(args);
        cb('answer', args[0] * 2, { echo: args });
      });
      try {
        const [outcome] = await emitAck(interop, 'request-ack', { timeout: 3000, event: 'question', args: [21, 'x'] });
        assert.deepStrictEqual(outcome, { ok: true, args: ['answer', 42, { echo: [21, 'x'] }] });
        assert.deepEqual(asked, [[21, 'x']]);
      } finally {
        interop.off('question');
      }
    });

    test('server-requested ack answered with no arguments', T, async () => {
      interop.on('question-empty', (cb) => cb());
      try {
        const [outcome] = await emitAck(interop, 'request-ack', { timeout: 3000, event: 'question-empty' });
        assert.deepStrictEqual(outcome, { ok: true, args: [] });
      } finally {
        interop.off('question-empty');
      }
    });

    test('the server hears of each event sent to a socket (onAnyOutgoing): its emits and broadcasts', T, async () => {
      interop.on('question-logged', (cb) => cb());
      try {
        await emitAck(interop, 'request-ack', { timeout: 3000, event: 'question-logged' });
        const room = `logged-${process.pid}-${Date.now()}`;
        await emitAck(interop, 'join', room);
        const arrived = nextEvent(interop, 'logged-broadcast');
        await emitAck(interop, 'broadcast-to', { to: [room], event: 'logged-broadcast', args: [1] });
        await arrived;
        const [sent] = await emitAck(interop, 'sent-events');
        const known = ['auth', 'question-logged', 'logged-broadcast'];
        // other sockets' peer-left notices may come in between: only the events of this test are compared
        assert.deepEqual(sent.filter((e) => known.includes(e)), known);
      } finally {
        interop.off('question-logged');
      }
    });

    test('server-requested ack with binary both ways', T, async () => {
      interop.on('question-bin', (data, cb) => {
        cb({ got: bytes(data), reply: Buffer.from([0xca, 0xfe]) });
      });
      try {
        const [outcome] = await emitAck(interop, 'request-ack',
          { timeout: 3000, event: 'question-bin', args: [Buffer.from([1, 2, 3])] });
        assert.equal(outcome.ok, true);
        assert.deepEqual(outcome.args[0].got, [1, 2, 3], 'the server sent binary');
        assert.ok(isBinary(outcome.args[0].reply), 'the server received binary in the ack');
        assert.deepEqual(bytes(outcome.args[0].reply), [0xca, 0xfe]);
      } finally {
        interop.off('question-bin');
      }
    });

    test('server-requested ack not answered in time: the server times out; a late answer is ignored', T, async () => {
      let lateCb;
      interop.on('question-slow', (n, cb) => { lateCb = cb; });
      try {
        const started = Date.now();
        const [outcome] = await emitAck(interop, 'request-ack', { timeout: 200, event: 'question-slow', args: [1] });
        const elapsed = Date.now() - started;
        assert.deepStrictEqual(outcome, { ok: false, error: 'operation has timed out', timeout: true });
        assert.ok(elapsed >= 150, `timed out after ${elapsed} ms`);
        assert.equal(typeof lateCb, 'function', 'the client was asked');
        lateCb('too late'); // an ack for an id the server dropped: ignored, the connection stays up
        assert.deepEqual(await emitAck(interop, 'rooms'), [[]]);
        assert.ok(interop.connected);
      } finally {
        interop.off('question-slow');
      }
    });

    test('server-requested acks: several pending at once, answered out of order', T, async () => {
      const pending = [];
      interop.on('question-order', (n, cb) => pending.push([n, cb]));
      try {
        const outcomes = [1, 2, 3].map((n) => emitAck(interop, 'request-ack',
          { timeout: 3000, event: 'question-order', args: [n] }));
        await until(() => pending.length === 3, 'three questions');
        for (const [n, cb] of [...pending].reverse()) cb(n * 10);
        const got = await Promise.all(outcomes);
        assert.deepStrictEqual(got.map(([o]) => o), [1, 2, 3].map((n) => ({ ok: true, args: [n * 10] })));
      } finally {
        interop.off('question-order');
      }
    });
  });
}
