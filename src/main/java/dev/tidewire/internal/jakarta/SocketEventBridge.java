package dev.tidewire.internal.jakarta;

import dev.tidewire.jakarta.events.RoomJoined;
import dev.tidewire.jakarta.events.RoomLeft;
import dev.tidewire.jakarta.events.SocketConnected;
import dev.tidewire.jakarta.events.SocketDisconnected;
import dev.tidewire.jakarta.events.SocketEvent;
import dev.tidewire.server.RoomListener;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;
import dev.tidewire.server.SocketIoServer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Turns what happens on a server's namespaces into {@link SocketEvent}s for a {@link SocketEventSink}: only the kinds
 * asked for, on every namespace, those created later included. Container-free; the threading it gives observers is
 * described on {@link SocketEvent}.
 */
final class SocketEventBridge {
    private static final Logger LOG = System.getLogger("tidewire.socketio");

    private final Set<Class<? extends SocketEvent>> kinds;
    private final SocketEventSink sink;

    SocketEventBridge(Set<Class<? extends SocketEvent>> kinds, SocketEventSink sink) {
        this.kinds = Set.copyOf(kinds);
        this.sink = sink;
    }

    /** Fires these kinds of events of every namespace of {@code io} into {@code sink}; with no kind, adds nothing. */
    static void install(SocketIoServer io, Set<Class<? extends SocketEvent>> kinds, SocketEventSink sink) {
        if (kinds.isEmpty()) return;
        SocketEventBridge bridge = new SocketEventBridge(kinds, sink);
        io.onEachNamespace(bridge::attach);
    }

    private void attach(Namespace namespace) {
        // a blocking listener on purpose, whichever kind is observed: CONNECTs, and the joins of the application's
        // connection listeners, then run on the executor, where synchronous observers may block
        namespace.onConnection(this::connected);
        if (observes(RoomJoined.class) || observes(RoomLeft.class)) {
            namespace.addRoomListener(new Rooms(namespace));
        }
    }

    private void connected(Socket socket) {
        // registered whichever kind is observed: a socket with a disconnect listener leaves its rooms on the executor,
        // so RoomLeft observers never run on a closing I/O thread
        socket.onDisconnect((s, reason) -> {
            if (observes(SocketDisconnected.class)) deliver(new SocketDisconnected(s, reason));
        });
        if (observes(SocketConnected.class)) deliver(new SocketConnected(socket));
    }

    private boolean observes(Class<? extends SocketEvent> kind) {
        return kinds.contains(kind);
    }

    /** An observer's exception stops here: the connect, join or leave goes on. */
    private void deliver(SocketEvent event) {
        try {
            sink.fire(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an observer of " + event.getClass().getSimpleName() + " failed on socket "
                    + event.socket().id(), e);
        }
    }

    /** Room events of one namespace's adapter, for the application's rooms of its connected sockets. */
    private final class Rooms implements RoomListener {
        private final Namespace namespace;

        Rooms(Namespace namespace) {
            this.namespace = namespace;
        }

        @Override
        public void onJoinRoom(String room, String socketId) {
            if (observes(RoomJoined.class)) deliver(room, socketId, RoomJoined::new);
        }

        @Override
        public void onLeaveRoom(String room, String socketId) {
            if (observes(RoomLeft.class)) deliver(room, socketId, RoomLeft::new);
        }

        private void deliver(String room, String socketId, BiFunction<Socket, String, SocketEvent> event) {
            // the socket's own room and its user's room: the server's, from connect to disconnect
            if (room.equals(socketId) || Namespace.isReservedRoom(room)) return;
            Socket socket = namespace.sockets().get(socketId);
            // none yet, or no more: a middleware's join before the connection is accepted, or a refused socket
            if (socket != null) SocketEventBridge.this.deliver(event.apply(socket, room));
        }
    }
}
