package dev.tidewire.internal.admin;

import dev.tidewire.server.BroadcastOperator;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;
import dev.tidewire.server.SocketIoServer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The UI's commands, as the reference handles them on a Socket.IO v4 server, each acting on the sockets of a
 * namespace, all of them or, with a filter, those in that room (a socket id is a room):
 * <ul>
 *   <li>{@code emit(nsp, filter, event, ...args)}: broadcasts the event;</li>
 *   <li>{@code join(nsp, room, filter)} and {@code leave(nsp, room, filter)}: the sockets join or leave the room;</li>
 *   <li>{@code _disconnect(nsp, close, filter)}: the sockets are disconnected, with {@code close} their
 *   connections closed too.</li>
 * </ul>
 * A filter that is missing, null or empty means no filter. A command with arguments of the wrong type, for a namespace
 * that does not exist (the reference would create it), or that the server refuses (a reserved room or event name) is
 * logged and dropped; the admin socket stays connected.
 */
final class AdminCommands {
    private static final Logger LOG = System.getLogger("tidewire.admin");

    private final SocketIoServer io;

    AdminCommands(SocketIoServer io) {
        this.io = io;
    }

    void register(Socket adminSocket) {
        adminSocket.on("emit", (args, ack) -> run("emit", args, () -> {
            if (args.size() < 3) throw new MalformedCommandException("expected (nsp, filter, event, ...args)");
            String event = string(args, 2, "event");
            targets(args, 0, 1).emit(event, args.subList(3, args.size()).toArray());
        }));
        adminSocket.on("join", (args, ack) -> run("join", args, () -> {
            String room = string(args, 1, "room");
            targets(args, 0, 2).socketsJoin(room);
        }));
        adminSocket.on("leave", (args, ack) -> run("leave", args, () -> {
            String room = string(args, 1, "room");
            targets(args, 0, 2).socketsLeave(room);
        }));
        adminSocket.on("_disconnect", (args, ack) -> run("_disconnect", args, () -> {
            if (args.size() < 2 || !(args.get(1) instanceof Boolean close)) {
                throw new MalformedCommandException("close must be true or false");
            }
            targets(args, 0, 2).disconnectSockets(close);
        }));
    }

    private static void run(String command, List<Object> args, Runnable action) {
        try {
            action.run();
            LOG.log(Level.DEBUG, "admin command {0} {1}", command, args);
        } catch (MalformedCommandException | IllegalArgumentException e) {
            LOG.log(Level.INFO, "admin command {0} refused: {1}", command, e.getMessage());
        }
    }

    /** The sockets of the namespace named at {@code nspIndex}, narrowed to the room at {@code filterIndex} if any. */
    private BroadcastOperator targets(List<Object> args, int nspIndex, int filterIndex) {
        String name = string(args, nspIndex, "nsp");
        Namespace nsp = io.namespaces().get(name);
        if (nsp == null) throw new MalformedCommandException("no namespace " + name);
        Object filter = filterIndex < args.size() ? args.get(filterIndex) : null;
        if (filter == null || "".equals(filter)) return nsp.except(); // every socket: an operator with no room
        if (!(filter instanceof String room)) throw new MalformedCommandException("the filter must be a room or socket id");
        return nsp.in(room);
    }

    private static String string(List<Object> args, int index, String what) {
        if (index < args.size() && args.get(index) instanceof String s) return s;
        throw new MalformedCommandException(what + " must be a string");
    }

    /** A command whose arguments are not what the UI sends. */
    private static final class MalformedCommandException extends RuntimeException {
        MalformedCommandException(String message) {
            super(message, null, false, false);
        }
    }
}
