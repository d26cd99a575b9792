package dev.tidewire.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The open packet over both transports, and CORS on the fixture (origin *). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HandshakeIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar();
    }

    @ArquillianResource
    URL base;

    private static final Set<String> KEYS = Set.of("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");

    @Test
    void pollingHandshakeSendsTheOpenPacket() {
        Eio eio = new Eio(base);
        HttpResponse<String> r = eio.get("EIO=4&transport=polling");
        assertEquals(200, r.statusCode(), r.body());
        // node writes "text/plain; charset=UTF-8"; Undertow drops the optional space before the parameter
        assertEquals("text/plain;charset=utf-8", Eio.contentType(r).replace(" ", "").toLowerCase(java.util.Locale.ROOT));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(r.body().startsWith("0{"), r.body());
        JsonObject open = Eio.json(r.body().substring(1));
        assertEquals(KEYS, open.keySet());
        assertTrue(open.getString("sid").matches("[A-Za-z0-9_-]{20}"), open.toString());
        assertEquals(1, open.getJsonArray("upgrades").size());
        assertEquals("websocket", open.getJsonArray("upgrades").getString(0));
        assertEquals(300, open.getInt("pingInterval"));
        assertEquals(200, open.getInt("pingTimeout"));
        assertEquals(1_000_000, open.getInt("maxPayload"));
        assertEquals(JsonValue.ValueType.NUMBER, open.get("maxPayload").getValueType());
    }

    @Test
    void sessionIdsAreDistinct() {
        Eio eio = new Eio(base);
        assertFalse(eio.handshake().getString("sid").equals(eio.handshake().getString("sid")));
    }

    @Test
    void webSocketHandshakeSendsTheOpenPacketWithoutUpgrades() {
        Eio eio = new Eio(base);
        try (WsClient ws = WsClient.connect(eio.ws("EIO=4&transport=websocket"))) {
            String first = ws.nextText();
            assertTrue(first.startsWith("0{"), first);
            JsonObject open = Eio.json(first.substring(1));
            assertEquals(KEYS, open.keySet());
            assertEquals(0, open.getJsonArray("upgrades").size());
            assertEquals(300, open.getInt("pingInterval"));
            assertEquals(200, open.getInt("pingTimeout"));
            assertEquals(1_000_000, open.getInt("maxPayload"));
            ws.assertEchoes("after the handshake");
        }
    }

    @Test
    void corsPreflightIsAnswered204WithAnyOrigin() {
        Eio eio = new Eio(base);
        HttpResponse<String> r = Eio.send(eio.request("EIO=4&transport=polling")
                .header("Origin", "http://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(204, r.statusCode(), r.body());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("", r.body());
    }

    @Test
    void corsHeadersOnHandshakeAndErrors() {
        Eio eio = new Eio(base);
        HttpResponse<String> ok = Eio.send(eio.request("EIO=4&transport=polling")
                .header("Origin", "http://elsewhere.example").GET().build());
        assertEquals(200, ok.statusCode());
        assertEquals("*", ok.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> error = Eio.send(eio.request("EIO=4&transport=nope")
                .header("Origin", "http://elsewhere.example").GET().build());
        Eio.assertError(error, 0, "Transport unknown");
        assertEquals("*", error.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }
}
