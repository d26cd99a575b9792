package dev.tidewire.internal.parser;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.tidewire.internal.parser.SioPacketType.*;
import static org.junit.jupiter.api.Assertions.*;

class SioDecoderTest {
    private final SioDecoder decoder = new SioDecoder(ParserLimits.DEFAULTS);

    private SioPacket decode(String text) throws SioParseException {
        return decoder.decodeText(text);
    }

    /** Asserts that decoding fails and the message names the problem. */
    private void assertRejected(String text, String messagePart) {
        SioParseException e = assertThrows(SioParseException.class, () -> decoder.decodeText(text), text);
        assertTrue(e.getMessage().contains(messagePart), () -> text + " → " + e.getMessage());
    }

    // ---- protocol vectors

    @Test
    void connectToMainNamespaceWithoutPayload() throws Exception {
        assertEquals(new SioPacket(CONNECT, "/", -1, null), decode("0"));
    }

    @Test
    void connectWithAuth() throws Exception {
        assertEquals(new SioPacket(CONNECT, "/admin", -1, Map.of("token", "123")), decode("0/admin,{\"token\":\"123\"}"));
    }

    @Test
    void connectNamespaceWithoutComma() throws Exception {
        assertEquals(new SioPacket(CONNECT, "/custom", -1, null), decode("0/custom"));
    }

    @Test
    void disconnectWithAndWithoutComma() throws Exception {
        assertEquals(new SioPacket(DISCONNECT, "/admin", -1, null), decode("1/admin,"));
        assertEquals(new SioPacket(DISCONNECT, "/custom", -1, null), decode("1/custom"));
        assertEquals(new SioPacket(DISCONNECT, "/", -1, null), decode("1"));
    }

    @Test
    void eventInNamespace() throws Exception {
        assertEquals(new SioPacket(EVENT, "/admin", -1, List.of("x")), decode("2/admin,[\"x\"]"));
    }

    @Test
    void eventWithAckId() throws Exception {
        assertEquals(new SioPacket(EVENT, "/", 12, List.of("foo")), decode("212[\"foo\"]"));
    }

    @Test
    void ackInNamespace() throws Exception {
        assertEquals(new SioPacket(ACK, "/admin", 13, List.of("bar")), decode("3/admin,13[\"bar\"]"));
    }

    @Test
    void emptyAckIsValid() throws Exception {
        assertEquals(new SioPacket(ACK, "/", 0, List.of()), decode("30[]"));
    }

    // ---- packets without data: accepted for every type, as the reference's decoder checks only a payload it finds

    @Test
    void eventWithoutData() throws Exception {
        assertEquals(new SioPacket(EVENT, "/", -1, null), decode("2"));
        assertEquals(new SioPacket(EVENT, "/", 12, null), decode("212"));
        assertEquals(new SioPacket(EVENT, "/admin", 3, null), decode("2/admin,3"));
    }

    @Test
    void ackWithoutData() throws Exception {
        assertEquals(new SioPacket(ACK, "/", 7, null), decode("37"));
        assertEquals(new SioPacket(ACK, "/", -1, null), decode("3"));
    }

    @Test
    void connectErrorWithoutData() throws Exception {
        assertEquals(new SioPacket(CONNECT_ERROR, "/", -1, null), decode("4"));
        assertEquals(new SioPacket(CONNECT_ERROR, "/", 42, null), decode("442"), "digits after the type are an id");
    }

    @Test
    void binaryEventWithoutDataWaitsForItsAttachmentsAndStaysWithoutData() throws Exception {
        assertNull(decode("51-"));
        assertEquals(new SioPacket(BINARY_EVENT, "/", -1, null), decoder.decodeBinary(new byte[]{1}));
        assertNull(decode("61-4"));
        assertEquals(new SioPacket(BINARY_ACK, "/", 4, null), decoder.decodeBinary(new byte[]{2}));
    }

    @Test
    void connectErrorObjectAndString() throws Exception {
        assertEquals(new SioPacket(CONNECT_ERROR, "/random", -1, Map.of("message", "Invalid namespace")),
                decode("4/random,{\"message\":\"Invalid namespace\"}"));
        assertEquals(new SioPacket(CONNECT_ERROR, "/", -1, "Not authorized"), decode("4\"Not authorized\""));
    }

    @Test
    void numericEventName() throws Exception {
        assertEquals(List.of(42L, "x"), decode("2[42,\"x\"]").data());
    }

    @Test
    void numbersDecodeAsLongOrDouble() throws Exception {
        assertEquals(List.of("n", 1L, 1.5, -3L, 1e300), decode("2[\"n\",1,1.5,-3,1e300]").data());
    }

    // ---- binary

    @Test
    void binaryEventWaitsForItsAttachment() throws Exception {
        assertNull(decode("51-[\"baz\",{\"_placeholder\":true,\"num\":0}]"));
        assertTrue(decoder.awaitingAttachments());
        byte[] bytes = {1, 2, 3, 4};
        SioPacket p = decoder.decodeBinary(bytes);
        assertEquals(BINARY_EVENT, p.type());
        List<?> args = (List<?>) p.data();
        assertEquals("baz", args.get(0));
        assertSame(bytes, args.get(1));
        assertFalse(decoder.awaitingAttachments());
    }

