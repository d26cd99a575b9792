package dev.tidewire.bench;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.HttpResponse;
import dev.tidewire.internal.engine.RequestInfo;
import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.internal.engine.WebSocketConnection;
import dev.tidewire.internal.engine.WebSocketHandler;
import dev.tidewire.server.SocketIoOptions;
import dev.tidewire.server.SocketIoServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The broadcast path, container-free: {@code io.to(room).emit(...)} through the real SocketIoServer, Namespace,
 * InMemoryAdapter and EngineSession outbound queues, to {@code receivers} WebSocket sessions whose connections are
 * fakes that complete every send at once. {@link #floor} writes one pre-encoded frame to the same fakes directly:
 * the cost that no server can avoid, for comparison. Time is per broadcast (divide by receivers for per delivery).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BroadcastBench {
    @Param({"1000", "10000"})
    int receivers;

    SocketIoServer io;
    EngineServer engine;
    final List<CountingConnection> connections = new ArrayList<>();
    Map<String, Object> payload;
    String preEncoded;
    long seq;

    /** Sends complete synchronously; frames are only counted. */
    static final class CountingConnection implements WebSocketConnection {
        long texts;
        long binaries;
        boolean closed;

        @Override
        public void sendText(String text, SendCallback callback) {
            texts++;
            callback.onComplete(null);
        }

        @Override
        public void sendBinary(byte[] data, SendCallback callback) {
            binaries++;
            callback.onComplete(null);
        }

        @Override
        public void close(int code, String reason) {
            closed = true;
        }
    }

    /** Timers never fire: heartbeats and connect timeouts stay out of the measurement. */
    static final class IdleScheduler implements Scheduler {
        @Override
        public Timer schedule(Runnable task, long delayMillis) {
            return () -> { };
        }

        @Override
        public long nowMillis() {
            return System.currentTimeMillis();
        }
    }

    @Setup(Level.Trial)
    public void setup() {
        SocketIoOptions options = SocketIoOptions.defaults();
        IdleScheduler scheduler = new IdleScheduler();
        io = new SocketIoServer(options, scheduler, Runnable::run, null, null);
        io.of("/").onConnection(socket -> socket.join("bench"));
        engine = new EngineServer(options.engine(), scheduler, io);
        RequestInfo req = new RequestInfo(
                Map.of("upgrade", List.of("websocket"), "connection", List.of("Upgrade"),
                        "sec-websocket-key", List.of("dGhlIHNhbXBsZSBub25jZQ=="), "sec-websocket-version", List.of("13")),
                Map.of("EIO", List.of("4"), "transport", List.of("websocket")),
                "127.0.0.1", false, options.engine().path() + "?EIO=4&transport=websocket");
        for (int i = 0; i < receivers; i++) {
            HttpResponse refusal = engine.verifyUpgrade(req);
            if (refusal != null) throw new IllegalStateException("upgrade refused: " + refusal.status());
            CountingConnection conn = new CountingConnection();
            WebSocketHandler handler = engine.onWebSocketOpen(req, conn);
            handler.onText("40"); // CONNECT to namespace /
            connections.add(conn);
        }
        if (io.clientCount() != receivers) throw new IllegalStateException("clients: " + io.clientCount());
        payload = new LinkedHashMap<>();
        payload.put("id", 1L);
        payload.put("text", "hello room");
        payload.put("n", 42L);
        preEncoded = "42[\"bcast\",{\"id\":1,\"text\":\"hello room\",\"n\":42}]";
        // one broadcast to check that every receiver gets exactly one frame
        long before = totalTexts();
        io.to("bench").emit("bcast", payload);
        if (totalTexts() - before != receivers) {
            throw new IllegalStateException("a broadcast reached " + (totalTexts() - before) + " of " + receivers);
        }
    }

    long totalTexts() {
        long n = 0;
        for (CountingConnection c : connections) n += c.texts;
        return n;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        io.close();
        engine.shutdown();
    }

    @Benchmark
    public void broadcastSmallJson() {
        payload.put("id", ++seq);
        io.to("bench").emit("bcast", payload);
    }

    @Benchmark
    public void floor() {
        for (CountingConnection c : connections) c.sendText(preEncoded, e -> { });
    }
}
