package dev.tidewire.internal.parser;

import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * Puts received binary attachments back where the sender left {@code {"_placeholder":true,"num":i}}. The encoding
 * side lives in {@link JsonWriter} (placeholders are written while the JSON is, with no copy of the tree).
 */
final class BinaryPlaceholders {
    private BinaryPlaceholders() {
    }

    /**
     * Replaces every placeholder in {@code data} (whose containers come from {@link JsonReader}, so are mutable) with
     * its attachment, in place.
     *
     * @return {@code data}, or the attachment when {@code data} itself is a placeholder
     * @throws SioParseException "illegal attachments" when a {@code num} is not an integer in range
     */
    static Object restore(Object data, List<byte[]> attachments) throws SioParseException {
        if (data instanceof Map<?, ?> map) {
            if (Boolean.TRUE.equals(map.get("_placeholder"))) return attachment(map.get("num"), attachments);
            @SuppressWarnings("unchecked")
            Map<String, Object> entries = (Map<String, Object>) map;
            for (Map.Entry<String, Object> e : entries.entrySet()) e.setValue(restore(e.getValue(), attachments));
        } else if (data instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            ListIterator<Object> it = ((List<Object>) list).listIterator();
            while (it.hasNext()) it.set(restore(it.next(), attachments));
        }
        return data;
    }

    private static byte[] attachment(Object num, List<byte[]> attachments) throws SioParseException {
        if (num instanceof Long n && n >= 0 && n < attachments.size()) return attachments.get(n.intValue());
        throw new SioParseException("illegal attachments: placeholder num " + num + " is not an index below "
                + attachments.size());
    }
}
