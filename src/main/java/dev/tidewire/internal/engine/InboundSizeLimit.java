package dev.tidewire.internal.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * maxHttpBufferSize for a WebSocket's inbound messages, as ws applies maxPayload for the reference: a message over
 * it closes the connection with 1009. Text is taken in parts and counted in UTF-8 bytes, since containers do not
 * bound the frames of a fragmented text message (Undertow) or a single large binary frame (Tyrus). Called by one
 * container thread at a time, in arrival order.
 */
public final class InboundSizeLimit {
    private static final Logger LOG = System.getLogger("tidewire.engine.websocket");
    static final int TOO_BIG = 1009;

    private final long max;
    private final WebSocketConnection connection;
    private final StringBuilder parts = new StringBuilder();
    private WebSocketHandler handler = WebSocketHandler.IGNORE;
    private long bytes;
    private boolean tooBig;

    public InboundSizeLimit(long max, WebSocketConnection connection) {
        this.max = max;
        this.connection = connection;
    }

    /** Where accepted messages go; set once the engine has taken the connection, before any message arrives. */
    public void attach(WebSocketHandler target) {
        handler = target;
    }

    public void onBinary(byte[] data) {
        if (data.length > max) closeTooBig();
        else handler.onBinary(data);
    }

    public void onTextPart(String part, boolean last) {
        if (last && bytes == 0 && parts.length() == 0 && 3L * part.length() <= max) {
            handler.onText(part); // a whole message that cannot be over the limit: no byte count needed
            return;
        }
        if (!tooBig) {
            bytes += utf8Length(part);
            if (bytes > max) {
                tooBig = true;
                parts.setLength(0);
                closeTooBig();
            } else if (last && parts.length() == 0) {
                handler.onText(part);
            } else {
                parts.append(part);
                if (last) {
                    String text = parts.toString();
                    parts.setLength(0);
                    handler.onText(text);
                }
            }
        }
        if (last) {
            bytes = 0;
            tooBig = false;
        }
    }

    private void closeTooBig() {
        LOG.log(Level.DEBUG, "message over {0} bytes; closing with 1009", max);
        connection.close(TOO_BIG, "message too big");
    }

    /** UTF-8 length; each half of a surrogate pair counts 2, so a pair split across parts still counts 4. */
    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
