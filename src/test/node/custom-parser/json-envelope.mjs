// A Socket.IO parser of the application's own for socket.io-client, the JavaScript twin of the Java fixture
// dev.tidewire.fixture.JsonEnvelopeParser: each packet one text message, the JSON object
// {"type":2,"nsp":"/","id":1,"data":[...]} (id and data left out when absent), binary as {"_b64":"<base64>"}.
// socket.io-client's contract (as socket.io-parser and socket.io-msgpack-parser): an Encoder whose encode(packet)
// returns the messages, and a Decoder, an emitter of "decoded" packets, with add(message) and destroy().
import { EventEmitter } from 'node:events';

export const protocol = 5;

const BINARY_KEY = '_b64';

function isBinary(value) {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function toBase64(value) {
  const view = value instanceof ArrayBuffer ? new Uint8Array(value)
    : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return Buffer.from(view).toString('base64');
}

/** A value as JSON would carry it, binary as {"_b64": ...} at any depth. */
function toWire(value) {
  if (isBinary(value)) return { [BINARY_KEY]: toBase64(value) };
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : toWire(v)));
  if (value !== null && typeof value === 'object') {
    if (typeof value.toJSON === 'function') return value.toJSON(); // a Date, as JSON.stringify writes it
    const out = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v);
    return out;
  }
  return value;
}

function fromWire(value) {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && typeof value[BINARY_KEY] === 'string') return Buffer.from(value[BINARY_KEY], 'base64');
    const out = {};
    for (const k of keys) out[k] = fromWire(value[k]);
    return out;
  }
  return value;
}

export class Encoder {
  encode(packet) {
    const envelope = { type: packet.type, nsp: packet.nsp };
    if (packet.id !== undefined) envelope.id = packet.id;
    if (packet.data !== undefined) envelope.data = toWire(packet.data);
    return [JSON.stringify(envelope)];
  }
}

export class Decoder extends EventEmitter {
  add(message) {
    if (typeof message !== 'string') throw new Error('a binary message; this format sends text only');
    const envelope = JSON.parse(message);
    if (!Number.isInteger(envelope.type) || envelope.type < 0 || envelope.type > 4) {
      throw new Error('invalid packet type');
    }
    if (typeof envelope.nsp !== 'string') throw new Error('invalid namespace');
    if (envelope.id !== undefined && !Number.isInteger(envelope.id)) throw new Error('invalid packet id');
    const packet = { type: envelope.type, nsp: envelope.nsp };
    if (envelope.id !== undefined) packet.id = envelope.id;
    if (envelope.data !== undefined) packet.data = fromWire(envelope.data);
    this.emit('decoded', packet);
  }

  destroy() {
    this.removeAllListeners();
  }
}
