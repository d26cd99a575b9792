package dev.tidewire.internal.engine;

import java.util.List;

/**
 * The Engine.IO protocol revision a session speaks, chosen once by its handshake's {@code EIO} query parameter.
 * Everything that differs between revisions hangs off this value (polling payloads, WebSocket frames, the heartbeat,
 * the open packet), so that the session itself has no revision checks. v3 is the revision of Socket.IO v2 clients,
 * accepted only with {@link EngineOptions#allowEIO3()}.
 */
public enum EngineProtocol {
    V3(3, ClientPingHeartbeat::new) {
        @Override
        PayloadCodec payloadCodec(RequestInfo handshake) {
            String jsonpIndex = handshake.queryParam("j");
            if (jsonpIndex != null) return new JsonpPayloadCodec(jsonpIndex);
            return base64Only(handshake) ? PayloadCodecV3.BASE64 : PayloadCodecV3.XHR2;
        }

        @Override
        WebSocketFrames webSocketFrames(RequestInfo request) {
            return base64Only(request) ? WebSocketFramesV3.BASE64 : WebSocketFramesV3.BINARY;
        }

        @Override
        void appendOpenFields(StringBuilder json, EngineOptions options) {
            // v3 has no maxPayload: engine.io 3 never sent it, and v2 clients do not read it
        }
    },

    V4(4, ServerPingHeartbeat::new) {
        @Override
        PayloadCodec payloadCodec(RequestInfo handshake) {
            return PayloadCodecV4.INSTANCE;
        }

        @Override
        WebSocketFrames webSocketFrames(RequestInfo request) {
            return WebSocketFrames.V4;
        }

        @Override
        void appendOpenFields(StringBuilder json, EngineOptions options) {
            json.append(",\"maxPayload\":").append(options.maxHttpBufferSize());
        }
    };

    private final int revision;
    private final HeartbeatPolicy heartbeat;

    EngineProtocol(int revision, HeartbeatPolicy heartbeat) {
        this.revision = revision;
        this.heartbeat = heartbeat;
    }

    /** As the reference: {@code EIO=4} is v4, and anything else, a missing value included, is v3. */
    public static EngineProtocol requestedBy(RequestInfo request) {
        return "4".equals(request.queryParam("EIO")) ? V4 : V3;
    }

    /** The revision number, as in {@code EIO=<revision>}. */
    public int revision() {
        return revision;
    }

    HeartbeatPolicy heartbeat() {
        return heartbeat;
    }

    /** The polling encoding of a session, fixed by the request that opened it (v3: {@code b64} and {@code j}). */
    abstract PayloadCodec payloadCodec(RequestInfo handshake);

    /** The frame encoding of one WebSocket, fixed by the request that opened it (v3: {@code b64}). */
    abstract WebSocketFrames webSocketFrames(RequestInfo request);

    abstract void appendOpenFields(StringBuilder json, EngineOptions options);

    Packet openPacket(String sid, List<String> upgrades, EngineOptions options) {
        // a generated id (io.engine().generateId) may hold any character: quoted as JSON
        StringBuilder sb = new StringBuilder(128).append("{\"sid\":").append(Json.quote(sid)).append(",\"upgrades\":[");
        for (int i = 0; i < upgrades.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append('"').append(upgrades.get(i)).append('"');
        }
        sb.append("],\"pingInterval\":").append(options.pingInterval())
                .append(",\"pingTimeout\":").append(options.pingTimeout());
        appendOpenFields(sb, options);
        return Packet.of(PacketType.OPEN, sb.append('}').toString());
    }

    /** As the reference: any non-empty {@code b64} value means the client cannot take binary. */
    private static boolean base64Only(RequestInfo request) {
        String b64 = request.queryParam("b64");
        return b64 != null && !b64.isEmpty();
    }
}
