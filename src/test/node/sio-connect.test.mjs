// Namespace connection with the official socket.io-client: auth, middleware refusal, unknown and dynamic
// namespaces, over each transport setting.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  MODES, socket, connected, connectAndReceive, connectError, emitAck, nextEvent, upgraded, closeAll, manager,
  ORIGIN, PATH,
} from './sio-helpers.mjs';

const T = { timeout: 20000 }; // per test: a lost message fails the test instead of hanging the suite

for (const mode of MODES) {
  describe(`Socket.IO connection (${mode.name})`, () => {
    afterEach(closeAll);

    test('connects to / without auth: the handshake auth is {}', T, async () => {
      const [s, [auth]] = await connectAndReceive(mode, '/', 'auth');
      assert.deepEqual(auth, {});
      assert.equal(typeof s.id, 'string');
      assert.equal(s.id.length, 20);
      assert.notEqual(s.id, s.io.engine.id, 'the Socket.IO id is not the Engine.IO sid');
      assert.equal(s.io.openedOn, mode.transports[0]);
      if (!mode.upgrade) assert.equal(s.io.engine.transport.name, mode.transports[0]);
    });

    test('connects to / and /custom with auth, which the server echoes', T, async () => {
      const auth = { token: 'abc', n: 1, nested: { list: [1, 'two', null], ok: true } };
      const [, [a1]] = await connectAndReceive(mode, '/', 'auth', { auth });
      assert.deepEqual(a1, auth);
      const [, [a2]] = await connectAndReceive(mode, '/custom', 'auth', { auth: { other: 'ünï' } });
      assert.deepEqual(a2, { other: 'ünï' });
    });

    test('several namespaces over one connection get their own auth and ids', T, async () => {
      const mgr = manager(mode);
      const main = socket(mode, '/', { mgr, auth: { where: 'main' } });
      const custom = socket(mode, '/custom', { mgr, auth: { where: 'custom' } });
      const mainAuth = nextEvent(main, 'auth');
      const customAuth = nextEvent(custom, 'auth');
      await Promise.all([connected(main), connected(custom)]);
      assert.deepEqual(await mainAuth, [{ where: 'main' }]);
      assert.deepEqual(await customAuth, [{ where: 'custom' }]);
      assert.notEqual(main.id, custom.id);
      assert.equal(main.io, custom.io, 'multiplexed over one manager');
    });

    test('a middleware refusal arrives as connect_error with message and data', T, async () => {
      const err = await connectError(socket(mode, '/private'));
      assert.equal(err.message, 'not authorized');
      assert.deepEqual(err.data, { code: 401, hint: 'send auth.token' });
    });

    test('a middleware throwing a plain exception: its message, no data', T, async () => {
      const err = await connectError(socket(mode, '/private', { auth: { token: 'boom' } }));
      assert.equal(err.message, 'middleware failed');
      assert.equal(err.data, undefined);
    });

    test('the handshake as the server keeps it: issued, time, secure, xdomain, url, query', T, async () => {
      const s = socket(mode, '/interop');
      await connected(s);
      const [h] = await emitAck(s, 'handshake');
      assert.equal(typeof h.issued, 'number');
      assert.ok(Math.abs(h.issued - Date.now()) < 60000, `issued ${h.issued} is now (same host)`);
      assert.equal(Date.parse(h.time), h.issued - (h.issued % 1000), `time "${h.time}" is issued, to the second`);
      assert.equal(h.secure, new URL(ORIGIN).protocol === 'https:');
      assert.equal(h.xdomain, false, 'socket.io-client in Node sends no Origin header');
      assert.ok(h.url.startsWith(`${PATH}?`), h.url);
      assert.equal(h.query.EIO, '4');
      assert.equal(h.query.transport, mode.transports[0]);
      assert.equal(typeof h.address, 'string');
      assert.equal(typeof h.headers, 'object');
      assert.deepEqual(h.auth, {});
    });

    test('a middleware admitting a socket with a token', T, async () => {
      const [s, [auth]] = await connectAndReceive(mode, '/private', 'auth', { auth: { token: 't0k3n' } });
      assert.deepEqual(auth, { token: 't0k3n' });
      assert.deepEqual(await emitAck(s, 'whoami'), ['t0k3n']);
    });

    test('a refusal leaves the connection usable for other namespaces', T, async () => {
      const mgr = manager(mode);
      const err = await connectError(socket(mode, '/private', { mgr }));
      assert.equal(err.message, 'not authorized');
      const main = socket(mode, '/', { mgr });
      const auth = nextEvent(main, 'auth');
      await connected(main);
      assert.deepEqual(await auth, [{}]);
    });

    test('an unknown namespace: connect_error "Invalid namespace"', T, async () => {
      const err = await connectError(socket(mode, '/no-such-namespace'));
      assert.equal(err.message, 'Invalid namespace');
      const err2 = await connectError(socket(mode, '/dyn-abc'));
      assert.equal(err2.message, 'Invalid namespace', 'does not match /dyn-\\d+');
    });

    test('a dynamic namespace: children per name, the parent middleware and listeners, parent emit', T, async () => {
      const [one, hello1] = await connectAndReceive(mode, '/dyn-1', 'hello');
      assert.deepEqual(hello1, ['/dyn-1', 'parent middleware']);
      const [two, hello2] = await connectAndReceive(mode, '/dyn-22', 'hello');
      assert.deepEqual(hello2, ['/dyn-22', 'parent middleware']);
      assert.deepEqual(await emitAck(one, 'whoami'), ['/dyn-1']);
      assert.deepEqual(await emitAck(two, 'whoami'), ['/dyn-22']);
      const news1 = nextEvent(one, 'parent-news');
      const news2 = nextEvent(two, 'parent-news');
      assert.deepEqual(await emitAck(one, 'parent-emit', 'to all children', 7), ['sent']);
      assert.deepEqual(await news1, ['to all children', 7]);
      assert.deepEqual(await news2, ['to all children', 7]);
    });

    if (mode.upgrade) {
      test('the connection upgrades to websocket and keeps its sockets', T, async () => {
        const [s] = await connectAndReceive(mode, '/', 'auth');
        assert.equal(s.io.openedOn, 'polling');
        await upgraded(s);
        assert.equal(s.io.engine.transport.name, 'websocket');
        const back = nextEvent(s, 'message-back');
        s.emit('message', 'after upgrade');
        assert.deepEqual(await back, ['after upgrade']);
      });
    }
  });
}
