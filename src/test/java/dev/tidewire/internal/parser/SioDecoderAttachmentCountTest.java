package dev.tidewire.internal.parser;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attachment counts near int's range, with a limit configured that high (found while fuzzing the decoder). */
class SioDecoderAttachmentCountTest {
    private final SioDecoder decoder = new SioDecoder(new ParserLimits(Integer.MAX_VALUE, 32, Integer.MAX_VALUE));

    @Test
    void aCountPastIntRangeIsRejectedNotWrappedAround() {
        // 11111111111 wrapped to a negative int, passed the limit check and reached new ArrayList<>(negative)
        assertThrows(SioParseException.class, () -> decoder.decodeText("511111111111-[\"x\"]"));
        assertFalse(decoder.awaitingAttachments());
    }

    @Test
    void aZeroLimitRejectsAnyCount() {
        SioDecoder none = new SioDecoder(new ParserLimits(0, 32, Integer.MAX_VALUE));
        assertThrows(SioParseException.class, () -> none.decodeText("55-[\"x\"]"));
    }

    @Test
    void aHugeDeclaredCountAllocatesNothingUpFront() throws Exception {
        // the declared count used to size the attachment list: 2^31-1 slots for a 17-character frame
        assertNull(decoder.decodeText("52147483647-[\"x\"]"));
        assertTrue(decoder.awaitingAttachments());
    }
}
