// A Node node of a mixed Redis Streams cluster, for RedisStreamsMixedClusterTest: a socket.io server with the
// reference's @socket.io/redis-streams-adapter and connection state recovery, and one socket.io-client connected to
// it. Same line protocol as redis-node.mjs: node cluster/redis-streams-node.mjs <redis url>, one JSON command per
// line on stdin ({id, cmd, ...}), one JSON line per event on stdout: {type: "ready", port, clientId},
// {type: "reply", id, result | error}, {type: "client-event", event, args} (the first client),
// {type: "recovered-client-event", event, args} (a client that asked to recover a session),
// {type: "server-side-event", event, args}. Binary values travel as {"$binary": "<base64>"}.
import { createServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import { fromWire, reportingClient, serveCommands, serveFixtures, write } from "./line-protocol.mjs";

const [redisUrl] = process.argv.slice(2);

// the adapter's own connections are duplicates of this client, so they carry its name too (see whenReading)
const clientName = `tidewire-node-${process.pid}`;
const redisClient = createClient({ url: redisUrl, name: clientName });
redisClient.on("error", (e) => process.stderr.write(`redis: ${e}\n`));
await redisClient.connect();

const httpServer = createServer();
const io = new Server(httpServer, {
  adapter: createAdapter(redisClient),
  connectionStateRecovery: { maxDisconnectionDuration: 60_000, skipMiddlewares: true },
});

serveFixtures(io);

await new Promise((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
const port = httpServer.address().port;

const newClient = (eventType, options = {}) => reportingClient(`http://127.0.0.1:${port}`, eventType, options);

const client = await newClient("client-event");
let recoverable = null;

const target = (room) => (room ? io.to(room) : io);

const serverSocketState = (id) => {
  const socket = io.of("/").sockets.get(id);
  return socket && { id, recovered: socket.recovered, rooms: [...socket.rooms], data: socket.data };
};

const commands = {
  serverCount: () => io.of("/").adapter.serverCount(),
  emit: ({ room, event, args = [] }) => {
    target(room).emit(event, ...fromWire(args));
    return true;
  },
  emitWithAck: ({ room, event, args = [], timeout = 5000 }) =>
    target(room).timeout(timeout).emitWithAck(event, ...fromWire(args)),
  fetchSockets: async ({ room }) =>
    (await (room ? io.in(room) : io).fetchSockets()).map((s) => ({
      id: s.id,
      rooms: [...s.rooms],
      data: s.data,
      address: s.handshake.address,
    })),
  serverSideEmitWithAck: ({ event, args = [] }) => io.serverSideEmitWithAck(event, ...fromWire(args)),
  // a second client, whose session the test then drops and recovers on another node
  connectRecoverable: async () => {
    recoverable = await newClient("recoverable-client-event");
    return recoverable.id;
  },
  // its private session id and the offset of the last event it got, as it would send them to recover
  recoverableState: () => ({ id: recoverable.id, pid: recoverable._pid, offset: recoverable._lastOffset }),
  // its connection is lost (a recoverable reason): the server keeps the session in Redis
  dropRecoverable: () => {
    recoverable.io.engine.close();
    return true;
  },
  // a new client asks to recover the session pid (kept by any node) with the offset of the last event it got
  recoverSession: async ({ pid, offset }) => {
    const recovered = await newClient("recovered-client-event", { auth: { pid, offset } });
    return { clientId: recovered.id, server: serverSocketState(recovered.id) };
  },
};

serveCommands(commands, async () => {
  client.close();
  recoverable?.close();
  io.close();
  await Promise.allSettled([redisClient.quit()]);
  process.exit(0);
});

// The adapter starts reading the stream at "$" once its reading connection is up: until then this node would miss
// entries. Ready only once that connection is blocked in XREAD.
const whenReading = async () => {
  for (;;) {
    const clients = String(await redisClient.sendCommand(["CLIENT", "LIST"])).split("\n");
    if (clients.some((c) => c.includes(`name=${clientName} `) && c.includes("cmd=xread"))) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
await whenReading();

write({ type: "ready", port, clientId: client.id });
