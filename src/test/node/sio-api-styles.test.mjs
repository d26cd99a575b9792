// Handlers written in both server API styles, seen from the official socket.io-client: the annotated CDI bean on
// /annotated (@OnConnect/@OnEvent/@OnDisconnect, return values as acks, JSON-B binding of records and POJOs) and the
// fluent style's typed handler on /interop.
import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  MODES, socket, connected, connectAndReceive, nextEvent, nextEventWhere, emitAck, closeAll, bytes, isBinary,
} from './sio-helpers.mjs';

const T = { timeout: 20000 }; // per test: a lost message fails the test instead of hanging the suite

for (const mode of MODES) {
  describe(`Socket.IO API styles (${mode.name})`, () => {
    let ann;
    let welcome;
    beforeEach(async () => {
      [ann, welcome] = await connectAndReceive(mode, '/annotated', 'welcome', { auth: { user: 'ann', n: 3 } });
    });
    afterEach(closeAll);

    test('annotated @OnConnect receives the socket and the auth bound to a Map', T, async () => {
      assert.deepEqual(welcome, [ann.id, { user: 'ann', n: 3 }]);
    });

    test('annotated: a record bound by JSON-B, a record returned as the ack', T, async () => {
      const reply = await emitAck(ann, 'order', { item: 'tea', quantity: 3, price: 1.5 });
      assert.deepStrictEqual(reply, [{ bound: true, item: 'tea', quantity: 3, total: 4.5 }]);
    });

    test('annotated: a CDI request context is active in handlers, a new one per event', T, async () => {
      const [[a1, a2]] = await emitAck(ann, 'request-scope');
      const [[b1, b2]] = await emitAck(ann, 'request-scope');
      assert.equal(a1, a2, 'one request-scoped instance throughout an event');
      assert.equal(b1, b2);
      assert.notEqual(a1, b1, 'a fresh request context for the next event');
    });

    test('annotated: a JavaBean POJO in and out', T, async () => {
      assert.deepStrictEqual(await emitAck(ann, 'mirror', { x: 4, y: -7 }), [{ x: -4, y: 7 }]);
    });

    test('annotated: primitive parameters, a primitive return value', T, async () => {
      assert.deepStrictEqual(await emitAck(ann, 'sum', 2, 40), [42]);
      assert.deepStrictEqual(await emitAck(ann, 'sum', -5, 2 ** 40), [2 ** 40 - 5]);
    });

    test('annotated: an Object parameter takes any JSON value as is', T, async () => {
      const value = { list: [1, 'two', null, true, -3.5], nested: { 'é': '🌍' } };
      assert.deepStrictEqual(await emitAck(ann, 'echo', value), [value]);
      const [bin] = await emitAck(ann, 'echo', Buffer.from([3, 1, 4]));
      assert.ok(isBinary(bin), 'byte[] as Object is sent back as binary');
      assert.deepEqual(bytes(bin), [3, 1, 4]);
    });

    test('annotated: Socket, String, byte[] and Ack parameters (binary in, binary out)', T, async () => {
      const [name, length, data] = await emitAck(ann, 'upload', 'f.bin', Buffer.from([9, 9, 9, 1]));
      assert.equal(name, 'f.bin');
      assert.equal(length, 4);
      assert.ok(isBinary(data));
      assert.deepEqual(bytes(data), [9, 9, 9, 1]);
    });

    test('annotated: a handler without ack answers with an event (through the bean proxy)', T, async () => {
      const got = nextEvent(ann, 'notified');
      ann.emit('notify', ['hello', 'from', 'node']);
      assert.deepEqual(await got, ['hello from node']);
    });

    test('annotated: socket.disconnect() in a handler, @OnDisconnect with the reason', T, async () => {
      const [other] = await connectAndReceive(mode, '/annotated', 'welcome');
      const id = other.id;
      const peer = nextEventWhere(ann, 'peer-left', (who) => who === id);
      const gone = nextEvent(other, 'disconnect');
      other.emit('disconnect-me');
      assert.equal((await gone)[0], 'io server disconnect');
      assert.deepEqual(await peer, [id, 'server namespace disconnect']);
    });

    test('fluent: a record bound by JSON-B (socket.on(event, type, handler)), a record as the ack', T, async () => {
      const s = socket(mode, '/interop');
      await connected(s);
      const reply = await emitAck(s, 'typed-order', { item: 'coffee', quantity: 2, price: 2.25 });
      assert.deepStrictEqual(reply, [{ bound: true, item: 'coffee', quantity: 2, total: 4.5 }]);
    });
  });
}
