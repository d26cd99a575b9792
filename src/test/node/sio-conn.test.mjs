// socket.conn() seen from the official socket.io-client: the conformance fixture's /conn namespace
// (ConnectionEventsNamespace) reports what its connection listeners see, over each transport setting. The fixture's
// heartbeat is 300 ms + 200 ms, so a ping round goes by every few hundred milliseconds.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, manager, connected, emitAck, nextEvent, closeAll } from './sio-helpers.mjs';

const T = { timeout: 20000 }; // per test: a lost report fails the test instead of hanging the suite
const WAIT_MS = 5000; // an upper bound for waiting, never an expectation of speed

/** Collects the `conn-event` reports of `s` and resolves `waitFor` once a report satisfies a predicate. */
function reports(s) {
  const seen = [];
  const waiters = [];
  s.on('conn-event', (e) => {
    seen.push(e);
    for (const w of [...waiters]) {
      if (w.predicate(seen)) {
        waiters.splice(waiters.indexOf(w), 1);
        clearTimeout(w.timer);
        w.resolve(seen);
      }
    }
  });
  return {
    seen,
    /** Resolves once `predicate(seen)` holds (checked at each report), rejects after WAIT_MS. */
    waitFor(predicate, what) {
      if (predicate(seen)) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const w = { predicate, resolve };
        w.timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          reject(new Error(`no ${what} within ${WAIT_MS} ms; seen: ${JSON.stringify(seen)}`));
        }, WAIT_MS);
        waiters.push(w);
      });
    },
  };
}

/** Whether `seen`, without the reports of received messages, holds `steps` one right after the other. */
function inARow(seen, steps) {
  const other = seen.filter((e) => !(e.event === 'packet' && e.type === 'message'));
  for (let i = 0; i + steps.length <= other.length; i++) {
    if (steps.every((step, k) => Object.entries(step).every(([key, v]) => other[i + k][key] === v))) return true;
  }
  return false;
}

const HEARTBEAT_ROUND = [
  { event: 'packetCreate', type: 'ping' },
  { event: 'packet', type: 'pong' },
  { event: 'heartbeat' },
];

async function connectedSocket(mode, extra = {}) {
  const m = manager(mode, extra);
  const s = m.socket('/conn');
  await connected(s);
  return s;
}

for (const mode of MODES) {
  describe(`socket.conn() (${mode.name})`, () => {
    afterEach(closeAll);

    test('its state: the session id, protocol 4, readyState open, the transport', T, async () => {
      const s = await connectedSocket(mode);
      const [state] = await emitAck(s, 'conn-state');
      assert.equal(state.id, s.io.engine.id);
      assert.equal(state.protocol, 4);
      assert.equal(state.readyState, 'open');
      if (mode.upgrade) assert.ok(['polling', 'websocket'].includes(state.transport), state.transport);
      else assert.equal(state.transport, mode.transports[0]);
      if (!mode.upgrade) {
        assert.equal(state.upgraded, false);
        assert.equal(state.upgrading, false);
      }
    });

    test('a heartbeat round: the ping created, the client\'s pong received, then the heartbeat', T, async () => {
      const s = await connectedSocket(mode);
      const r = reports(s);
      await emitAck(s, 'watch-conn');
      // a ping may already be out when the listeners are added: wait for a whole round, in this order
      await r.waitFor((seen) => inARow(seen, HEARTBEAT_ROUND), 'ping → pong → heartbeat');
      assert.ok(!r.seen.some((e) => e.event === 'packet' && e.type === 'ping'), 'a v4 client never pings');
    });

    test('the client\'s messages, text and binary, as the connection receives them', T, async () => {
      const s = await connectedSocket(mode);
      const r = reports(s);
      await emitAck(s, 'watch-conn');
      s.emit('hello', 'world');
      s.emit('bytes', Buffer.from([1, 2, 3, 4, 5]));
      const seen = await r.waitFor(
        (all) => all.some((e) => e.event === 'packet' && e.data?.binary === true), 'the binary attachment');
      const messages = seen.filter((e) => e.event === 'packet' && e.type === 'message').map((e) => e.data);
      assert.deepEqual(messages, [
        '2/conn,["hello","world"]',
        '51-/conn,["bytes",{"_placeholder":true,"num":0}]',
        { binary: true, length: 5 },
      ]);
    });

    if (mode.upgrade) {
      test('upgrading, then upgrade; upgraded() holds after', T, async () => {
        // the client probes only once the listeners are in place: with upgrade off at the handshake, its own probe
        // is started by hand afterwards (engine.io-client's _probe, what it runs on open when upgrade is on)
        const s = await connectedSocket(mode, { upgrade: false });
        const engine = s.io.engine;
        assert.equal(engine.transport.name, 'polling');
        const r = reports(s);
        const [before] = await emitAck(s, 'watch-conn');
        assert.equal(before.transport, 'polling');
        assert.equal(before.upgraded, false);
        const clientUpgraded = nextEvent(engine, 'upgrade');
        engine._probe('websocket');
        await clientUpgraded;
        const seen = await r.waitFor((all) => all.some((e) => e.event === 'upgrade'), 'upgrade');
        const upgradeEvents = seen.filter((e) => e.event === 'upgrading' || e.event === 'upgrade');
        assert.deepEqual(upgradeEvents, [
          { event: 'upgrading', transport: 'websocket' },
          { event: 'upgrade', transport: 'websocket', upgraded: true, current: 'websocket' },
        ]);
        const [after] = await emitAck(s, 'conn-state');
        assert.equal(after.transport, 'websocket');
        assert.equal(after.upgraded, true);
        assert.equal(after.upgrading, false);
        assert.equal(after.readyState, 'open');
      });
    }

    test('close: another socket hears "transport close" when a client closes its transport', T, async () => {
      const watcher = await connectedSocket(mode);
      const leaver = await connectedSocket(mode);
      const leaverId = leaver.id; // the client forgets it once disconnected
      const [answer] = await emitAck(watcher, 'watch-close', leaverId);
      assert.equal(answer, 'watching');
      const closed = nextEvent(watcher, 'conn-closed');
      leaver.io.engine.close();
      const [report] = await closed;
      assert.deepEqual(report, {
        id: leaverId, reason: 'transport close', description: null, readyState: 'closed',
      });
    });
  });
}
