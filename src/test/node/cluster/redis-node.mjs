// A Node node of a mixed Redis cluster, for RedisMixedClusterTest: a socket.io server with the reference's
// @socket.io/redis-adapter, one socket.io-client connected to it, and the reference's @socket.io/redis-emitter.
// Usage: node cluster/redis-node.mjs <redis url> [key]
// It reads one JSON command per line on stdin ({id, cmd, ...}) and writes one JSON line per event on stdout:
// {type: "ready", port, clientId}, {type: "reply", id, result | error}, {type: "client-event", event, args},
// {type: "server-side-event", event, args}. Binary values travel as {"$binary": "<base64>"}.
import { createServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { Emitter } from "@socket.io/redis-emitter";
import { createClient } from "redis";
import { fromWire, reportingClient, serveCommands, serveFixtures, write } from "./line-protocol.mjs";

const [redisUrl, key = "socket.io"] = process.argv.slice(2);

const pubClient = createClient({ url: redisUrl });
const subClient = pubClient.duplicate();
const emitterClient = pubClient.duplicate();
for (const c of [pubClient, subClient, emitterClient]) c.on("error", (e) => process.stderr.write(`redis: ${e}\n`));
await Promise.all([pubClient.connect(), subClient.connect(), emitterClient.connect()]);

const httpServer = createServer();
const io = new Server(httpServer, { adapter: createAdapter(pubClient, subClient, { key }) });
const emitter = new Emitter(emitterClient, { key });

serveFixtures(io);

await new Promise((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
const port = httpServer.address().port;

const client = await reportingClient(`http://127.0.0.1:${port}`, "client-event");

const target = (room) => (room ? io.to(room) : io);

const commands = {
  serverCount: () => io.of("/").adapter.serverCount(),
  emit: ({ room, event, args = [] }) => {
    target(room).emit(event, ...fromWire(args));
    return true;
  },
  emitWithAck: ({ room, event, args = [], timeout = 5000 }) =>
    target(room).timeout(timeout).emitWithAck(event, ...fromWire(args)),
  emitterEmit: ({ room, event, args = [] }) => {
    (room ? emitter.to(room) : emitter).emit(event, ...fromWire(args));
    return true;
  },
  fetchSockets: async ({ room }) =>
    (await (room ? io.in(room) : io).fetchSockets()).map((s) => ({
      id: s.id,
      rooms: [...s.rooms],
      data: s.data,
      address: s.handshake.address,
    })),
  remoteJoin: async ({ socketId, room }) => {
    const [socket] = await io.in(socketId).fetchSockets();
    socket.join(room);
    return true;
  },
  remoteEmit: async ({ socketId, event, args = [] }) => {
    const [socket] = await io.in(socketId).fetchSockets();
    socket.emit(event, ...fromWire(args));
    return true;
  },
  // waits for the other nodes as long as the adapter's requestsTimeout (5 s)
  disconnectSockets: ({ room }) => {
    target(room).disconnectSockets();
    return true;
  },
  serverSideEmitWithAck: ({ event, args = [] }) => io.serverSideEmitWithAck(event, ...fromWire(args)),
  allRooms: async () => [...(await io.of("/").adapter.allRooms())],
  // the reference emitter's operations in full, for JavaEmitterToNodeTest: op is emit, socketsJoin, socketsLeave,
  // disconnectSockets or serverSideEmit (this one on the namespace, as the reference offers it)
  emitterOp: ({ op, nsp = "/", rooms = [], except = [], volatile = false, compress, event, args = [], joined = [],
                close = false }) => {
    const ofNsp = emitter.of(nsp);
    if (op === "serverSideEmit") {
      ofNsp.serverSideEmit(event, ...fromWire(args));
      return true;
    }
    let target = ofNsp.to(rooms).except(except);
    if (volatile) target = target.volatile;
    if (compress !== undefined) target = target.compress(compress);
    if (op === "emit") target.emit(event, ...fromWire(args));
    else if (op === "socketsJoin") target.socketsJoin(joined);
    else if (op === "socketsLeave") target.socketsLeave(joined);
    else if (op === "disconnectSockets") target.disconnectSockets(close);
    else throw new Error(`unknown emitter operation ${op}`);
    return true;
  },
  clientConnected: () => client.connected,
};

serveCommands(commands, async () => {
  client.close();
  io.close();
  await Promise.allSettled([pubClient.quit(), subClient.quit(), emitterClient.quit()]);
  process.exit(0);
});

write({ type: "ready", port, clientId: client.id });
