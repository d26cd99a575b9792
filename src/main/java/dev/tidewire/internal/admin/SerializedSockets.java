package dev.tidewire.internal.admin;

import dev.tidewire.server.Handshake;
import dev.tidewire.server.Socket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A socket as the UI reads it (the reference's {@code SerializedSocket}): {@code id, clientId, transport, nsp, data,
 * handshake, rooms}, the handshake without its auth payload, so no password or token reaches the UI.
 */
final class SerializedSockets {
    /** The reference keeps its own bookkeeping in {@code socket.data._admin} and never shows that key. */
    static final String ADMIN_DATA_KEY = "_admin";
    /** The reference shows the first 12 characters of the Engine.IO session id as the client's id. */
    static final int CLIENT_ID_LENGTH = 12;
    /** The handshake's fields the UI gets after the address, in the reference's order; never {@code auth}. */
    private static final List<String> UI_HANDSHAKE_KEYS = List.of("headers", "query", "issued", "secure", "time", "url",
            "xdomain");

    private SerializedSockets() {
    }

    static Map<String, Object> of(Socket socket) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", socket.id());
        out.put("clientId", clientId(socket));
        out.put("transport", socket.transport());
        out.put("nsp", socket.namespace().name());
        out.put("data", data(socket));
        out.put("handshake", handshake(socket.handshake()));
        out.put("rooms", new ArrayList<>(socket.rooms()));
        return out;
    }

    static String clientId(Socket socket) {
        String engineId = socket.conn().id();
        return engineId.length() > CLIENT_ID_LENGTH ? engineId.substring(0, CLIENT_ID_LENGTH) : engineId;
    }

    private static Map<String, Object> data(Socket socket) {
        Map<String, Object> data = new LinkedHashMap<>(socket.data());
        data.remove(ADMIN_DATA_KEY);
        return data;
    }

    /** The reference's plain handshake object, without the auth payload, with the address behind a proxy. */
    private static Map<String, Object> handshake(Handshake h) {
        Map<String, Object> all = h.asMap();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", address(h));
        for (String key : UI_HANDSHAKE_KEYS) out.put(key, all.get(key));
        return out;
    }

    /** The client's address as the reference finds it behind Cloudflare or a proxy. */
    private static String address(Handshake h) {
        for (String header : List.of("cf-connecting-ip", "x-forwarded-for")) {
            String value = h.header(header);
            if (value != null && !value.isEmpty()) return value;
        }
        return h.address();
    }
}
