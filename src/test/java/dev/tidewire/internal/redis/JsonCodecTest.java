package dev.tidewire.internal.redis;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link JsonCodec}: the reference's {@code JSON.stringify} of requests, binary included, and telling JSON from MessagePack. */
class JsonCodecTest {
    @Test
    void binaryIsWrittenAsANodeBufferIs() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uid", "Ab3xYz");
        request.put("type", 6);
        request.put("data", List.of("ping", new byte[]{1, (byte) 255}));
        assertEquals("{\"uid\":\"Ab3xYz\",\"type\":6,\"data\":[\"ping\",{\"type\":\"Buffer\",\"data\":[1,255]}]}",
                new String(JsonCodec.encode(request), StandardCharsets.UTF_8));
    }

    @Test
    void aRequestIsJsonWhenItStartsWithABraceAndMessagePackOtherwise() {
        assertEquals(Map.of("type", 5L), JsonCodec.decodeJsonOrMsgPack("{\"type\":5}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Map.of("type", 5L), JsonCodec.decodeJsonOrMsgPack(new byte[]{(byte) 0x81, (byte) 0xa4, 't', 'y',
                'p', 'e', 5}));
        assertThrows(MalformedMessageException.class,
                () -> JsonCodec.decodeJsonOrMsgPack("{\"type\":".getBytes(StandardCharsets.UTF_8)));
    }
}
