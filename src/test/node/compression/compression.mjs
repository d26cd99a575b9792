// Compression against a deployment with tidewire.perMessageDeflate=true (CompressionIT; the reference's heartbeat, so
// that no ping shares a poll with what a test checks): per-message deflate negotiated with `ws` and socket.io-client,
// events, acks and binary through compressed frames both ways, the threshold on the wire, and polling answers in the
// coding the client's Accept-Encoding prefers, uncompressed when the server emitted with compress(false).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import WebSocket from 'ws';
import { Manager } from 'socket.io-client';

const BASE = new URL(process.env.TIDEWIRE_URL ?? 'http://127.0.0.1:3000/');
const PATH = BASE.pathname.replace(/\/$/, '') + '/socket.io/';
const BIG = 'x'.repeat(3000);

const closers = [];
after(() => { for (const close of closers) close(); });

function wsUrl(query) {
  return `ws://${BASE.host}${PATH}?${query}`;
}

function openWs(options) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl('EIO=4&transport=websocket'), options);
    closers.push(() => ws.terminate());
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

test('ws offering permessage-deflate gets it', async () => {
  const ws = await openWs({ perMessageDeflate: true });
  assert.match(ws.extensions, /^permessage-deflate/, `negotiated: "${ws.extensions}"`);
  ws.close();
});

test('an offer that narrows the server window below 15 bits is declined', async () => {
  const ws = await openWs({ perMessageDeflate: { serverMaxWindowBits: 10 } });
  assert.equal(ws.extensions, '');
  ws.close();
});

test('a client that offers no extension gets none', async () => {
  const ws = await openWs({ perMessageDeflate: false });
  assert.equal(ws.extensions, '');
  ws.close();
});

function client(transports) {
  const m = new Manager(BASE.origin, { path: PATH, transports, upgrade: false, reconnection: false, timeout: 5000 });
  closers.push(() => m.engine?.close());
  return m;
}

