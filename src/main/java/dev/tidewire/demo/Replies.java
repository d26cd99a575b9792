package dev.tidewire.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/** The demo's ack payloads: {@code {ok:true, ...}} or {@code {ok:false, error}}. */
public final class Replies {
    private Replies() {
    }

    public static Map<String, Object> success() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        return m;
    }

    public static Map<String, Object> failure(String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", false);
        m.put("error", error);
        return m;
    }
}
