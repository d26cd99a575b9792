package dev.tidewire.internal.engine.websocket;

import dev.tidewire.internal.engine.DeflateOffer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The server's side of RFC 6455 section 4.2.2 for a handshake the engine has already checked. */
public final class OpeningHandshake {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private OpeningHandshake() {
    }

    /** {@code Sec-WebSocket-Accept}: the base64 SHA-1 (the JDK's) of the key and the protocol's GUID. */
    public static String acceptKey(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key.trim() + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /**
     * The first acceptable permessage-deflate offer of the {@code Sec-WebSocket-Extensions} headers, in the client's
     * order (RFC 7692 section 5), answered by {@link DeflateOffer}.
     *
     * @return the answer, or {@code null} when the client offers none that is acceptable
     */
    public static DeflateOffer deflateOffer(List<String> extensionHeaders) {
        for (String header : extensionHeaders) {
            for (String offer : header.split(",")) {
                String[] parts = offer.split(";");
                if (!parts[0].trim().equalsIgnoreCase(DeflateOffer.EXTENSION)) continue;
                List<Map.Entry<String, String>> parameters = new ArrayList<>(parts.length - 1);
                for (int i = 1; i < parts.length; i++) {
                    String p = parts[i].trim();
                    if (p.isEmpty()) continue;
                    int eq = p.indexOf('=');
                    parameters.add(eq < 0 ? new SimpleEntry<>(p, null)
                            : new SimpleEntry<>(p.substring(0, eq).trim(), p.substring(eq + 1).trim()));
                }
                DeflateOffer answer = DeflateOffer.accept(parameters);
                if (answer != null) return answer;
            }
        }
        return null;
    }

    /** The {@code Sec-WebSocket-Extensions} header of the answer. */
    public static String deflateAnswer(DeflateOffer accepted) {
        StringBuilder header = new StringBuilder(DeflateOffer.EXTENSION);
        for (String p : accepted.responseParameters()) header.append("; ").append(p);
        return header.toString();
    }
}
