package dev.tidewire.server;

import dev.tidewire.internal.engine.HttpExchange;
import dev.tidewire.internal.engine.HttpResponse;
import dev.tidewire.internal.engine.RequestInfo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference's {@code compress} flag, from the Socket.IO API down to the Engine.IO packets: an emit made with
 * {@code compress(false)} (on a socket, a broadcast operator, a namespace or the server) reaches a polling client
 * uncompressed however large, while the same emit without the flag is gzipped for a client that accepts gzip.
 */
class CompressFlagTest {
    private static final String BIG = "y".repeat(3000);

    /** A polling client of one Engine.IO session, accepting gzip. */
    private static final class PollingClient {
        final SioTestServer t;
        final String sid;

        PollingClient(SioTestServer t) {
            this.t = t;
            String open = request("GET", "EIO=4&transport=polling", null).bodyText();
            int i = open.indexOf("\"sid\":\"") + 7;
            sid = open.substring(i, open.indexOf('"', i));
        }

        HttpResponse request(String method, String query, String body) {
            List<HttpResponse> answers = new ArrayList<>();
            Map<String, List<String>> q = new LinkedHashMap<>();
            for (String part : query.split("&")) {
                int eq = part.indexOf('=');
                q.put(part.substring(0, eq), List.of(part.substring(eq + 1)));
            }
            RequestInfo info = new RequestInfo(Map.of("accept-encoding", List.of("gzip"),
                    "content-type", List.of("text/plain;charset=UTF-8")), q, "127.0.0.1", false,
                    "/socket.io/?" + query);
            t.engine.handleHttp(new HttpExchange() {
                public String method() {
                    return method;
                }

                public RequestInfo request() {
                    return info;
                }

                public void readBody(int limit, BodyCallback callback) {
                    callback.onBody(body.getBytes(StandardCharsets.UTF_8));
                }

                public void respond(HttpResponse response) {
                    answers.add(response);
                }

                public void abort() {
                    throw new AssertionError("not aborted in these tests");
                }
            });
            assertEquals(1, answers.size(), "answered at once");
            assertEquals(200, answers.get(0).status(), answers.get(0).bodyText());
            return answers.get(0);
        }

        HttpResponse poll() {
            return request("GET", "EIO=4&transport=polling&sid=" + sid, null);
        }

        /** Connects to the main namespace; returns the server's socket. */
        Socket connect() {
            request("POST", "EIO=4&transport=polling&sid=" + sid, "40");
            String reply = poll().bodyText();
            assertTrue(reply.startsWith("40{\"sid\":\""), reply);
            int i = reply.indexOf("\"sid\":\"") + 7;
            return t.io.sockets().sockets().get(reply.substring(i, reply.indexOf('"', i)));
        }
    }

    private static String gunzipped(HttpResponse r) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The event (with recovery on, an offset follows as its last argument). */
    private static void assertBig(String payload) {
        assertTrue(payload.startsWith("42[\"big\",\"" + BIG + "\""), payload);
    }

    private static void assertUncompressed(HttpResponse r) {
        assertNull(r.headers().get("Content-Encoding"), "compress(false) answers are sent as they are");
        assertBig(r.bodyText());
    }

    private static void assertGzipped(HttpResponse r) throws IOException {
        assertEquals("gzip", r.headers().get("Content-Encoding"));
        assertBig(gunzipped(r));
    }

    private static void check(SioTestServer t, Consumer<Socket> uncompressedEmit, Consumer<Socket> defaultEmit)
            throws IOException {
        PollingClient client = new PollingClient(t);
        Socket socket = client.connect();
        uncompressedEmit.accept(socket);
        assertUncompressed(client.poll());
        defaultEmit.accept(socket);
        assertGzipped(client.poll());
    }

    @Test
    void aSocketsEmit() throws IOException {
        check(new SioTestServer(), s -> s.compress(false).emit("big", BIG), s -> s.emit("big", BIG));
    }

    @Test
    void aSocketsEmitWithAck() throws IOException {
        PollingClient client = new PollingClient(new SioTestServer());
        Socket socket = client.connect();
        socket.compress(false).timeout(5000).emitWithAck("big", BIG);
        HttpResponse r = client.poll();
        assertNull(r.headers().get("Content-Encoding"));
        assertTrue(r.bodyText().startsWith("420[\"big\""), r.bodyText());
    }

    @Test
    void aBroadcastOperatorsEmit() throws IOException {
        check(new SioTestServer(), s -> s.namespace().to(s.id()).compress(false).emit("big", BIG),
                s -> s.namespace().to(s.id()).emit("big", BIG));
    }

    @Test
    void theServersAndANamespacesEmit() throws IOException {
        SioTestServer t = new SioTestServer();
        check(t, s -> t.io.compress(false).emit("big", BIG), s -> t.io.emit("big", BIG));
        SioTestServer u = new SioTestServer();
        check(u, s -> u.io.of("/").compress(false).emit("big", BIG), s -> u.io.of("/").compress(true).emit("big", BIG));
    }

    @Test
    void aSocketsEmitThroughTheAdapterWithRecoveryOn() throws IOException {
        // with recovery on, socket.emit goes through the adapter to the socket's own room, flags included
        check(new SioTestServer(SocketIoOptions.defaults().withRecovery(new RecoveryOptions(60_000, true))),
                s -> s.compress(false).emit("big", BIG), s -> s.emit("big", BIG));
    }

    @Test
    void theFlagTravelsBetweenNodesAsTheReferenceWritesIt() {
        BroadcastOptions off = BroadcastOptions.toRooms(java.util.Set.of("r")).withCompress(false);
        assertEquals(Map.of("compress", false), off.toWire().get("flags"));
        assertEquals(Map.of(), BroadcastOptions.toRooms(java.util.Set.of("r")).toWire().get("flags"),
                "compress true is the default and is left out, as the reference leaves unset flags out");
        assertEquals(false, BroadcastOptions.fromWire(off.toWire()).compress());
        assertEquals(true, BroadcastOptions.fromWire(Map.of("flags", Map.of("compress", true))).compress());
        assertEquals(true, BroadcastOptions.fromWire(Map.of()).compress());
    }
}
