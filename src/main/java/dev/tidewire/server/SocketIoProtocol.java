package dev.tidewire.server;

import dev.tidewire.internal.engine.EngineProtocol;
import dev.tidewire.internal.engine.FormDecoding;
import dev.tidewire.internal.engine.SessionIds;
import dev.tidewire.internal.parser.SioPacket;
import dev.tidewire.internal.parser.SioPacketType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Socket.IO protocol revision of a client, which follows from its Engine.IO revision: v5 over EIO 4, v4 (the
 * Socket.IO v2 clients) over EIO 3. What differs between them (the implicit main namespace, socket ids, the CONNECT
 * query, the CONNECT and error payloads) is decided here, not in {@link Client}.
 */
enum SocketIoProtocol {
    V4 {
        @Override
        boolean connectsMainNamespaceAtOpen() {
            return true;
        }

        @Override
        SioPacket withNamespaceQueryAsAuth(SioPacket packet) {
            String nsp = packet.namespace();
            int end = queryOrFragmentStart(nsp);
            boolean connect = packet.type() == SioPacketType.CONNECT;
            if (end < 0 && !connect) return packet;
            String name = end < 0 ? nsp : nsp.substring(0, end);
            // as the reference, a CONNECT's auth is its query only: a JSON payload (no v4 client sends one) is ignored
            Object data = !connect ? packet.data() : end < 0 ? Map.of() : queryOf(nsp, end);
            return new SioPacket(packet.type(), name, packet.ackId(), data);
        }

        /** As the reference: the engine's id for the main namespace, {@code <namespace>#<engine id>} for others. */
        @Override
        String newSocketId(String namespace, String engineId) {
            return "/".equals(namespace) ? engineId : namespace + "#" + engineId;
        }

        @Override
        Map<String, Object> connectReply(String sid, String pid) {
            return null;
        }

        /** As the reference: the error's data if it has any, else its message, as a plain JSON value. */
        @Override
        Object refusal(String message, Object data) {
            return data != null ? data : message;
        }
    },

    V5 {
        @Override
        boolean connectsMainNamespaceAtOpen() {
            return false;
        }

        @Override
        SioPacket withNamespaceQueryAsAuth(SioPacket packet) {
            return packet;
        }

        /** A fresh id: the engine's id is a credential of the connection, not to be shared with other clients. */
        @Override
        String newSocketId(String namespace, String engineId) {
            return SessionIds.next();
        }

        @Override
        Map<String, Object> connectReply(String sid, String pid) {
            Map<String, Object> reply = new LinkedHashMap<>(4); // sid first, as the reference writes it
            reply.put("sid", sid);
            if (pid != null) reply.put("pid", pid);
            return reply;
        }

        @Override
        Object refusal(String message, Object data) {
            return errorObject(message, data);
        }
    };

    static SocketIoProtocol over(EngineProtocol engine) {
        return engine == EngineProtocol.V3 ? V4 : V5;
    }

    /** Whether the client is in "/" from the start, without a CONNECT (v4) or must ask for it as for any other. */
    abstract boolean connectsMainNamespaceAtOpen();

    /**
     * v4 CONNECTs carry their auth as a query in the namespace ({@code 40/admin?token=abc,}): the packet with the
     * bare namespace, and for a CONNECT the query's parameters as its data. v5 packets are returned as they are.
     */
    abstract SioPacket withNamespaceQueryAsAuth(SioPacket packet);

    abstract String newSocketId(String namespace, String engineId);

    /** The CONNECT reply's payload, or {@code null} for none. */
    abstract Map<String, Object> connectReply(String sid, String pid);

    /** The CONNECT_ERROR payload for a connection a middleware refused. */
    abstract Object refusal(String message, Object data);

    /** {@code {message, data}}, data left out when absent; also what every revision sends for an unknown namespace. */
    static Map<String, Object> errorObject(String message, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (data != null) body.put("data", data);
        return body;
    }

    private static int queryOrFragmentStart(String nsp) {
        for (int i = 0; i < nsp.length(); i++) {
            char c = nsp.charAt(i);
            if (c == '?' || c == '#') return i;
        }
        return -1;
    }

    /**
     * The query's parameters as the reference reads them ({@code url.parse(nsp, true).query}): a repeated name gets the
     * list of its values, in order; only the first {@link FormDecoding#MAX_PAIRS} pairs are read.
     */
    private static Map<String, Object> queryOf(String nsp, int start) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (nsp.charAt(start) != '?') return params;
        FormDecoding.forEachPair(nsp, start + 1, FormDecoding.indexOf(nsp, '#', start, nsp.length()),
                (name, value) -> params.merge(name, value, SocketIoProtocol::withValue));
        return params;
    }

    /** The values of a repeated parameter: the list so far (or the first value) with {@code value} added. */
    @SuppressWarnings("unchecked")
    private static Object withValue(Object sofar, Object value) {
        List<Object> values = sofar instanceof List<?> list ? (List<Object>) list : new ArrayList<>(List.of(sofar));
        values.add(value);
        return values;
    }
}
