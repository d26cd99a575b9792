package dev.tidewire.internal.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's answer to one {@code permessage-deflate} offer (RFC 7692 section 7.1), the same on every container:
 * the server's compressor never keeps its context between messages, so {@code server_no_context_takeover} and
 * {@code client_no_context_takeover} are accepted and echoed; {@code server_max_window_bits} is accepted only at 15
 * (the JDK's {@code Deflater} cannot narrow its window) and {@code client_max_window_bits} at any valid size (its
 * {@code Inflater} takes any); an unknown, repeated or malformed parameter declines the offer.
 *
 * @param responseParameters the parameters of the answer, all without value
 * @param clientResets       whether the client said it resets its context after each message
 */
public record DeflateOffer(List<String> responseParameters, boolean clientResets) {
    public static final String EXTENSION = "permessage-deflate";
    private static final int JDK_WINDOW_BITS = 15;

    /**
     * @param parameters the offer's parameters in order, as name and value (null or empty when it has none; a quoted
     *                   value is accepted, as the RFC allows)
     * @return the answer, or {@code null} to decline this offer
     */
    public static DeflateOffer accept(List<Map.Entry<String, String>> parameters) {
        List<String> response = new ArrayList<>(2);
        Set<String> seen = new HashSet<>();
        boolean clientResets = false;
        for (Map.Entry<String, String> p : parameters) {
            String name = p.getKey();
            String value = unquoted(p.getValue());
            if (!seen.add(name)) return null;
            switch (name) {
                case "server_no_context_takeover", "client_no_context_takeover" -> {
                    if (value != null && !value.isEmpty()) return null;
                    response.add(name);
                    if (name.equals("client_no_context_takeover")) clientResets = true;
                }
                case "server_max_window_bits" -> {
                    if (windowBits(value) != JDK_WINDOW_BITS) return null;
                }
                case "client_max_window_bits" -> {
                    if (value != null && !value.isEmpty() && windowBits(value) < 0) return null;
                }
                default -> {
                    return null;
                }
            }
        }
        return new DeflateOffer(List.copyOf(response), clientResets);
    }

    private static String unquoted(String value) {
        if (value == null) return null;
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** A window size in bits (8 to 15), or -1. */
    private static int windowBits(String value) {
        try {
            int bits = Integer.parseInt(value == null ? "" : value);
            return bits >= 8 && bits <= 15 ? bits : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
