// Whether the default suite ran over compressed WebSocket frames. NodeInteropIT deploys the conformance fixture with
// tidewire.perMessageDeflate=true and a threshold of 0 and sets TIDEWIRE_EXPECT_DEFLATE=true: then every client that
// offers the extension (socket.io-client and ws on Node do) gets it, and even the smallest frame the server sends is
// compressed. Against a deployment without it, the offer is declined and frames go plain.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import crypto from 'node:crypto';
import { MODES, manager, closeAll } from './sio-helpers.mjs';

const EXPECT_DEFLATE = process.env.TIDEWIRE_EXPECT_DEFLATE === 'true';
const BASE = new URL(process.env.TIDEWIRE_URL ?? 'http://127.0.0.1:3000/');
const PATH = BASE.pathname.replace(/\/$/, '') + '/socket.io/';
const WAIT_MS = 5000; // an upper bound for waiting, never an expectation of speed

after(closeAll);

for (const mode of MODES.filter((m) => m.transports.includes('websocket'))) {
  test(`socket.io-client, ${mode.name}: permessage-deflate ${EXPECT_DEFLATE ? 'negotiated' : 'declined'}`, async () => {
    const m = manager(mode);
    const s = m.socket('/');
    await new Promise((resolve, reject) => {
      s.once('connect', resolve);
      s.once('connect_error', reject);
    });
    if (m.engine.transport.name !== 'websocket') {
      await new Promise((resolve) => m.engine.once('upgrade', resolve));
    }
    const extensions = m.engine.transport.ws.extensions;
    if (EXPECT_DEFLATE) assert.match(extensions, /^permessage-deflate/, `negotiated: "${extensions}"`);
    else assert.equal(extensions, '');
    const back = new Promise((resolve) => s.once('message-back', resolve));
    s.emit('message', 'through the extension');
    assert.equal(await back, 'through the extension');
  });
}

test(`the server's first frame (the open packet) is ${EXPECT_DEFLATE ? '' : 'not '}compressed`, async () => {
  const firstByte = await firstFrameByte();
  assert.equal(firstByte & 0x0f, 1, 'a text frame');
  assert.equal((firstByte & 0x40) !== 0, EXPECT_DEFLATE, `RSV1 in first byte 0x${firstByte.toString(16)}`);
});

/** Opens a raw WebSocket that offers permessage-deflate and resolves with the first byte of the first frame. */
function firstFrameByte() {
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(BASE.port || 80), BASE.hostname);
    const timer = setTimeout(() => { sock.destroy(); reject(new Error('no frame')); }, WAIT_MS);
    let buffer = Buffer.alloc(0);
    sock.on('error', reject);
    sock.on('connect', () => sock.write(`GET ${PATH}?EIO=4&transport=websocket HTTP/1.1\r\nHost: ${BASE.host}\r\n`
      + 'Upgrade: websocket\r\nConnection: Upgrade\r\n'
      + `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n`
      + 'Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n'));
    sock.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0 || buffer.length < end + 5) return;
      clearTimeout(timer);
      sock.destroy();
      const head = buffer.subarray(0, end).toString();
      if (!head.startsWith('HTTP/1.1 101')) reject(new Error(head));
      else resolve(buffer[end + 4]);
    });
  });
}
