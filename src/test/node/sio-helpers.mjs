// Shared helpers of the sio-*.test.mjs suites (not a test file itself): official socket.io-client against the
// conformance fixture at <TIDEWIRE_URL>socket.io/.
import { Manager } from 'socket.io-client';

const BASE = new URL(process.env.TIDEWIRE_URL ?? 'http://127.0.0.1:3000/');
export const ORIGIN = BASE.origin;
export const PATH = BASE.pathname.replace(/\/$/, '') + '/socket.io/';

/** The transport settings each suite runs under. */
export const MODES = [
  { name: 'websocket only', transports: ['websocket'], upgrade: false },
  { name: 'polling only', transports: ['polling'], upgrade: false },
  { name: 'polling then upgrade', transports: ['polling', 'websocket'], upgrade: true },
];

const opened = new Set();

/**
 * A new Manager (its own Engine.IO connection) for this mode; closed by closeAll(). `extra`: more Manager options,
 * e.g. `{ parser }` for another wire format.
 */
export function manager(mode, extra = {}) {
  const m = new Manager(ORIGIN, {
    path: PATH,
    transports: mode.transports,
    upgrade: mode.upgrade,
    reconnection: false,
    timeout: 5000,
    ...extra,
  });
  m.on('open', () => { m.openedOn = m.engine.transport.name; }); // the transport of the handshake
  opened.add(m);
  return m;
}

/** A socket on namespace `nsp` (a fresh connection unless `mgr` is given); not connected yet. */
export function socket(mode, nsp, { auth, mgr } = {}) {
  const m = mgr ?? manager(mode);
  return m.socket(nsp, auth === undefined ? {} : { auth });
}

/** The arguments of the next `event` on `s` whose arguments satisfy `predicate` (rejects after `ms`). */
export function nextEventWhere(s, event, predicate, ms = 5000) {
  return new Promise((resolve, reject) => {
    const listener = (...args) => {
      if (!predicate(...args)) return;
      clearTimeout(timer);
      s.off(event, listener);
      resolve(args);
    };
    const timer = setTimeout(() => {
      s.off(event, listener);
      reject(new Error(`no matching "${event}" within ${ms} ms`));
    }, ms);
    timer.unref(); // a wait no test awaits any more (its socket closed) must not hold the process open
    s.on(event, listener);
  });
}

/** Resolves once `s` is connected, rejects with the connect_error. */
export function connected(s) {
  return new Promise((resolve, reject) => {
    if (s.connected) return resolve(s);
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
    s.connect();
  });
}

/** Connects and resolves with [socket, firstEventArgs] for an event the server sends on connection. */
export async function connectAndReceive(mode, nsp, event, options = {}) {
  const s = socket(mode, nsp, options);
  const first = nextEvent(s, event);
  await connected(s);
  return [s, await first];
}

/** The arguments of the next `event` on `s` (rejects after `ms`). */
export function nextEvent(s, event, ms = 5000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms`)), ms);
    timer.unref(); // as in nextEventWhere
    s.once(event, (...args) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}

/** Resolves with the connect_error of a connection attempt that must fail. */
export function connectError(s) {
  return new Promise((resolve, reject) => {
    s.once('connect', () => reject(new Error('connected, but a connect_error was expected')));
    s.once('connect_error', resolve);
    s.connect();
  });
}

/** Emits with an ack callback and resolves with all the ack arguments. */
export function emitAck(s, event, ...args) {
  return new Promise((resolve, reject) => {
    s.timeout(5000).emit(event, ...args, (err, ...reply) => (err ? reject(err) : resolve(reply)));
  });
}

/** Records every incoming event of `s` as [event, ...args]. */
export function record(s) {
  const events = [];
  s.onAny((...e) => events.push(e));
  return events;
}

/** Waits until `predicate()` holds (polled), or fails after `ms`. */
export async function until(predicate, what, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** In upgrade mode: resolves once the connection runs on websocket. */
export function upgraded(s) {
  const engine = s.io.engine;
  if (engine.transport.name === 'websocket') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no upgrade within 5 s')), 5000);
    engine.once('upgrade', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Closes every connection opened through these helpers. */
export function closeAll() {
  for (const m of opened) {
    for (const s of Object.values(m.nsps ?? {})) s.disconnect();
    m.engine?.close();
  }
  opened.clear();
}

/** Bytes of a Buffer / ArrayBuffer / typed array, as a plain array (to compare). */
export function bytes(value) {
  if (value instanceof ArrayBuffer) return [...new Uint8Array(value)];
  if (ArrayBuffer.isView(value)) return [...new Uint8Array(value.buffer, value.byteOffset, value.byteLength)];
  throw new Error(`not binary: ${Object.prototype.toString.call(value)}`);
}

/** Whether the value arrived as binary (Buffer in Node; ArrayBuffer with binaryType arraybuffer). */
export function isBinary(value) {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}
