package dev.tidewire.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSONP polling's encoding and decoding, against the reference's {@code polling-jsonp} (Node's JSON and querystring). */
class JsonpTest {

    @Test
    void theCallbackIndexKeepsOnlyDigits() {
        assertEquals("0", Jsonp.callbackIndex("0"));
        assertEquals("12", Jsonp.callbackIndex("1);alert(2"));
        assertEquals("", Jsonp.callbackIndex("abc"));
    }

    @Test
    void wrapsThePayloadInTheCallback() {
        assertEquals("___eio[3](\"6:4hello\");", Jsonp.script("3", "6:4hello"));
    }

    /** JSON may hold U+2028 and U+2029 raw, JavaScript source may not: the reference escapes them. */
    @Test
    void theScriptEscapesTheLineAndParagraphSeparators() {
        assertEquals("___eio[0](\"a\\u2028b\\u2029c\");", Jsonp.script("0", "a\u2028b\u2029c"));
    }

    @Test
    void readsTheFormsDField() {
        assertEquals("6:4hello", Jsonp.formField("d=6%3A4hello", "d"));
        assertEquals("6:4he llo", Jsonp.formField("x=1&d=6:4he+llo&y", "d"));
        assertEquals("", Jsonp.formField("d=", "d"));
        assertEquals("", Jsonp.formField("d", "d"));
        assertEquals("2:4€", Jsonp.formField("d=2:4%E2%82%AC", "d"));
        assertEquals("2:4€", Jsonp.formField("%64=2:4€", "d"), "the name is decoded too");
    }

    @Test
    void aMissingOrRepeatedDFieldIsNone() {
        assertNull(Jsonp.formField("", "d"));
        assertNull(Jsonp.formField("e=1", "d"));
        assertNull(Jsonp.formField("d=1&d=2", "d"), "repeated: querystring makes it an array");
    }

    /** As Node's querystring: a % that starts no escape is kept. */
    @Test
    void malformedPercentEscapesAreKept() {
        assertEquals("100%", Jsonp.formField("d=100%", "d"));
        assertEquals("%zz%4", Jsonp.formField("d=%zz%4", "d"));
        assertEquals("%\uff10\uff10", Jsonp.formField("d=%\uff10\uff10", "d"), "only ASCII hex digits");
    }

    @Test
    void onlyTheFirstThousandPairsAreRead() {
        String form = "x=1&".repeat(FormDecoding.MAX_PAIRS) + "d=2:4a";
        assertNull(Jsonp.formField(form, "d"));
        assertEquals("2:4a", Jsonp.formField("x=1&".repeat(FormDecoding.MAX_PAIRS - 1) + "d=2:4a", "d"));
    }

    /** The client sends a newline as {@code \n} and a backslash-n of the data as {@code \\n}. */
    @Test
    void undoesTheClientsNewlineEscapes() {
        assertEquals("a\nb", Jsonp.unescapeNewlines("a\\nb"));
        assertEquals("a\\nb", Jsonp.unescapeNewlines("a\\\\nb"));
        assertEquals("\n\\n\n", Jsonp.unescapeNewlines("\\n\\\\n\\n"));
        assertEquals("a\\b", Jsonp.unescapeNewlines("a\\b"));
        assertEquals("no escapes", Jsonp.unescapeNewlines("no escapes"));
    }

    /** The reference's regexes on three backslashes: the first pass keeps them, the second shortens the last two. */
    @Test
    void followsTheReferencesRegexesOnOddRuns() {
        assertEquals("\\\\n", Jsonp.unescapeNewlines("\\\\\\n"));
    }

    @Test
    void aPostedPayloadIsDecodedFormThenUnescaped() {
        byte[] body = "d=5%3A4a%5Cnb%0A".getBytes(StandardCharsets.UTF_8);
        assertEquals("5:4a\nb\n", Jsonp.postedPayload(body));
        assertNull(Jsonp.postedPayload("x=1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theCodecAnswersWithTheScriptAsTextPlain() {
        JsonpPayloadCodec codec = new JsonpPayloadCodec("7");
        PayloadCodec.PollBody body = codec.encode(List.of(Packet.message("a\u2028\"b"), Packet.PING));
        assertEquals("text/plain; charset=UTF-8", body.contentType());
        assertEquals("___eio[7](\"5:4a\\u2028\\\"b1:2\");", new String(body.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theCodecSendsBinaryAsBase64() {
        PayloadCodec.PollBody body = new JsonpPayloadCodec("0").encode(List.of(Packet.binaryMessage(new byte[] {1})));
        assertEquals("___eio[0](\"6:b4AQ==\");", new String(body.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void theCodecDecodesAForm() {
        JsonpPayloadCodec codec = new JsonpPayloadCodec("0");
        Payload.Decoded d = codec.decode("d=6%3A4hello1%3A2".getBytes(StandardCharsets.UTF_8), false, 10);
        assertNull(d.error());
        assertEquals(List.of(Packet.message("hello"), Packet.PING), d.packets());
        Payload.Decoded none = codec.decode("e=1".getBytes(StandardCharsets.UTF_8), false, 10);
        assertNull(none.error());
        assertEquals(List.of(), none.packets());
    }
}
