// Interop with the official engine.io-client against the conformance fixture's echo at /engine.io/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Socket } from 'engine.io-client';

const BASE = process.env.TIDEWIRE_URL ?? 'http://127.0.0.1:3000/';
// an upper bound for waiting, never an expectation of speed
const WAIT_MS = 10_000;

function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${WAIT_MS} ms`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// modes: polling only, WebSocket only, polling then upgraded to WebSocket
const MODES = {
  polling: { transports: ['polling'], final: 'polling' },
  websocket: { transports: ['websocket'], final: 'websocket' },
  upgrade: { transports: ['polling', 'websocket'], final: 'websocket' },
};

async function open(mode) {
  const { transports } = MODES[mode];
  const socket = new Socket(BASE, { path: '/engine.io/', transports });
  const upgraded = mode === 'upgrade'
    ? new Promise((resolve) => socket.once('upgrade', (transport) => resolve(transport))) : null;
  await within(new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  }), 'open');
  if (mode === 'upgrade') {
    assert.equal(socket.transport.name, 'polling', 'an upgrading session opens over polling');
    const transport = await within(upgraded, "'upgrade' event");
    assert.equal(transport.name, 'websocket');
  }
  assert.equal(socket.transport.name, MODES[mode].final);
  return socket;
}

function nextMessage(socket) {
  return within(new Promise((resolve) => socket.once('message', resolve)), 'message');
}

function closed(socket) {
  return within(new Promise((resolve) => socket.once('close', (reason, details) => resolve({ reason, details }))),
    "'close' event");
}

for (const mode of Object.keys(MODES)) {
  test(`text and binary echo (${mode})`, async () => {
    const socket = await open(mode);
    try {
      // (no empty string: engine-io-parser decodes a bare "4" to data undefined; the raw Java ITs cover it)
      for (const text of ['hello', 'héllo wörld € 🌍', 'x'.repeat(5000)]) {
        socket.send(text);
        assert.equal(await nextMessage(socket), text);
      }
      for (const bytes of [[0, 1, 2, 255], [...Array(3000).keys()].map((i) => i % 256)]) {
        socket.send(Uint8Array.from(bytes));
        const echoed = await nextMessage(socket);
        assert.equal(typeof echoed, 'object', 'binary comes back as binary');
        assert.deepEqual([...new Uint8Array(echoed)], bytes);
      }
      assert.equal(socket.transport.name, MODES[mode].final);
    } finally {
      socket.close();
    }
  });

  test(`an idle connection outlives three ping intervals (${mode})`, async () => {
    const socket = await open(mode);
    let closeReason = null;
    socket.on('close', (reason) => { closeReason = reason; });
    let pings = 0;
    const threePings = new Promise((resolve) => socket.on('ping', () => { if (++pings === 3) resolve(); }));
    try {
      await sleep(1300); // pingInterval 300 + pingTimeout 200: a missed heartbeat would close it
      await within(threePings, 'third ping'); // the heartbeat really ran (waits on, if the server is slow)
      assert.equal(closeReason, null, `closed while idle: ${closeReason}`);
      socket.send('still here');
      assert.equal(await nextMessage(socket), 'still here');
    } finally {
      socket.close();
    }
  });

  test(`a server-side close is seen by the client (${mode})`, async () => {
    const socket = await open(mode);
    const sid = socket.id;
    assert.match(sid, /^[A-Za-z0-9_-]{20}$/);
    const seen = closed(socket);
    const res = await fetch(new URL(`fixture/close?sid=${encodeURIComponent(sid)}`, BASE), { method: 'POST' });
    assert.equal(res.status, 204);
    const { reason } = await seen;
    assert.equal(reason, 'transport close');
    assert.equal(socket.readyState, 'closed');
    // the session is gone on the server as well
    const again = await fetch(new URL(`fixture/close?sid=${encodeURIComponent(sid)}`, BASE), { method: 'POST' });
    assert.equal(again.status, 404);
  });
}
