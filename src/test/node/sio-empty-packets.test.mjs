// Socket.IO packets without data, which the reference's parser accepts and socket.io-client never sends, written by
// hand over the official engine.io-client to the conformance fixture: an EVENT without data (2, 21) leaves the
// connection up, and an ACK without data (3<id>) answers a server-requested ack with no arguments.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { Socket } from 'engine.io-client';
import { ORIGIN, PATH } from './sio-helpers.mjs';

const T = { timeout: 20000 }; // per test: a lost message fails the test instead of hanging the suite
const WAIT_MS = 5000; // an upper bound for waiting, never an expectation of speed

/** A raw Engine.IO connection to the Socket.IO endpoint; its messages wait in order for next(). */
async function open(transports) {
  const socket = new Socket(ORIGIN, { path: PATH, transports, upgrade: false });
  socket.inbox = [];
  socket.waiters = [];
  socket.on('message', (m) => {
    const waiter = socket.waiters.shift();
    if (waiter) waiter(m);
    else socket.inbox.push(m);
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return socket;
}

/** The next message that is not another socket's peer-left notice (the fixture tells every /interop socket). */
async function next(socket, what) {
  for (;;) {
    const m = await nextMessage(socket, what);
    if (!m.startsWith('2/interop,["peer-left"')) return m;
  }
}

function nextMessage(socket, what) {
  if (socket.inbox.length) return Promise.resolve(socket.inbox.shift());
  return new Promise((resolve, reject) => {
    const waiter = (m) => {
      clearTimeout(timer);
      resolve(m);
    };
    const timer = setTimeout(() => {
      socket.waiters.splice(socket.waiters.indexOf(waiter), 1);
      reject(new Error(`no ${what} within ${WAIT_MS} ms`));
    }, WAIT_MS);
    socket.waiters.push(waiter);
  });
}

for (const transports of [['websocket'], ['polling']]) {
  describe(`Socket.IO packets without data (${transports[0]})`, () => {
    let socket;
    afterEach(() => socket?.close());

    test('an EVENT without data, with or without ack id, leaves the connection up', T, async () => {
      socket = await open(transports);
      socket.send('0');
      assert.match(await next(socket, 'CONNECT reply'), /^0\{"sid":"/);
      assert.equal(await next(socket, 'auth event'), '2["auth",{}]');
      socket.send('2');
      socket.send('21');
      socket.send('2["message","after"]');
      assert.equal(await next(socket, 'echo'), '2["message-back","after"]', 'and nothing before it: no ack for 21');
      assert.equal(socket.readyState, 'open');
    });

    test('an ACK without data answers a server-requested ack with no arguments', T, async () => {
      socket = await open(transports);
      socket.send('0/interop,');
      assert.match(await next(socket, 'CONNECT reply'), /^0\/interop,\{"sid":"/);
      assert.equal(await next(socket, 'auth event'), '2/interop,["auth",{}]');
      socket.send('2/interop,1["request-ack",{"timeout":3000,"event":"question-raw"}]');
      const question = await next(socket, 'question');
      const id = /^2\/interop,(\d+)\["question-raw"\]$/.exec(question)?.[1];
      assert.ok(id, `a question with an ack id: ${question}`);
      socket.send(`3/interop,${id}`);
      assert.equal(await next(socket, 'outcome'), '3/interop,1[{"ok":true,"args":[]}]');
    });
  });
}
