package dev.tidewire.demo.news;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Made-up company tickers: each {@link #next} moves a price by a small random step and sometimes attaches a
 * headline. Thread-safe.
 */
public final class Tickers {
    /** Topic (symbol) to company name, in display order. */
    public static final Map<String, String> COMPANIES = companies();
    private static final String[] HEADLINES = {
            "%s beats quarterly estimates", "%s announces a new product line", "Analysts upgrade %s",
            "%s opens an office in Lisbon", "%s CEO speaks at industry summit", "%s shares active in early trading",
            "%s signs a supply agreement", "%s expands its cloud offering",
    };

    private final Random random;
    private final Map<String, Double> prices = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> latest = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public Tickers(Random random) {
        this.random = random;
        int i = 0;
        for (String symbol : COMPANIES.keySet()) prices.put(symbol, 50.0 + 37.5 * i++);
    }

    private static Map<String, String> companies() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ACME", "Acme Corporation");
        m.put("GLOBX", "Globex");
        m.put("INITK", "Initech");
        m.put("UMBR", "Umbrella Industries");
        m.put("WAYNE", "Wayne Enterprises");
        return java.util.Collections.unmodifiableMap(m);
    }

    public static boolean isTopic(String topic) {
        return topic != null && COMPANIES.containsKey(topic);
    }

    /** {@code [{topic, name}]} for the client's topic picker. */
    public static List<Map<String, Object>> catalog() {
        List<Map<String, Object>> out = new ArrayList<>();
        COMPANIES.forEach((symbol, name) -> out.add(Map.of("topic", symbol, "name", name)));
        return out;
    }

    /** A new item for {@code topic}: {@code {seq, topic, name, price, change, headline?, time}}. */
    public synchronized Map<String, Object> next(String topic) {
        double before = prices.get(topic);
        double after = Math.max(1, Math.round(before * (1 + (random.nextDouble() - 0.5) * 0.04) * 100) / 100.0);
        prices.put(topic, after);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("seq", sequence.incrementAndGet());
        item.put("topic", topic);
        item.put("name", COMPANIES.get(topic));
        item.put("price", after);
        item.put("change", Math.round((after - before) * 100) / 100.0);
        if (random.nextInt(3) == 0) {
            item.put("headline", String.format(HEADLINES[random.nextInt(HEADLINES.length)], COMPANIES.get(topic)));
        }
        item.put("time", System.currentTimeMillis());
        latest.put(topic, item);
        return item;
    }

    /** The last item made for {@code topic}, or null. */
    public Map<String, Object> latest(String topic) {
        return latest.get(topic);
    }
}
