package dev.tidewire.demo.news;

import dev.tidewire.demo.SioHarness;
import dev.tidewire.demo.SioHarness.Client;
import dev.tidewire.server.Namespace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /news handlers and one push round, on a real engine and Socket.IO server (the timer is not needed). */
class NewsFeedTest {
    private final SioHarness harness = new SioHarness();
    private final NewsFeed feed = new NewsFeed();
    private final Namespace news = harness.io.of("/news");

    NewsFeedTest() {
        feed.install(news);
    }

    private static Set<Object> topics(Client c) {
        return c.received("item").stream().map(i -> ((Map<?, ?>) i).get("topic")).collect(Collectors.toSet());
    }

    @Test
    void theCatalogIsSentOnConnection() {
        Client c = harness.connect("/news");
        List<?> catalog = (List<?>) c.last("topics");
        assertEquals(Tickers.COMPANIES.size(), catalog.size());
        assertEquals(Map.of("topic", "ACME", "name", "Acme Corporation"), catalog.get(0));
    }

    @Test
    void subscribersGetTheirTopicsOnly() {
        Client a = harness.connect("/news");
        Client b = harness.connect("/news");
        Client idle = harness.connect("/news");
        assertEquals(Map.of("ok", true, "topics", List.of("ACME")), a.call("subscribe", "ACME"));
        assertEquals(Map.of("ok", true, "topics", List.of("ACME", "GLOBX")), a.call("subscribe", "GLOBX"));
        b.call("subscribe", "WAYNE");
        feed.publish(news);
        feed.publish(news);
        assertEquals(Set.of("ACME", "GLOBX"), topics(a));
        assertEquals(4, a.received("item").size());
        assertEquals(Set.of("WAYNE"), topics(b));
        assertTrue(idle.received("item").isEmpty());
    }

    @Test
    void unsubscribingStopsTheItems() {
        Client a = harness.connect("/news");
        a.call("subscribe", "ACME");
        a.call("subscribe", "UMBR");
        feed.publish(news);
        assertEquals(Map.of("ok", true, "topics", List.of("UMBR")), a.call("unsubscribe", "ACME"));
        a.clear();
        feed.publish(news);
        feed.publish(news);
        assertEquals(Set.of("UMBR"), topics(a));
    }

    @Test
    void aLateSubscriberSeesTheLatestItemAtOnce() {
        Client a = harness.connect("/news");
        a.call("subscribe", "INITK");
        feed.publish(news);
        Client b = harness.connect("/news");
        b.call("subscribe", "INITK");
        assertEquals(a.last("item"), b.last("item"));
    }

    @Test
    void unknownTopicsAreRefused() {
        Client a = harness.connect("/news");
        Map<?, ?> reply = (Map<?, ?>) a.call("subscribe", "room:lobby");
        assertEquals(false, reply.get("ok"));
        assertEquals(Map.of("ok", true, "topics", List.of()), a.call("unsubscribe", "nope"));
    }

    @Test
    void tickerItemsMoveByAtMostTwoPercent() {
        Tickers tickers = new Tickers(new Random(7));
        double previous = 50.0;
        for (int i = 0; i < 200; i++) {
            Map<String, Object> item = tickers.next("ACME");
            double price = (Double) item.get("price");
            assertTrue(Math.abs(price - previous) <= previous * 0.02 + 0.01, price + " after " + previous);
            assertEquals(Math.round((price - previous) * 100) / 100.0, (Double) item.get("change"), 0.011);
            previous = price;
        }
    }
}
