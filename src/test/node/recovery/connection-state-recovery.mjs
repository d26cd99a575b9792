// Connection state recovery with the official socket.io-client's own recovery, against /interop of a deployment
// that has it on (RecoveryIT), over each transport setting. Not a *.test.mjs file: the interop suite, whose server
// has recovery off, must not pick it up.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, socket, connected, nextEvent, emitAck, record, until, closeAll } from '../sio-helpers.mjs';

const T = { timeout: 20000 };

let serial = 0;

/** Resolves on the socket's next disconnect, with its reason. */
function disconnected(s) {
  return new Promise((resolve) => s.once('disconnect', (reason) => resolve(reason)));
}

for (const mode of MODES) {
  describe(`connection state recovery (${mode.name})`, () => {
    afterEach(closeAll);

    async function joined(room) {
      const s = socket(mode, '/interop');
      const events = record(s);
      const auth = nextEvent(s, 'auth');
      await connected(s);
      await auth; // the first event: the client now has an offset
      await emitAck(s, 'join', room);
      return { s, events };
    }

    test('a client whose connection drops gets its socket back, with the events sent meanwhile', T, async () => {
      const room = `recovery-${serial++}`;
      const { s, events } = await joined(room);
      const peer = socket(mode, '/interop');
      await connected(peer);
      const id = s.id;
      assert.equal(s.recovered, false);

      const gone = disconnected(s);
      s.io.engine.close(); // the Engine.IO connection closes: the server sees "transport close", recoverable
      assert.equal(await gone, 'forced close', 'the client names its own close so');
      await emitAck(peer, 'broadcast-to', { to: [room], event: 'missed', args: ['while away'] });

      const back = new Promise((resolve) => s.once('connect', resolve));
      s.connect();
      await back;
      assert.equal(s.recovered, true, 'the server restored the session');
      assert.equal(s.id, id, 'same socket id');
      await until(() => events.some(([e]) => e === 'missed'), 'the missed event');
      const [, ...args] = events.find(([e]) => e === 'missed');
      assert.equal(args[0], 'while away');
      assert.equal(typeof args[1], 'string', 'the offset, as the reference appends it');
      const rooms = await emitAck(s, 'rooms');
      assert.ok(rooms[0].includes(room), `still in ${room}: ${JSON.stringify(rooms)}`);
    });

    test('a client that disconnects on purpose starts afresh', T, async () => {
      const room = `fresh-${serial++}`;
      const { s } = await joined(room);
      const id = s.id;
      s.disconnect();
      const back = new Promise((resolve) => s.once('connect', resolve));
      s.connect();
      await back;
      assert.equal(s.recovered, false);
      assert.notEqual(s.id, id);
      const rooms = await emitAck(s, 'rooms');
      assert.ok(!rooms[0].includes(room), `a fresh socket is in none of the old rooms: ${JSON.stringify(rooms)}`);
    });
  });
}
