// Helpers of the Socket.IO v2 client suites (official socket.io-client 2.x, npm alias socket.io-client-v2: Engine.IO
// v3, Socket.IO protocol v4) against the conformance fixture at <TIDEWIRE_URL>socket.io/. Not a test file itself.
import ioV2 from 'socket.io-client-v2';
import { ORIGIN, PATH } from '../sio-helpers.mjs';

export { ORIGIN, PATH };

/** The transport settings each v2 suite runs under. */
export const MODES = [
  { name: 'websocket only', transports: ['websocket'], upgrade: false },
  { name: 'polling only', transports: ['polling'], upgrade: false },
  { name: 'polling then upgrade', transports: ['polling', 'websocket'], upgrade: true },
];

const opened = new Set();

/**
 * A v2 socket on `nsp` (which may carry a query, the v2 way of sending auth), on a connection of its own unless
 * `mgr` (a v2 Manager) is given. It connects at once (v2's autoConnect); attach listeners before awaiting anything.
 */
export function v2socket(mode, nsp, { mgr, ...extra } = {}) {
  const s = mgr
    ? mgr.socket(nsp)
    : ioV2(ORIGIN + nsp, {
      path: PATH,
      transports: mode.transports,
      upgrade: mode.upgrade,
      forceNew: true,
      reconnection: false,
      timeout: 5000,
      ...extra,
    });
  opened.add(s);
  return s;
}

/** A v2 Manager of its own (one Engine.IO connection) for this mode. */
export function v2manager(mode) {
  const m = new ioV2.Manager(ORIGIN, {
    path: PATH,
    transports: mode.transports,
    upgrade: mode.upgrade,
    reconnection: false,
    timeout: 5000,
  });
  opened.add({ close: () => m.engine?.close() });
  return m;
}

/** Resolves once the v2 socket is connected; rejects with a connect_error or a namespace error packet. */
export function v2connected(s, ms = 5000) {
  return new Promise((resolve, reject) => {
    if (s.connected) return resolve(s);
    const timer = setTimeout(() => reject(new Error(`not connected to ${s.nsp} within ${ms} ms`)), ms);
    const done = (f, v) => {
      clearTimeout(timer);
      s.off('connect', onConnect);
      s.off('connect_error', onError);
      s.off('error', onError);
      f(v);
    };
    const onConnect = () => done(resolve, s);
    const onError = (e) => done(reject, e instanceof Error ? e : Object.assign(new Error('error packet'), { data: e }));
    s.on('connect', onConnect);
    s.on('connect_error', onError);
    s.on('error', onError);
  });
}

/** The arguments of the next `event` on `s` (rejects after `ms`). */
export function next(s, event, ms = 5000) {
  return new Promise((resolve, reject) => {
    const listener = (...args) => {
      clearTimeout(timer);
      resolve(args);
    };
    const timer = setTimeout(() => {
      s.off(event, listener);
      reject(new Error(`no "${event}" within ${ms} ms`));
    }, ms);
    timer.unref(); // a wait no test awaits any more (its socket closed) must not hold the process open
    s.once(event, listener);
  });
}

/** Emits with an ack callback (v2 has no timeout()) and resolves with all the ack arguments. */
export function v2emitAck(s, event, ...args) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for "${event}" within 5000 ms`)), 5000);
    s.emit(event, ...args, (...reply) => {
      clearTimeout(timer);
      resolve(reply);
    });
  });
}

/** Records the given events of a v2 socket (v2 has no onAny) as [event, ...args]. */
export function v2record(s, ...names) {
  const events = [];
  for (const name of names) s.on(name, (...args) => events.push([name, ...args]));
  return events;
}

/** Resolves once the v2 socket's connection runs on websocket (after an upgrade if it began on polling). */
export function v2upgraded(s, ms = 5000) {
  const engine = s.io.engine;
  if (engine.transport.name === 'websocket') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no upgrade within ${ms} ms`)), ms);
    engine.once('upgrade', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Closes every v2 socket (and its connection) opened through these helpers. */
export function closeV2() {
  for (const s of opened) {
    s.close();
    s.io?.engine?.close();
  }
  opened.clear();
}
