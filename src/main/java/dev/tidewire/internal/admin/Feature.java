package dev.tidewire.internal.admin;

import java.util.ArrayList;
import java.util.List;

/** What the server tells the UI it supports, in the {@code config} event; the UI hides the actions not listed. */
enum Feature {
    EMIT, JOIN, LEAVE, DISCONNECT,
    /** The commands accept a room (not only a socket id) as their filter. */
    MJOIN, MLEAVE, MDISCONNECT,
    /** {@code server_stats} carries {@code aggregatedEvents}. */
    AGGREGATED_EVENTS,
    /** Sockets, rooms and events are reported one by one (development mode). */
    ALL_EVENTS;

    /** The reference's list for a Socket.IO v4 server: the commands unless read-only, then the event features. */
    static List<String> supported(boolean readonly, AdminMode mode) {
        List<String> names = new ArrayList<>();
        if (!readonly) {
            for (Feature f : List.of(EMIT, JOIN, LEAVE, DISCONNECT, MJOIN, MLEAVE, MDISCONNECT)) names.add(f.name());
        }
        names.add(AGGREGATED_EVENTS.name());
        if (mode == AdminMode.DEVELOPMENT) names.add(ALL_EVENTS.name());
        return List.copyOf(names);
    }
}
