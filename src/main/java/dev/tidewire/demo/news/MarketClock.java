package dev.tidewire.demo.news;

import dev.tidewire.server.Namespace;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;

/**
 * An EJB timer that pushes {@code market({time, watching})} every 5 seconds to the {@code /news} clients subscribed
 * to at least one topic (the topic rooms, each client once): the server's clock and how many clients watch the
 * news. Non-persistent, so nothing is stored and nothing fires after undeploy.
 *
 * <p>The timer may fire while the application is still starting, before the web module is: it reaches the server
 * only through the running feed, so that it never creates the server before the deployment's context parameters can
 * be read.
 */
@Singleton
public class MarketClock {
    @Inject
    NewsFeed news;

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void tick() {
        Namespace nsp = news.running().orElse(null);
        if (nsp == null) return;
        String[] topicRooms = nsp.localRooms().stream().filter(r -> r.startsWith(NewsFeed.ROOM_PREFIX))
                .toArray(String[]::new);
        if (topicRooms.length == 0) return; // no room would mean everybody
        nsp.to(topicRooms).emit("market", Map.of("time", Instant.now().toString(), "watching", nsp.sockets().size()));
    }
}
