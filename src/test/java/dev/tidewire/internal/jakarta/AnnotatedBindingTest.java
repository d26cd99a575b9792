package dev.tidewire.internal.jakarta;

import dev.tidewire.demo.SioHarness;
import dev.tidewire.demo.SioHarness.Client;
import dev.tidewire.jakarta.OnConnect;
import dev.tidewire.jakarta.OnDisconnect;
import dev.tidewire.jakarta.OnEvent;
import dev.tidewire.jakarta.SocketIoNamespace;
import dev.tidewire.server.Ack;
import dev.tidewire.server.DisconnectReason;
import dev.tidewire.server.Socket;
import jakarta.json.bind.JsonbBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parameter binding of annotated handlers as deployed: the JSON-B binder (Yasson) on a real engine and server, the
 * client's arguments in the wire format.
 */
public class AnnotatedBindingTest {
    public record Point(int x, int y) {
    }

    public record Credentials(String token) {
    }

    public static class Pojo {
        public String name;
        public int count;
    }

    @SocketIoNamespace("/bind")
    public static class Handlers {
        final List<Object> seen = new ArrayList<>();

        @OnConnect
        void connected(Socket socket, Credentials auth) {
            seen.add(auth);
        }

        @OnEvent("mirror")
        Point mirror(Point p) {
            return new Point(p.y(), p.x());
        }

        @OnEvent("pojo")
        String pojo(Pojo p) {
            return p.name + "×" + p.count;
        }

        @OnEvent("points")
        int total(List<Point> points) {
            return points.stream().mapToInt(p -> p.x() + p.y()).sum();
        }

        @OnEvent("raw")
        Object raw(Object value) {
            seen.add(value);
            return value;
        }

        @OnEvent("sum")
        long sum(int a, long b) {
            return a + b;
        }

        @OnEvent("text")
        String text(String value) {
            return value;
        }

        @OnEvent("pair")
        String pair(String first, String second) {
            return first + "/" + second;
        }

        @OnEvent("upload")
        void upload(byte[] data) {
            seen.add(data);
        }

        @OnEvent("ack")
        void ack(Socket socket, String value, Ack ack) {
            ack.send(value.length());
        }

        @OnDisconnect
        void left(Socket socket, DisconnectReason reason) {
            seen.add(reason);
        }
    }

    private final SioHarness harness = new SioHarness(Runnable::run, new JsonbValueBinder(JsonbBuilder.create()));
    private final Handlers bean = new Handlers();
    private Client client;

    @BeforeEach
    void wire() {
        AnnotatedWiring.register(harness.io, bean, new JsonbValueBinder(JsonbBuilder.create()));
        client = harness.open("/bind", "{\"token\":\"t-1\"}");
    }

    private static int number(Object o) {
        return ((Number) o).intValue();
    }

    @Test
    void theHandshakeAuthIsBoundToTheConnectMethodsType() {
        assertEquals(List.of(new Credentials("t-1")), bean.seen);
    }

    @Test
    void recordsPojosAndGenericListsAreCreatedByJsonbAndRecordsAreSentBack() {
        assertEquals(Map.of("x", 2L, "y", 1L), client.call("mirror", Map.of("x", 1, "y", 2)));
        assertEquals("box×3", client.call("pojo", Map.of("name", "box", "count", 3)));
        assertEquals(10, number(client.call("points", List.of(Map.of("x", 1, "y", 2), Map.of("x", 3, "y", 4)))));
    }

    @Test
    void anObjectParameterGetsTheRawJsonValue() {
        Object sent = Map.of("a", List.of(1, "two", true));
        assertEquals(Map.of("a", List.of(1L, "two", true)), client.call("raw", sent));
        assertInstanceOf(Map.class, bean.seen.get(1), "the decoded map itself, not a JSON-B copy of another type");
    }

    @Test
    void numbersAreBoundToWholeNumberTypesAndStringsTakeAnyScalar() {
        assertEquals(3_000_000_001L, ((Number) client.call("sum", 1, 3_000_000_000L)).longValue());
        assertEquals("5", client.call("text", 5));
        assertEquals("true", client.call("text", true));
    }

    @Test
    void aBinaryAttachmentReachesAByteArrayParameterAsSent() {
        byte[] data = {1, 2, 3, (byte) 0xff};
        client.emitBinary("upload", data);
        assertArrayEquals(data, (byte[]) bean.seen.get(1));
    }

    @Test
    void missingArgumentsAreNullAndExtraOnesIgnored() {
        assertEquals("a/null", client.call("pair", "a"));
        assertEquals("a/b", client.call("pair", "a", "b", "c"));
        assertEquals(2, number(client.call("ack", "hi")));
    }

    @Test
    void aValueThatCannotBeBoundFailsTheCallWithoutAnAckAndTheConnectionStaysUp() {
        assertNoAck(() -> client.call("sum", "x", 1));
        assertNoAck(() -> client.call("sum", 3_000_000_000L, 1)); // would wrap to a negative int
        assertNoAck(() -> client.call("sum", 1, 1.5)); // would be cut to 1
        assertNoAck(() -> client.call("sum")); // a primitive cannot be null
        assertNoAck(() -> client.call("mirror", "not a point"));
        assertFalse(client.closed);
        assertEquals(3, number(client.call("sum", 1, 2)), "later events still handled");
    }

    private static void assertNoAck(Runnable call) {
        AssertionError e = assertThrows(AssertionError.class, call::run);
        assertTrue(e.getMessage().startsWith("no ack"), e.getMessage());
    }

    @Test
    void theDisconnectMethodGetsTheReason() {
        client.drop();
        assertEquals(DisconnectReason.TRANSPORT_CLOSE, bean.seen.get(bean.seen.size() - 1), Arrays.toString(
                bean.seen.toArray()));
    }
}
