// With tidewire.allowEIO3 off (the conformance deployment's default), the official Socket.IO v2 client
// (socket.io-client 2.x, Engine.IO v3) is refused at the Engine.IO handshake: error 5 "Unsupported protocol version".
// The v2 client does not show an HTTP body, so the body is checked on the same request made raw.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ORIGIN, PATH, socket, connected, emitAck, closeAll } from './sio-helpers.mjs';
import { MODES, v2socket, closeV2 } from './eio3/v2-helpers.mjs';

const T = { timeout: 20000 };

describe('Socket.IO v2 client, allowEIO3 off', () => {
  afterEach(() => {
    closeV2();
    closeAll();
  });

  for (const mode of MODES) {
    test(`refused at the handshake (${mode.name}); a v4 client is served`, T, async () => {
      const s = v2socket(mode, '/');
      const connects = [];
      s.on('connect', () => connects.push('connect'));
      const err = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no connect_error within 5 s')), 5000);
        s.once('connect_error', (e) => {
          clearTimeout(timer);
          resolve(e);
        });
      });
      if (mode.transports[0] === 'polling') {
        assert.equal(err.message, 'xhr poll error');
        assert.equal(err.description, 400, 'the handshake was answered 400');
      } else {
        assert.equal(err.message, 'websocket error');
      }
      assert.deepEqual(connects, []);
      assert.equal(s.connected, false);
      const v4 = socket({ transports: mode.transports, upgrade: mode.upgrade }, '/interop');
      await connected(v4);
      assert.deepEqual(await emitAck(v4, 'rooms'), [[]]);
    });
  }

  test('the v3 handshake gets error 5 "Unsupported protocol version"', T, async () => {
    const res = await fetch(`${ORIGIN}${PATH}?EIO=3&transport=polling&t=refused`);
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), { code: 5, message: 'Unsupported protocol version' });
  });
});