    @Test
    void binaryAckWithNamespaceAndId() throws Exception {
        assertNull(decode("61-/admin,5[{\"_placeholder\":true,\"num\":0}]"));
        SioPacket p = decoder.decodeBinary(new byte[]{7});
        assertEquals(BINARY_ACK, p.type());
        assertEquals("/admin", p.namespace());
        assertEquals(5, p.ackId());
        assertArrayEquals(new byte[]{7}, (byte[]) ((List<?>) p.data()).get(0));
    }

    @Test
    void nestedPlaceholdersAreRestoredInPlace() throws Exception {
        assertNull(decode("53-[\"e\",{\"a\":{\"_placeholder\":true,\"num\":2},"
                + "\"l\":[{\"_placeholder\":true,\"num\":0},{\"x\":{\"_placeholder\":true,\"num\":1}}]}]"));
        assertNull(decoder.decodeBinary(new byte[]{0}));
        assertNull(decoder.decodeBinary(new byte[]{1}));
        SioPacket p = decoder.decodeBinary(new byte[]{2});
        Map<?, ?> obj = (Map<?, ?>) ((List<?>) p.data()).get(1);
        assertArrayEquals(new byte[]{2}, (byte[]) obj.get("a"));
        List<?> l = (List<?>) obj.get("l");
        assertArrayEquals(new byte[]{0}, (byte[]) l.get(0));
        assertArrayEquals(new byte[]{1}, (byte[]) ((Map<?, ?>) l.get(1)).get("x"));
    }

    @Test
    void binaryTypeWithZeroAttachmentsIsReturnedAtOnce() throws Exception {
        SioPacket p = decode("50-[\"a\"]");
        assertEquals(new SioPacket(BINARY_EVENT, "/", -1, List.of("a")), p);
        assertFalse(decoder.awaitingAttachments());
        assertNotNull(decode("2[\"next\"]"));
    }

    @Test
    void decoderIsReusableAfterABinaryPacket() throws Exception {
        assertNull(decode("51-[\"a\",{\"_placeholder\":true,\"num\":0}]"));
        assertNotNull(decoder.decodeBinary(new byte[0]));
        assertEquals(List.of("b"), decode("2[\"b\"]").data());
    }

    @Test
    void attachmentsUpToTheLimitAreAccepted() throws Exception {
        assertNull(decode("510-[\"a\"]"));
        for (int i = 0; i < 9; i++) assertNull(decoder.decodeBinary(new byte[0]));
        assertNotNull(decoder.decodeBinary(new byte[0]));
    }

    // ---- malformed packets: each rule on its own

    @Test
    void rejectsEmptyPacket() {
        assertRejected("", "empty");
    }

    @Test
    void rejectsUnknownTypeDigit() {
        assertRejected("7[\"a\"]", "unknown packet type");
        assertRejected("x", "unknown packet type");
    }

    @Test
    void rejectsAttachmentCountNotANumber() {
        assertRejected("5a-[\"a\"]", "illegal attachments");
    }

    @Test
    void rejectsAttachmentCountWithoutDash() {
        assertRejected("51[\"a\",{\"_placeholder\":true,\"num\":0}]", "illegal attachments");
        assertRejected("51", "illegal attachments");
    }

    @Test
    void rejectsMissingAttachmentCount() {
        assertRejected("5-[\"a\"]", "illegal attachments");
    }

    @Test
    void rejectsTooManyAttachments() {
        assertRejected("511-[\"a\"]", "too many attachments");
        assertRejected("599999999999999999999-[\"a\"]", "too many attachments");
    }

    @Test
    void rejectsConnectWithNonObjectPayload() {
        assertRejected("0[\"a\"]", "invalid payload for CONNECT");
        assertRejected("0\"s\"", "invalid payload for CONNECT");
        assertRejected("0null", "invalid payload for CONNECT");
    }

    @Test
    void rejectsDisconnectWithPayload() {
        assertRejected("1{}", "invalid payload for DISCONNECT");
        assertRejected("1/admin,{}", "invalid payload for DISCONNECT");
    }

    @Test
    void rejectsConnectErrorNotObjectOrString() {
        assertRejected("4[\"a\"]", "invalid payload for CONNECT_ERROR");
        assertRejected("4true", "invalid payload for CONNECT_ERROR");
        assertRejected("4null", "invalid payload for CONNECT_ERROR");
    }

    @Test
    void rejectsEventThatIsNotAnArray() {
        assertRejected("2{\"a\":1}", "invalid payload for EVENT");
        assertRejected("2\"a\"", "invalid payload for EVENT");
    }

    @Test
    void rejectsEventWithEmptyArray() {
        assertRejected("2[]", "invalid payload for EVENT");
    }

    @Test
    void rejectsEventWhosePayloadIsNull() {
        assertRejected("2null", "invalid payload for EVENT");
        assertRejected("212null", "invalid payload for EVENT");
    }

    @Test
    void rejectsAckWhosePayloadIsNull() {
        assertRejected("31null", "invalid payload for ACK");
    }

