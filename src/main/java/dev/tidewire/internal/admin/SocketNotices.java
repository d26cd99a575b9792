package dev.tidewire.internal.admin;

import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.server.RoomListener;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;
import dev.tidewire.server.SocketIoServer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Development mode: tells the admin namespace of every socket, room and event as it happens, as the reference's
 * verbose listeners do: {@code socket_connected(socket, date)}, {@code socket_updated({id, nsp, transport})} on an
 * upgrade, {@code socket_disconnected(nsp, id, reason, date)}, {@code room_joined} and
 * {@code room_left(nsp, room, id, date)}, {@code event_received} and {@code event_sent(nsp, id, [event, ...args],
 * date)} (neither for the admin namespace's own events). Hooked into every namespace, the admin one included, now and
 * as they are created; only when the Admin UI runs in development mode, so that otherwise no socket carries these
 * listeners.
 */
final class SocketNotices {
    private static final Logger LOG = System.getLogger("tidewire.admin");

    private final Namespace admin;
    private final Scheduler clock;
    private volatile boolean stopped;

    SocketNotices(Namespace admin, Scheduler clock) {
        this.admin = admin;
        this.clock = clock;
    }

    /** Hooks every namespace, now and as they are created (a child created anew is hooked again). */
    void hookAll(SocketIoServer io) {
        io.onEachNamespace(this::hook);
    }

    /** The listeners stay (a namespace cannot drop them) but say nothing more. */
    void stop() {
        stopped = true;
    }

    private void hook(Namespace nsp) {
        nsp.onConnection(socket -> connected(nsp, socket));
        nsp.addRoomListener(new RoomListener() {
            @Override
            public void onJoinRoom(String room, String socketId) {
                tell("room_joined", nsp.name(), room, socketId, now());
            }

            @Override
            public void onLeaveRoom(String room, String socketId) {
                tell("room_left", nsp.name(), room, socketId, now());
            }
        });
    }

    private void connected(Namespace nsp, Socket socket) {
        tell("socket_connected", SerializedSockets.of(socket), now());
        socket.conn().onUpgrade(transport -> {
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("id", socket.id());
            update.put("nsp", nsp.name());
            update.put("transport", transport);
            tell("socket_updated", update);
        });
        if (nsp != admin) {
            socket.onAny((event, args) -> tell("event_received", nsp.name(), socket.id(), eventAndArgs(event, args),
                    now()));
            socket.onAnyOutgoing((event, args) -> tell("event_sent", nsp.name(), socket.id(),
                    eventAndArgs(event, args), now()));
        }
        // while leaving, before the rooms are left: the UI hears of the disconnect before the room_left notices
        // it causes, in the order the reference sends them
        socket.onDisconnecting((s, reason) -> tell("socket_disconnected", nsp.name(), s.id(), reason.wireName(), now()));
    }

    /** The reference's {@code [event, ...args]}; empty for an EVENT packet that came without data (no name). */
    private static List<Object> eventAndArgs(String event, List<Object> args) {
        if (event == null) return List.of();
        List<Object> all = new ArrayList<>(args.size() + 1);
        all.add(event);
        all.addAll(args);
        return all;
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.nowMillis());
    }

    private void tell(String event, Object... args) {
        if (stopped) return;
        try {
            admin.emit(event, args);
        } catch (RuntimeException e) { // a value in socket.data() that cannot be written as JSON, say
            LOG.log(Level.WARNING, "admin notice " + event + " not sent", e);
        }
    }
}
