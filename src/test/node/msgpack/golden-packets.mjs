// Prints what the reference's encoder (socket.io-msgpack-parser 3.0.2, over its notepack.io 2.2.0) writes for the packets of
// MsgPackGoldenTest, one line each: `<name> <hex>`. Not a test: run it by hand (`node msgpack/golden-packets.mjs`
// in src/test/node) when the cases change, and copy its output into the Java test, which keeps it as data.
import parser from 'socket.io-msgpack-parser';

const encoder = new parser.Encoder();
const bytes = (...b) => Buffer.from(b);

// What the server sends, keys in the order of the reference's broadcasts (type, data, nsp, id): Tidewire's encoder
// must write these bytes exactly.
const SERVER = {
  'connect-reply': { type: 0, data: { sid: 'wZX3oN0bSVIhsaknAAAI' }, nsp: '/' },
  'connect-reply-with-pid': { type: 0, data: { sid: 'oSO0OpakMV_3jnilAAAA', pid: 'p-1' }, nsp: '/admin' },
  'connect-error': { type: 4, data: { message: 'Invalid namespace' }, nsp: '/random' },
  'connect-error-with-data': {
    type: 4, data: { message: 'not authorized', data: { code: 401, hint: 'send auth.token' } }, nsp: '/private',
  },
  'disconnect': { type: 1, nsp: '/chat' },
  'event': { type: 2, data: ['news', 'hello'], nsp: '/' },
  'event-with-ack': { type: 2, data: ['question', 1], nsp: '/admin', id: 7 },
  'ack': { type: 3, data: ['answer', null, true, false], nsp: '/', id: 13 },
  'large-ack-id': { type: 3, data: [], nsp: '/', id: 2147483647 },
  'binary': { type: 2, data: ['bin', bytes(1, 2, 3), { file: bytes(0, 255), empty: bytes() }], nsp: '/' },
  'integers': {
    type: 2,
    data: ['int', 0, 1, 127, 128, 255, 256, 65535, 65536, 4294967295, 4294967296, 2 ** 53 - 1, 2 ** 60,
      -1, -32, -33, -128, -129, -32768, -32769, -(2 ** 31), -(2 ** 31) - 1, -(2 ** 53) + 1, -(2 ** 60)],
    nsp: '/',
  },
  'floats': {
    type: 2,
    data: ['float', 1.5, -273.15, 0.1, 0.1 + 0.2, 1.5e-7, Number.MIN_VALUE, Infinity, -Infinity, -0],
    nsp: '/',
  },
  'strings': {
    type: 2,
    data: ['', 'héllo wörld — 日本語', '🌍🚀', 'a'.repeat(31), 'a'.repeat(32), 'b'.repeat(255), 'c'.repeat(256)],
    nsp: '/',
  },
  'containers': {
    type: 2,
    data: ['c', [], {}, Array.from({ length: 15 }, (_, i) => i), Array.from({ length: 16 }, (_, i) => i),
      Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, i])), { a: { b: [{ c: null }] } }],
    nsp: '/',
  },
  'dates': {
    type: 2,
    data: ['d', new Date(0), new Date(1700000000000), new Date(1700000000123), new Date(-1),
      new Date(2 ** 34 * 1000)],
    nsp: '/',
  },
};

// What socket.io-client sends (its packets as it builds them, `options` included): Tidewire's decoder must read these.
const CLIENT = {
  // socket.io-client leaves `data` undefined without auth, and notepack 2.2 writes it so
  'client-connect': { type: 0, data: undefined, nsp: '/' },
  'client-connect-recovering': { type: 0, data: { pid: 'p-1', offset: undefined, token: 't' }, nsp: '/' },
  'client-connect-auth': { type: 0, data: { token: '123' }, nsp: '/admin' },
  'client-event': { type: 2, data: ['hello', 1, 2.5, 'x', null, true, { a: [1] }], options: { compress: true }, nsp: '/' },
  'client-event-ack': { type: 2, data: ['hello'], options: { compress: true }, id: 0, nsp: '/' },
  'client-event-binary': {
    type: 2, data: ['up', bytes(1, 2, 3, 4), { nested: [bytes(9)] }, Uint8Array.from([7, 8])], options: { compress: true },
    nsp: '/files',
  },
  'client-ack': { type: 3, id: 7, data: ['a', bytes(5, 6)], nsp: '/' },
  'client-disconnect': { type: 1, nsp: '/admin' },
  'client-undefined-and-date': { type: 2, data: ['u', undefined, { gone: undefined, kept: 1 }, new Date(1700000000123)], options: { compress: true }, nsp: '/' },
};

for (const [name, packet] of Object.entries({ ...SERVER, ...CLIENT })) {
  const encoded = encoder.encode(packet);
  if (encoded.length !== 1) throw new Error(`${name}: ${encoded.length} messages`);
  console.log(name, Buffer.from(encoded[0]).toString('hex'));
}
