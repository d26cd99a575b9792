// The line protocol of the Node nodes that Java tests drive (redis-node.mjs, redis-streams-node.mjs; see
// NodeRedisNode): one JSON command per line on stdin ({id, cmd, ...}), one JSON line per reply or event on stdout.
// Binary values travel as {"$binary": "<base64>"}.
import { createInterface } from "node:readline";
import { io as connectClient } from "socket.io-client";

export const write = (line) => process.stdout.write(JSON.stringify(line) + "\n");

export const toWire = (value) => {
  if (Buffer.isBuffer(value) || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    return { $binary: Buffer.from(value).toString("base64") };
  }
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  }
  return value;
};

export const fromWire = (value) => {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value && typeof value === "object") {
    if (typeof value.$binary === "string") return Buffer.from(value.$binary, "base64");
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromWire(v)]));
  }
  return value;
};

/** Answers each command line with {type: "reply", id, result | error}; `onClose` runs when stdin ends. */
export function serveCommands(commands, onClose) {
  const lines = createInterface({ input: process.stdin });
  lines.on("line", async (line) => {
    let id;
    try {
      const command = JSON.parse(line);
      id = command.id;
      const run = commands[command.cmd];
      if (!run) throw new Error(`unknown command ${command.cmd}`);
      write({ type: "reply", id, result: toWire(await run(command)) });
    } catch (e) {
      write({ type: "reply", id, error: String(e && e.message ? e.message : e) });
    }
  });
  lines.on("close", onClose);
}

/**
 * The test's fixtures on a socket.io server: each socket gets data.nick "nina" and room "node-room" (unless it
 * recovered them), and the server-side emit "ping" of the other nodes is reported and answered "pong from node".
 */
export function serveFixtures(io) {
  io.on("connection", (socket) => {
    if (socket.recovered) return; // its rooms and data came back with it
    socket.data.nick = "nina";
    socket.join("node-room");
  });
  io.on("ping", (...args) => {
    const ack = typeof args.at(-1) === "function" ? args.pop() : null;
    write({ type: "server-side-event", event: "ping", args: toWire(args) });
    if (ack) ack("pong from node");
  });
}

/**
 * A socket.io-client over WebSocket that reports each event it gets as {type: eventType, event, args} and answers
 * acks with "from node client"; resolves once connected.
 */
export function reportingClient(url, eventType, options = {}) {
  const client = connectClient(url, { transports: ["websocket"], reconnection: false, forceNew: true, ...options });
  client.onAny((event, ...args) => {
    const ack = typeof args.at(-1) === "function" ? args.pop() : null;
    write({ type: eventType, event, args: toWire(args) });
    if (ack) ack("from node client");
  });
  return new Promise((resolve, reject) => {
    client.on("connect", () => resolve(client));
    client.on("connect_error", reject);
  });
}