    @Test
    void rejectsEventWhoseNameIsNotStringOrNumber() {
        assertRejected("2[null]", "invalid payload for EVENT");
        assertRejected("2[{}]", "invalid payload for EVENT");
        assertRejected("2[true]", "invalid payload for EVENT");
    }

    @Test
    void rejectsEveryReservedEventName() {
        for (String name : List.of("connect", "connect_error", "disconnect", "disconnecting", "newListener",
                "removeListener")) {
            assertRejected("2[\"" + name + "\"]", "invalid payload for EVENT");
        }
    }

    @Test
    void rejectsBinaryEventWithInvalidPayload() {
        assertRejected("51-[\"disconnect\",{\"_placeholder\":true,\"num\":0}]", "invalid payload for BINARY_EVENT");
    }

    @Test
    void rejectsAckThatIsNotAnArray() {
        assertRejected("31{}", "invalid payload for ACK");
        assertRejected("61-1{\"_placeholder\":true,\"num\":0}", "invalid payload for BINARY_ACK");
    }

    @Test
    void rejectsAckIdOverLimit() {
        assertRejected("22147483648[\"a\"]", "over the limit");
        SioDecoder small = new SioDecoder(new ParserLimits(10, 32, 99));
        assertThrows(SioParseException.class, () -> small.decodeText("2100[\"a\"]"));
    }

    @Test
    void rejectsAckIdThatOverflowsALong() {
        SioDecoder unlimited = new SioDecoder(new ParserLimits(10, 32, Long.MAX_VALUE));
        SioParseException e = assertThrows(SioParseException.class,
                () -> unlimited.decodeText("299999999999999999999999[\"a\"]"));
        assertTrue(e.getMessage().contains("not a valid integer"), e.getMessage());
    }

    @Test
    void rejectsGarbageBeforeJson() {
        assertRejected("2abc[\"a\"]", "invalid JSON");
    }

    @Test
    void rejectsGarbageAfterJson() {
        assertRejected("2[\"a\"]x", "invalid JSON");
        assertRejected("2[\"a\"][\"b\"]", "invalid JSON");
    }

    @Test
    void aNamespaceWithoutCommaRunsToTheEndAndLeavesNoPayload() throws Exception {
        // as the reference's decoder: the "payload" is part of the namespace name, which no client can connect to
        assertEquals(new SioPacket(EVENT, "/admin[\"x\"]", -1, null), decode("2/admin[\"x\"]"));
    }

    @Test
    void rejectsPlaceholderNumOutOfRange() throws Exception {
        assertNull(decode("51-[\"a\",{\"_placeholder\":true,\"num\":1}]"));
        SioParseException e = assertThrows(SioParseException.class, () -> decoder.decodeBinary(new byte[1]));
        assertTrue(e.getMessage().contains("illegal attachments"), e.getMessage());
    }

    @Test
    void rejectsNegativePlaceholderNum() throws Exception {
        assertNull(decode("51-[\"a\",{\"_placeholder\":true,\"num\":-1}]"));
        assertThrows(SioParseException.class, () -> decoder.decodeBinary(new byte[1]));
    }

    @Test
    void rejectsPlaceholderNumThatIsNotAnInteger() throws Exception {
        assertNull(decode("51-[\"a\",{\"_placeholder\":true,\"num\":0.5}]"));
        assertThrows(SioParseException.class, () -> decoder.decodeBinary(new byte[1]));
        assertNull(decode("51-[\"a\",{\"_placeholder\":true,\"num\":\"0\"}]"));
        assertThrows(SioParseException.class, () -> decoder.decodeBinary(new byte[1]));
        assertNull(decode("51-[\"a\",{\"_placeholder\":true}]"));
        assertThrows(SioParseException.class, () -> decoder.decodeBinary(new byte[1]));
    }

    @Test
    void placeholderFlagMustBeTrueToCount() throws Exception {
        assertNull(decode("51-[\"a\",{\"_placeholder\":\"yes\",\"num\":0}]"));
        SioPacket p = decoder.decodeBinary(new byte[1]);
        assertEquals(Map.of("_placeholder", "yes", "num", 0L), ((List<?>) p.data()).get(1));
    }

    @Test
    void rejectsTextWhileAttachmentsAreExpected() throws Exception {
        assertNull(decode("52-[\"a\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]"));
        assertNull(decoder.decodeBinary(new byte[1]));
        assertRejected("2[\"b\"]", "attachment");
        assertFalse(decoder.awaitingAttachments());
    }

    @Test
    void rejectsBinaryWithNoPendingPacket() {
        SioParseException e = assertThrows(SioParseException.class, () -> decoder.decodeBinary(new byte[]{1}));
        assertTrue(e.getMessage().contains("no pending"), e.getMessage());
    }

    @Test
    void rejectsPayloadNestedBeyondTheDepthLimit() throws Exception {
        String ok = "2[\"a\"," + "[".repeat(31) + "]".repeat(31) + "]";
        assertNotNull(decode(ok));
        assertRejected("2[\"a\"," + "[".repeat(32) + "]".repeat(32) + "]", "deeper than 32");
    }
}
