// Interop with the official engine.io-client against the conformance fixture's echo at /engine.io/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Socket } from 'engine.io-client';

const BASE = process.env.TIDEWIRE_URL ?? 'http://127.0.0.1:3000/';

function open(transports) {
  return new Promise((resolve, reject) => {
    const socket = new Socket(BASE, { path: '/engine.io/', transports });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function nextMessage(socket) {
  return new Promise((resolve) => socket.once('message', resolve));
}

for (const transports of [['polling'], ['websocket']]) {
  test(`text and binary echo over ${transports[0]} only`, async () => {
    const socket = await open(transports);
    try {
      assert.equal(socket.transport.name, transports[0]);
      socket.send('héllo 🌍');
      assert.equal(await nextMessage(socket), 'héllo 🌍');
      socket.send(Uint8Array.from([0, 1, 2, 255]));
      const echoed = await nextMessage(socket);
      assert.deepEqual([...new Uint8Array(echoed)], [0, 1, 2, 255]);
    } finally {
      socket.close();
    }
  });
}
