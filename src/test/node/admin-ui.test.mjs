// The Socket.IO Admin UI protocol (the server side of @socket.io/admin-ui, as Tidewire implements it) with the
// official socket.io-client, against the conformance fixture, whose /admin namespace has auth off and runs in
// development mode. The UI's own page is tested in a browser by browser/admin-ui.e2e.mjs.
import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { MODES, socket, connected, nextEvent, nextEventWhere, emitAck, closeAll } from './sio-helpers.mjs';

const T = { timeout: 20000 };
const WEBSOCKET = MODES[0]; // the protocol is the same on every transport; those are covered by the other suites

let serial = 0;

describe('Socket.IO Admin UI protocol', () => {
  afterEach(closeAll);

  async function interopClient() {
    const s = socket(WEBSOCKET, '/interop');
    await connected(s);
    return s;
  }

  /** An admin socket; the events it is sent on connection are recorded from the start. */
  function admin() {
    const s = socket(WEBSOCKET, '/admin');
    const first = {
      config: nextEvent(s, 'config'),
      allSockets: nextEvent(s, 'all_sockets'),
      stats: nextEvent(s, 'server_stats'),
    };
    // a test that does not wait for one of them must not fail later, when the socket is closed
    for (const p of Object.values(first)) p.catch(() => {});
    return { s, first };
  }

  test('an admin gets the config, every socket with its rooms, and the server stats', T, async () => {
    const client = await interopClient();
    const room = `admin-${++serial}`;
    await emitAck(client, 'join', room);
    const { s, first } = admin();
    await connected(s);

    const [config] = await first.config;
    for (const feature of ['EMIT', 'JOIN', 'LEAVE', 'DISCONNECT', 'AGGREGATED_EVENTS', 'ALL_EVENTS']) {
      assert.ok(config.supportedFeatures.includes(feature), `${feature} in ${JSON.stringify(config)}`);
    }
    const [sockets] = await first.allSockets;
    const listed = sockets.find((x) => x.id === client.id);
    assert.ok(listed, `${client.id} in all_sockets`);
    assert.equal(listed.nsp, '/interop');
    assert.ok(listed.rooms.includes(room), JSON.stringify(listed.rooms));
    assert.equal(listed.transport, 'websocket');

    const [stats] = await first.stats;
    assert.equal(typeof stats.serverId, 'string');
    assert.equal(typeof stats.pid, 'number');
    assert.ok(stats.clientsCount >= 2, JSON.stringify(stats));
    const interop = stats.namespaces.find((n) => n.name === '/interop');
    assert.ok(interop && interop.socketsCount >= 1, JSON.stringify(stats.namespaces));
    assert.ok(Array.isArray(stats.aggregatedEvents));
  });

  test('the emit, join, leave and _disconnect commands reach the client they name', T, async () => {
    const client = await interopClient();
    const { s } = admin();
    await connected(s);
    const room = `by-admin-${++serial}`;

    const received = nextEvent(client, 'from-admin');
    s.emit('emit', '/interop', client.id, 'from-admin', 1, 'two');
    assert.deepEqual(await received, [1, 'two']);

    const joined = nextEventWhere(s, 'room_joined', (nsp, r, id) => r === room && id === client.id);
    s.emit('join', '/interop', room, client.id);
    await joined;
    assert.ok((await emitAck(client, 'rooms'))[0].includes(room));

    const left = nextEventWhere(s, 'room_left', (nsp, r, id) => r === room && id === client.id);
    s.emit('leave', '/interop', room, client.id);
    await left;
    assert.ok(!(await emitAck(client, 'rooms'))[0].includes(room));

    const id = client.id; // the client forgets it once disconnected
    const gone = nextEvent(client, 'disconnect');
    const noticed = nextEventWhere(s, 'socket_disconnected', (nsp, disconnectedId) => disconnectedId === id);
    s.emit('_disconnect', '/interop', false, id);
    assert.equal((await gone)[0], 'io server disconnect');
    const [nsp, , reason] = await noticed;
    assert.equal(nsp, '/interop');
    assert.equal(reason, 'server namespace disconnect');
  });

  test('in development mode an admin hears of new sockets and of the events they send', T, async () => {
    const { s } = admin();
    await connected(s);
    const client = socket(WEBSOCKET, '/interop');
    const connectedNotice = nextEventWhere(s, 'socket_connected', (x) => x.nsp === '/interop');
    await connected(client);
    const [listed] = await connectedNotice;
    assert.equal(listed.id, client.id);

    const received = nextEventWhere(s, 'event_received', (nsp, id) => id === client.id);
    await emitAck(client, 'rooms');
    const [nsp, , args] = await received;
    assert.equal(nsp, '/interop');
    assert.equal(args[0], 'rooms');
  });

  test('in development mode an admin hears of the events sent to sockets', T, async () => {
    const { s } = admin();
    await connected(s);
    const client = await interopClient();
    client.on('question-admin', (n, cb) => cb(n));
    const sent = nextEventWhere(s, 'event_sent', (nsp, id, args) => id === client.id && args[0] === 'question-admin');
    await emitAck(client, 'request-ack', { timeout: 3000, event: 'question-admin', args: [7] });
    const [nsp, , args] = await sent;
    assert.equal(nsp, '/interop');
    assert.deepEqual(args, ['question-admin', 7]);
  });
});