function connect(m, nsp = '/') {
  const s = m.socket(nsp);
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

test('socket.io-client over compressed WebSocket: events, acks and binary both ways', async () => {
  const m = client(['websocket']);
  const s = await connect(m);
  // socket.io-client on Node offers permessage-deflate (threshold 1024) by default
  assert.match(m.engine.transport.ws.extensions, /^permessage-deflate/);
  const bytes = crypto.randomBytes(5000);
  const text = 'é€'.repeat(2000);
  const back = new Promise((resolve) => s.once('message-back', (...args) => resolve(args)));
  s.emit('message', text, bytes, 'small');
  const [t, b, small] = await back;
  assert.equal(t, text);
  assert.deepEqual(Buffer.from(b), bytes);
  assert.equal(small, 'small');
  const acked = await new Promise((resolve, reject) => s.timeout(5000).emit('message-with-ack', BIG, bytes,
    (err, ...args) => (err ? reject(err) : resolve(args))));
  assert.equal(acked[0], BIG);
  assert.deepEqual(Buffer.from(acked[1]), bytes);
  s.disconnect();
});

/**
 * A raw WebSocket over TCP that offers permessage-deflate without server context takeover, so that each compressed
 * message inflates on its own; it reads frame headers as they are (RSV1: compressed).
 */
function rawDeflateSocket() {
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(BASE.port || 80), BASE.hostname);
    closers.push(() => sock.destroy());
    const key = crypto.randomBytes(16).toString('base64');
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    const frames = [];
    const waiters = [];
    sock.on('error', reject);
    sock.on('connect', () => {
      sock.write(`GET ${PATH}?EIO=4&transport=websocket HTTP/1.1\r\nHost: ${BASE.host}\r\nUpgrade: websocket\r\n`
        + `Connection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n`
        + 'Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover\r\n\r\n');
    });
    sock.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.subarray(0, end).toString();
        buffer = buffer.subarray(end + 4);
        upgraded = true;
        if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(head));
        resolve({ head, next, send });
      }
      while (buffer.length >= 2) {
        let len = buffer[1] & 0x7f;
        let offset = 2;
        if (len === 126) { if (buffer.length < 4) return; len = buffer.readUInt16BE(2); offset = 4; }
        else if (len === 127) { if (buffer.length < 10) return; len = Number(buffer.readBigUInt64BE(2)); offset = 10; }
        if (buffer.length < offset + len) return;
        const frame = { fin: (buffer[0] & 0x80) !== 0, rsv1: (buffer[0] & 0x40) !== 0, opcode: buffer[0] & 0x0f,
          payload: buffer.subarray(offset, offset + len) };
        buffer = buffer.subarray(offset + len);
        const waiter = waiters.shift();
        if (waiter) waiter(frame); else frames.push(frame);
      }
    });
    function next(ms = 5000) {
      if (frames.length) return Promise.resolve(frames.shift());
      return new Promise((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no frame within ${ms} ms`)), ms);
        waiters.push((f) => { clearTimeout(timer); res(f); });
      });
    }
    function send(text, { compressed = false } = {}) { // a masked text frame, compressed (RSV1) on demand
      let payload = Buffer.from(text);
      if (compressed) {
        payload = zlib.deflateRawSync(payload, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
        payload = payload.subarray(0, payload.length - 4); // RFC 7692: without the sync flush's 00 00 ff ff
      }
      const first = compressed ? 0xc1 : 0x81;
      const mask = crypto.randomBytes(4);
      const header = payload.length < 126 ? Buffer.from([first, 0x80 | payload.length])
        : Buffer.from([first, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
      const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]));
      sock.write(Buffer.concat([header, mask, masked]));
    }
  });
}

function inflated(frame) {
  return zlib.inflateRawSync(Buffer.concat([frame.payload, Buffer.from([0x00, 0x00, 0xff, 0xff])]),
    { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString();
}

test('on the wire: messages below the threshold go uncompressed, larger ones compressed', async () => {
  const c = await rawDeflateSocket();
  assert.match(c.head, /sec-websocket-extensions: permessage-deflate/i, c.head);
  const open = await c.next();
  assert.equal(open.rsv1, false, 'the open packet is below the threshold');
  assert.match(open.payload.toString(), /^0\{"sid":/);
  c.send('40');
  const connectReply = await c.next();
  assert.equal(connectReply.rsv1, false);
  assert.match(connectReply.payload.toString(), /^40\{"sid":/);
  const auth = await c.next(); // the fixture sends every socket its handshake auth on connection
  assert.equal(auth.rsv1, false);
  assert.equal(auth.payload.toString(), '42["auth",{}]');
  c.send(`42["message","${BIG}"]`);
  const big = await c.next();
  assert.equal(big.rsv1, true, 'a 3000-byte message is compressed');
  assert.ok(big.payload.length < 500, `compressed to ${big.payload.length} bytes`);
  assert.equal(inflated(big), `42["message-back","${BIG}"]`);
  c.send('42["message","small"]');
  const small = await c.next();
  assert.equal(small.rsv1, false);
  assert.equal(small.payload.toString(), '42["message-back","small"]');
  c.send(`42["message","${BIG}"]`, { compressed: true }); // and the server inflates what the client compressed
  const back = await c.next();
  assert.equal(back.rsv1, true);
  assert.equal(inflated(back), `42["message-back","${BIG}"]`);
});

test('a compressed message that inflates past maxHttpBufferSize closes the connection with 1009', async () => {
  const c = await rawDeflateSocket();
  assert.match((await c.next()).payload.toString(), /^0\{"sid":/);
  const bomb = `42["message","${'x'.repeat(3_000_000)}"]`; // 3 MB inflated (maxHttpBufferSize 1e6), a few KB sent
  c.send(bomb, { compressed: true });
  let frame = await c.next();
  while (frame.opcode !== 0x8) frame = await c.next(); // a ping may come first
  assert.equal(frame.payload.readUInt16BE(0), 1009, `closed with ${frame.payload.readUInt16BE(0)}`);
});

/** One polling request: status, headers and raw body bytes (node:http neither adds nor decodes a coding). */
function request(method, query, { body, acceptEncoding } = {}) {
  return new Promise((resolve, reject) => {
    const headers = {};
    if (acceptEncoding !== undefined) headers['Accept-Encoding'] = acceptEncoding;
    if (body !== undefined) headers['Content-Type'] = 'text/plain;charset=UTF-8';
    const req = http.request({ host: BASE.hostname, port: BASE.port, method, path: `${PATH}?${query}`, headers },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      });
    req.on('error', reject);
    req.end(body);
  });
}

function decoded(r) {
  switch (r.headers['content-encoding']) {
    case undefined: return r.body.toString();
    case 'gzip': return zlib.gunzipSync(r.body).toString();
    case 'deflate': return zlib.inflateSync(r.body).toString(); // zlib format, as the reference's createDeflate
    default: throw new Error(`unexpected coding ${r.headers['content-encoding']}`);
  }
}

async function pollingSession(nsp) {
  const open = await request('GET', 'EIO=4&transport=polling');
  const sid = JSON.parse(open.body.toString().slice(1)).sid;
  const q = `EIO=4&transport=polling&sid=${sid}`;
  const prefix = nsp === '/' ? '' : `${nsp},`;
  assert.equal((await request('POST', q, { body: `40${prefix}` })).status, 200);
  const connected = decoded(await request('GET', q));
  assert.match(connected, new RegExp(`^40${prefix}\\{"sid":`), connected);
  // the fixture sends every socket its handshake auth on connection: read it before what a test checks
  if (!connected.includes('"auth"')) assert.match(decoded(await request('GET', q)), /^42(\/interop,)?\["auth"/);
  return {
    post: (packet) => request('POST', q, { body: packet }),
    poll: (acceptEncoding) => request('GET', q, { acceptEncoding }),
  };
}

for (const [acceptEncoding, expected] of [
  ['gzip, deflate, br', 'gzip'],
  ['deflate, gzip', 'deflate'],
  ['gzip;q=0.5, deflate', 'deflate'],
  ['br;q=1, gzip;q=0.8, deflate;q=0.9', 'deflate'],
  ['gzip;q=0, *', 'deflate'],
  ['identity', undefined],
  ['gzip;q=0, deflate;q=0', undefined],
]) {
  test(`a polling answer with Accept-Encoding "${acceptEncoding}" is ${expected ?? 'not compressed'}`, async () => {
    const c = await pollingSession('/');
    await c.post(`42["message","${BIG}"]`);
    const r = await c.poll(acceptEncoding);
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-encoding'], expected);
    assert.equal(decoded(r), `42["message-back","${BIG}"]`);
  });
}

test('a polling answer below the threshold is not compressed', async () => {
  const c = await pollingSession('/');
  await c.post('42["message","small"]');
  const r = await c.poll('gzip, deflate');
  assert.equal(r.headers['content-encoding'], undefined);
  assert.equal(r.body.toString(), '42["message-back","small"]');
});

for (const via of ['socket', 'broadcast']) {
  test(`compress(false) on a ${via} emit leaves a large polling answer uncompressed`, async () => {
    const c = await pollingSession('/interop');
    const z = 'z'.repeat(4000);
    await c.post(`42/interop,["compressed",{"size":4000,"compress":false,"via":"${via}"}]`);
    const off = await c.poll('gzip, deflate');
    assert.equal(off.headers['content-encoding'], undefined);
    assert.equal(off.body.toString(), `42/interop,["payload","${z}"]`);
    await c.post(`42/interop,["compressed",{"size":4000,"compress":true,"via":"${via}"}]`);
    const on = await c.poll('gzip, deflate');
    assert.equal(on.headers['content-encoding'], 'gzip');
    assert.equal(decoded(on), `42/interop,["payload","${z}"]`);
  });
}
