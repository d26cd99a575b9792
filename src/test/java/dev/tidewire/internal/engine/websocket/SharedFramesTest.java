package dev.tidewire.internal.engine.websocket;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class SharedFramesTest {
    @Test
    void foundByTheIdentityOfTheMessageAndWhetherItIsCompressed() {
        SharedFrames frames = new SharedFrames();
        String message = new String("42[\"news\",1]");
        byte[] frame = {1, 2, 3};
        frames.keep(message, false, frame);
        assertSame(frame, frames.find(message, false));
        assertNull(frames.find(message, true), "the compressed frame is another frame");
        assertNull(frames.find(new String("42[\"news\",1]"), false), "an equal message made apart is not the same");
    }
}
