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
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The news demo on {@code /news}, in the fluent style: a client subscribes to topics (each topic is a room) and
 * the server pushes an {@code item} for every subscribed topic every {@code tidewire.demo.newsInterval} ms from
 * the container's managed scheduled executor.
 *
 * <p>Client to server, acknowledged with {@code {ok, topics}} or {@code {ok:false, error}}:
 * {@code subscribe(topic)}, {@code unsubscribe(topic)}. Server to client: {@code topics([{topic,name}])} on
 * connection, {@code item({seq,topic,name,price,change,headline?,time})} for subscribed topics only.
 */
@ApplicationScoped
public class NewsFeed {
    private static final Logger LOG = System.getLogger("tidewire.demo");
    private static final String MANAGED = "java:comp/DefaultManagedScheduledExecutorService";
    static final String ROOM_PREFIX = "topic:";

    @Inject
    SocketIoServer io;

    private final Tickers tickers = new Tickers(new Random());
    private ScheduledFuture<?> task;
    private ScheduledThreadPoolExecutor ownExecutor;

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        Settings settings = new Settings(context);
        if (!DemoSettings.enabled(settings)) return;
        long interval = settings.getLong(DemoSettings.NEWS_INTERVAL, 3000);
        Namespace news = io.of("/news");
        install(news);
        synchronized (this) {
            task = scheduleWithoutLeakingTheLoader(() -> publish(news), interval);
        }
        LOG.log(Level.INFO, "news demo on /news, one item per subscribed topic every {0} ms", String.valueOf(interval));
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
            Set<String> rooms = news.adapter().rooms();
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
     * A pool thread that the container creates for this task inherits the scheduling thread's context class loader
     * and keeps it while idle: seen on WildFly 39, where EE-ManagedScheduledExecutorService-default-Thread-1 still
     * held an undeployed copy of this application's loader. So the task is scheduled with none, and sets the
     * application's loader itself while it runs.
     */
    private ScheduledFuture<?> scheduleWithoutLeakingTheLoader(Runnable work, long interval) {
        Thread current = Thread.currentThread();
        ClassLoader app = current.getContextClassLoader();
        Runnable withLoader = () -> {
            Thread runner = Thread.currentThread();
            ClassLoader before = runner.getContextClassLoader();
            runner.setContextClassLoader(app);
            try {
                work.run();
            } finally {
                runner.setContextClassLoader(before);
            }
        };
        ScheduledExecutorService executor = executor(); // looked up with the application's loader in place
        current.setContextClassLoader(null);
        try {
            return executor.scheduleAtFixedRate(withLoader, interval, interval, TimeUnit.MILLISECONDS);
        } finally {
            current.setContextClassLoader(app);
        }
    }

    private ScheduledExecutorService executor() {
        try {
            return (ScheduledExecutorService) new InitialContext().lookup(MANAGED);
        } catch (NamingException | ClassCastException e) {
            LOG.log(Level.INFO, "no managed scheduled executor ({0}); news uses a private timer thread", e.toString());
            ownExecutor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "tidewire-demo-news");
                t.setDaemon(true);
                return t;
            });
            return ownExecutor;
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) task.cancel(false);
        if (ownExecutor != null) ownExecutor.shutdownNow();
    }
}
