package dev.tidewire.server;

import dev.tidewire.internal.parser.MsgPackMessages;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client of the MessagePack parser over a {@link SioTestServer.Peer}. Its packets are written, and the server's read,
 * with msgpack-core directly rather than with the codec under test, so that a test checks the wire, not the codec
 * against itself.
 */
final class MsgPackPeer {
    static final int CONNECT = 0;
    static final int DISCONNECT = 1;
    static final int EVENT = 2;
    static final int ACK = 3;
    static final int CONNECT_ERROR = 4;

    final SioTestServer.Peer peer;

    MsgPackPeer(SioTestServer.Peer peer) {
        this.peer = peer;
    }

    /** Sends {@code {type, nsp, data?, id?}} as one binary message; a null data or id is left out. */
    MsgPackPeer send(int type, String nsp, Object data, Long id) {
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("type", type);
        if (data != null) packet.put("data", data);
        packet.put("nsp", nsp);
        if (id != null) packet.put("id", id);
        peer.sendBinary(pack(packet));
        return this;
    }

    MsgPackPeer emit(String nsp, Long id, Object... args) {
        return send(EVENT, nsp, Arrays.asList(args), id);
    }

    /** Connects to {@code nsp} with this auth (null: none) and returns the sid of the CONNECT reply. */
    String connectTo(String nsp, Map<String, Object> auth) {
        int mark = peer.mark();
        send(CONNECT, nsp, auth, null);
        Map<String, Object> reply = packetsSince(mark).get(0);
        assertEquals(CONNECT, reply.get("type"), reply.toString());
        assertEquals(nsp, reply.get("nsp"));
        Map<?, ?> data = assertInstanceOf(Map.class, reply.get("data"));
        return (String) data.get("sid");
    }

    String connectTo(String nsp) {
        return connectTo(nsp, null);
    }

    int mark() {
        return peer.mark();
    }

    /**
     * The Socket.IO packets received since {@code mark}, each a binary message; the Engine.IO packets (pings) are text,
     * and no Socket.IO packet may be.
     */
    List<Map<String, Object>> packetsSince(int mark) {
        List<Map<String, Object>> packets = new ArrayList<>();
        for (Object frame : peer.framesSince(mark)) {
            if (frame instanceof String text) {
                assertFalse(text.startsWith("4"), "a Socket.IO packet as text: " + text);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> packet = (Map<String, Object>) unpack((byte[]) frame);
            packets.add(packet);
        }
        return packets;
    }

    /** The only packet received since {@code mark}. */
    Map<String, Object> onlyPacketSince(int mark) {
        List<Map<String, Object>> packets = packetsSince(mark);
        assertEquals(1, packets.size(), packets.toString());
        return packets.get(0);
    }

    // ---------------------------------------------------------------- MessagePack, with msgpack-core only

    static byte[] pack(Object value) {
        return MsgPackMessages.pack(value);
    }

    /** Integers as Integer when they fit (so that {@code assertEquals(2, ...)} reads naturally), else Long. */
    static Object unpack(byte[] message) {
        try (MessageUnpacker in = MessagePack.newDefaultUnpacker(message)) {
            Object value = toJava(in.unpackValue());
            assertFalse(in.hasNext(), "one value per message");
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object toJava(Value v) {
        return switch (v.getValueType()) {
            case NIL -> null;
            case BOOLEAN -> v.asBooleanValue().getBoolean();
            case INTEGER -> v.asIntegerValue().isInIntRange() ? (Object) v.asIntegerValue().toInt()
                    : (Object) v.asIntegerValue().toLong();
            case FLOAT -> v.asFloatValue().toDouble();
            case STRING -> v.asStringValue().asString();
            case BINARY -> v.asBinaryValue().asByteArray();
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (Value item : v.asArrayValue()) list.add(toJava(item));
                yield list;
            }
            case MAP -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<Value, Value> e : v.asMapValue().entrySet()) {
                    assertTrue(e.getKey().isStringValue(), "string keys only: " + v);
                    map.put(e.getKey().asStringValue().asString(), toJava(e.getValue()));
                }
                yield map;
            }
            case EXTENSION -> { // the server sends no extension but notepack's Date: type 0, the milliseconds
                assertEquals(0, v.asExtensionValue().getType(), v.toString());
                yield Instant.ofEpochMilli(ByteBuffer.wrap(v.asExtensionValue().getData()).getLong());
            }
        };
    }
}
