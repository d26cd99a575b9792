package dev.tidewire.internal.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JSONP polling, as the reference's {@code polling-jsonp}: a poll is answered with the script
 * {@code ___eio[<j>]("<payload>");}, and a POST is the form {@code d=<payload>}, whose newlines the client escaped.
 */
final class Jsonp {
    private Jsonp() {
    }

    /** The callback index: the digits of the {@code j} parameter, the rest dropped so nothing else reaches the script. */
    static String callbackIndex(String j) {
        StringBuilder digits = new StringBuilder(j.length());
        for (int i = 0; i < j.length(); i++) {
            char c = j.charAt(i);
            if (c >= '0' && c <= '9') digits.append(c);
        }
        return digits.toString();
    }

    static String script(String callbackIndex, String payload) {
        return "___eio[" + callbackIndex + "](" + Json.quoteForScript(payload) + ");";
    }

    /**
     * The payload of a JSONP POST: the form's {@code d} field with the client's newline escapes undone, or
     * {@code null} when the form has no {@code d}, or more than one (the reference then ignores the POST).
     */
    static String postedPayload(byte[] body) {
        String d = formField(new String(body, StandardCharsets.UTF_8), "d");
        return d == null ? null : unescapeNewlines(d);
    }

    /**
     * One field of an {@code application/x-www-form-urlencoded} body, decoded leniently as Node's querystring; null when
     * absent or repeated (querystring makes a repeated field an array, not a string).
     */
    static String formField(String form, String name) {
        List<String> values = new ArrayList<>(1);
        FormDecoding.forEachPair(form, 0, form.length(), (field, value) -> {
            if (field.equals(name)) values.add(value);
        });
        return values.size() == 1 ? values.get(0) : null;
    }

    /**
     * The reference's two replacements: the client sends a newline as {@code \n} and an escaped one as {@code \\n};
     * first {@code \n} becomes a newline where no backslash precedes it, then {@code \\n} becomes {@code \n}.
     */
    static String unescapeNewlines(String d) {
        if (d.indexOf('\\') < 0) return d;
        StringBuilder first = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            if (startsWith(d, i, "\\\\n")) {
                first.append("\\\\n");
                i += 2;
            } else if (startsWith(d, i, "\\n")) {
                first.append('\n');
                i += 1;
            } else {
                first.append(d.charAt(i));
            }
        }
        StringBuilder second = new StringBuilder(first.length());
        for (int i = 0; i < first.length(); i++) {
            if (startsWith(first, i, "\\\\n")) {
                second.append("\\n");
                i += 2;
            } else {
                second.append(first.charAt(i));
            }
        }
        return second.toString();
    }

    private static boolean startsWith(CharSequence s, int at, String prefix) {
        if (at + prefix.length() > s.length()) return false;
        for (int k = 0; k < prefix.length(); k++) {
            if (s.charAt(at + k) != prefix.charAt(k)) return false;
        }
        return true;
    }
}
