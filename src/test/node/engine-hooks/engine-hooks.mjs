// io.engine() hooks in the container (EngineHooksIT), against the conformance fixture with EngineHooksFixture on:
// onInitialHeaders sets X-Fixture-Initial and onHeaders X-Fixture-Every (each to the request's method), generateId
// makes ids starting with "fx-", initialPacket is an EVENT "welcome" for "/", and /engine-hooks answers
// "connection-errors" with what onConnectionError heard.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import WebSocket from 'ws';
import { Socket as EngineSocket } from 'engine.io-client';
import { Manager } from 'socket.io-client';

const BASE = new URL(process.env.TIDEWIRE_URL ?? 'http://127.0.0.1:3000/');
const ORIGIN = BASE.origin;
const PATH = BASE.pathname.replace(/\/$/, '') + '/socket.io/';
const HTTP_URL = `${ORIGIN}${PATH}`;
const WS_URL = HTTP_URL.replace(/^http/, 'ws');
const INITIAL_PACKET = '2["welcome","from initialPacket"]';
const WAIT_MS = 5000; // an upper bound for waiting, never an expectation of speed

const closers = [];
after(() => closers.forEach((close) => close()));

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no ${what}`)), WAIT_MS); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A polling handshake: its answer's headers and the session id from the open packet. */
async function pollingHandshake() {
  const r = await fetch(`${HTTP_URL}?EIO=4&transport=polling`);
  assert.equal(r.status, 200);
  const body = await r.text();
  assert.match(body, /^0\{/, body);
  const open = JSON.parse(body.slice(1).split('\x1e')[0]);
  return { headers: r.headers, sid: open.sid };
}

/** Opens a raw WebSocket and resolves with its 101 answer's headers (lower-case names). */
function openWs(query) {
  return withTimeout(new Promise((resolve, reject) => {
    const ws = new WebSocket(`${WS_URL}?EIO=4&transport=websocket${query}`, { perMessageDeflate: false });
    closers.push(() => ws.terminate());
    // collected from the start: frames that arrive with the 101 are emitted before an awaiting caller resumes
    const messages = [];
    const waiters = [];
    ws.on('message', (data) => { messages.push(data.toString()); waiters.forEach((check) => check()); });
    const firstMessages = (n) => new Promise((done) => {
      const check = () => { if (messages.length >= n) done(messages.slice(0, n)); };
      waiters.push(check);
      check();
    });
    ws.once('upgrade', (response) => resolve({ ws, headers: response.headers, firstMessages }));
    ws.once('error', reject);
  }), '101');
}

test('the polling handshake answer has the initial headers and the per-request ones, and a generated id', async () => {
  const { headers, sid } = await pollingHandshake();
  assert.equal(headers.get('x-fixture-initial'), 'GET');
  assert.equal(headers.get('x-fixture-every'), 'GET');
  assert.match(sid, /^fx-[0-9a-f-]{36}$/);
});

test('later polling requests of the session have the per-request headers only', async () => {
  const { sid } = await pollingHandshake();
  const post = await fetch(`${HTTP_URL}?EIO=4&transport=polling&sid=${sid}`, { method: 'POST', body: '40' });
  assert.equal(post.status, 200);
  assert.equal(post.headers.get('x-fixture-every'), 'POST');
  assert.equal(post.headers.get('x-fixture-initial'), null);
  const poll = await fetch(`${HTTP_URL}?EIO=4&transport=polling&sid=${sid}`);
  assert.equal(poll.status, 200);
  assert.equal(poll.headers.get('x-fixture-every'), 'GET');
  assert.equal(poll.headers.get('x-fixture-initial'), null);
  await poll.text();
});

test('the 101 of a WebSocket opened without a session has both headers, and its open packet the generated id',
  async () => {
    const { headers, firstMessages } = await openWs('');
    assert.equal(headers['x-fixture-initial'], 'GET');
    assert.equal(headers['x-fixture-every'], 'GET');
    const [open, initial] = await withTimeout(firstMessages(2), 'open packet and initial packet');
    assert.match(JSON.parse(open.slice(1)).sid, /^fx-/);
    assert.equal(initial, `4${INITIAL_PACKET}`, 'the initial packet follows the open packet');
  });

test('the 101 of an upgrade from polling has the per-request headers only', async () => {
  const { sid } = await pollingHandshake();
  const { headers } = await openWs(`&sid=${sid}`);
  assert.equal(headers['x-fixture-every'], 'GET');
  assert.equal(headers['x-fixture-initial'], undefined);
});

for (const transports of [['polling'], ['websocket']]) {
  test(`engine.io-client over ${transports}: the first message is the initial packet`, async () => {
    const socket = new EngineSocket(ORIGIN, { path: PATH, transports, upgrade: false });
    closers.push(() => socket.close());
    const first = await withTimeout(new Promise((resolve, reject) => {
      socket.once('message', resolve);
      socket.once('error', reject);
    }), 'message');
    assert.equal(first, INITIAL_PACKET);
    assert.match(socket.id, /^fx-/);
  });
}

for (const transports of [['polling'], ['websocket'], ['polling', 'websocket']]) {
  test(`socket.io-client over ${transports}: connects with a generated engine id and gets the initial EVENT`,
    async () => {
      const m = new Manager(ORIGIN, { path: PATH, transports, reconnection: false, timeout: WAIT_MS });
      closers.push(() => m.engine?.close());
      const s = m.socket('/');
      const welcome = withTimeout(new Promise((resolve) => s.once('welcome', resolve)), 'welcome');
      await withTimeout(new Promise((resolve, reject) => {
        s.once('connect', resolve);
        s.once('connect_error', reject);
      }), 'connect');
      assert.equal(await welcome, 'from initialPacket');
      assert.match(m.engine.id, /^fx-/);
      const back = new Promise((resolve) => s.once('message-back', resolve));
      s.emit('message', 'still served');
      assert.equal(await withTimeout(back, 'message-back'), 'still served');
    });
}

test('onConnectionError hears refused requests, which are answered without the hooks\' headers', async () => {
  const unknownSid = `nope-${crypto.randomUUID()}`;
  const unknown = await fetch(`${HTTP_URL}?EIO=4&transport=polling&sid=${unknownSid}`);
  assert.equal(unknown.status, 400);
  assert.deepEqual(await unknown.json(), { code: 1, message: 'Session ID unknown' });
  assert.equal(unknown.headers.get('x-fixture-every'), null);
  const marker = crypto.randomUUID();
  const badTransport = await fetch(`${HTTP_URL}?EIO=4&transport=carrier-pigeon&marker=${marker}`);
  assert.equal(badTransport.status, 400);
  assert.deepEqual(await badTransport.json(), { code: 0, message: 'Transport unknown' });

  const m = new Manager(ORIGIN, { path: PATH, transports: ['websocket'], reconnection: false, timeout: WAIT_MS });
  closers.push(() => m.engine?.close());
  const s = m.socket('/engine-hooks');
  const errors = await withTimeout(new Promise((resolve) => s.emit('connection-errors', resolve)), 'ack');
  const sidError = errors.find((e) => e.url.includes(unknownSid));
  assert.deepEqual(sidError && { code: sidError.code, message: sidError.message, method: sidError.method },
    { code: 1, message: 'Session ID unknown', method: 'GET' }, JSON.stringify(errors));
  const transportError = errors.find((e) => e.url.includes(marker));
  assert.deepEqual(transportError && { code: transportError.code, message: transportError.message },
    { code: 0, message: 'Transport unknown' }, JSON.stringify(errors));
});
