package dev.tidewire.demo.news;

import static dev.tidewire.demo.Replies.failure;

import dev.tidewire.demo.DemoSettings;
import dev.tidewire.jakarta.Settings;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;
import dev.tidewire.server.SocketIoServer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The news demo on {@code /news}, in the fluent style: a client subscribes to topics (each topic is a room) and
 * the server pushes an {@code item} for every subscribed topic every {@code tidewire.demo.newsInterval} ms from
 * a timer thread of its own.
 *
 * <p>Client to server, acknowledged with {@code {ok, topics}} or {@code {ok:false, error}}:
 * {@code subscribe(topic)}, {@code unsubscribe(topic)}. Server to client: {@code topics([{topic,name}])} on
 * connection, {@code item({seq,topic,name,price,change,headline?,time})} for subscribed topics only.
 */
@ApplicationScoped
public class NewsFeed {
    private static final Logger LOG = System.getLogger("tidewire.demo");
    static final String ROOM_PREFIX = "topic:";

    /** Resolved at the web module's start, not when a timer first touches this bean (see {@link MarketClock}). */
    @Inject
    Instance<SocketIoServer> servers;

    private final Tickers tickers = new Tickers(new Random());
    private ScheduledFuture<?> task;
    private Namespace namespace;
    private ScheduledThreadPoolExecutor ownExecutor;

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        Settings settings = new Settings(context);
        if (!DemoSettings.enabled(settings)) return;
        long interval = settings.getLong(DemoSettings.NEWS_INTERVAL, 3000);
        Namespace news = servers.get().of("/news");
        install(news);
        synchronized (this) {
            namespace = news;
            task = schedule(() -> publish(news), interval);
        }
        LOG.log(Level.INFO, "news demo on /news, one item per subscribed topic every {0} ms", String.valueOf(interval));
    }

    /** {@code /news} while the demo is on and publishing, else empty. */
    synchronized Optional<Namespace> running() {
        return task != null && !task.isCancelled() ? Optional.of(namespace) : Optional.empty();
    }

    /** Registers the namespace's handlers. */
    void install(Namespace news) {
        news.onConnection(socket -> {
            socket.emit("topics", Tickers.catalog());
            socket.on("subscribe", (args, ack) -> {
                String topic = topicArg(args);
                if (!Tickers.isTopic(topic)) {
                    ack.send(failure("Unknown topic: " + topic));
                    return;
                }
                socket.join(ROOM_PREFIX + topic);
                ack.send(subscribed(socket));
                Map<String, Object> last = tickers.latest(topic);
                if (last != null) socket.emit("item", last); // something to show at once
            });
            socket.on("unsubscribe", (args, ack) -> {
                String topic = topicArg(args);
                if (Tickers.isTopic(topic)) socket.leave(ROOM_PREFIX + topic);
                ack.send(subscribed(socket));
            });
        });
    }

    /** One round: an item to each topic's subscribers, for topics that have any. */
    void publish(Namespace news) {
        try {
            Set<String> rooms = news.localRooms();
            for (String topic : Tickers.COMPANIES.keySet()) {
                String room = ROOM_PREFIX + topic;
                if (rooms.contains(room)) news.to(room).emit("item", tickers.next(topic));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "news push failed", e); // keep the periodic task alive
        }
    }

    private static String topicArg(List<Object> args) {
        return args.isEmpty() || !(args.get(0) instanceof String s) ? null : s;
    }

    private static Map<String, Object> subscribed(Socket socket) {
        List<String> topics = new ArrayList<>();
        for (String room : socket.rooms()) if (room.startsWith(ROOM_PREFIX)) topics.add(room.substring(ROOM_PREFIX.length()));
        topics.sort(null);
        Map<String, Object> m = dev.tidewire.demo.Replies.success();
        m.put("topics", topics);
        return m;
    }


    /**
     * On a timer thread of the demo's own, stopped and awaited at undeploy. Not the container's managed scheduled
     * executor: on WildFly 39 one of its pool threads kept the undeployed application's class loader (seen twice,
     * with and without the application's loader at scheduling time).
     */
    private ScheduledFuture<?> schedule(Runnable work, long interval) {
        ownExecutor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tidewire-demo-news");
            t.setDaemon(true);
            return t;
        });
        return ownExecutor.scheduleAtFixedRate(work, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) task.cancel(false);
        if (ownExecutor == null) return;
        ownExecutor.shutdownNow();
        try {
            if (!ownExecutor.awaitTermination(5, TimeUnit.SECONDS)) LOG.log(Level.WARNING, "news timer did not stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
