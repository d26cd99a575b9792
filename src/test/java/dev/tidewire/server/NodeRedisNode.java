package dev.tidewire.server;

import dev.tidewire.internal.parser.JsonReader;
import dev.tidewire.internal.parser.JsonWriter;
import dev.tidewire.internal.parser.SioParseException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Node node of a mixed cluster: {@code src/test/node/cluster/redis-node.mjs} (socket.io with the reference's
 * {@code @socket.io/redis-adapter}, one socket.io-client connected to it, the reference's emitter) or another script
 * of the same line protocol ({@code redis-streams-node.mjs}), driven by one JSON command a line on its standard
 * input; what its clients and its server-side handlers receive comes back as events.
 */
public final class NodeRedisNode implements AutoCloseable {
    private static final long REPLY_TIMEOUT_SECONDS = 15;

    private final Process process;
    private final Writer commands;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Object>> replies = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final CompletableFuture<Map<String, Object>> ready = new CompletableFuture<>();
    private final StringBuilder errors = new StringBuilder();

    private NodeRedisNode(Process process) {
        this.process = process;
        this.commands = process.outputWriter(StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, "node-redis-node-stdout");
        reader.setDaemon(true);
        reader.start();
        Thread errorReader = new Thread(this::readErrors, "node-redis-node-stderr");
        errorReader.setDaemon(true);
        errorReader.start();
    }

    /** The Node suite's directory; its node_modules come from {@code npm ci} (the build runs it before the tests). */
    static Path suiteDirectory() {
        Path dir = Path.of(System.getProperty("project.basedir", "."), "src/test/node");
        if (!Files.isDirectory(dir.resolve("node_modules/@socket.io/redis-adapter"))) {
            throw new AssertionError("src/test/node/node_modules lacks @socket.io/redis-adapter: run npm ci there "
                    + "(the build does, unless -DskipInterop)");
        }
        return dir;
    }

    /** The node of the reference's classic Redis adapter, {@code cluster/redis-node.mjs}. */
    public static NodeRedisNode start(String redisUri) {
        return start("cluster/redis-node.mjs", redisUri);
    }

    /** @param script a node script of the suite directory that speaks this line protocol */
    public static NodeRedisNode start(String script, String redisUri) {
        try {
            Process process = new ProcessBuilder("node", script, redisUri)
                    .directory(suiteDirectory().toFile())
                    .start();
            NodeRedisNode node = new NodeRedisNode(process);
            node.ready.get(30, TimeUnit.SECONDS);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the Node node did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The socket id of the Node node's own client. */
    public String clientId() {
        return (String) ready.join().get("clientId");
    }

    /** Runs a command and returns its result; a failure on the Node side fails the test. */
    public Object call(String command, Object... params) {
        try {
            return callAsync(command, params).get(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the Node node failed " + command + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new AssertionError("the Node node did not answer " + command + "; its errors: " + errors());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @param params name, value, name, value… */
    CompletableFuture<Object> callAsync(String command, Object... params) {
        long id = ids.incrementAndGet();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", id);
        line.put("cmd", command);
        for (int i = 0; i < params.length; i += 2) line.put((String) params[i], params[i + 1]);
        CompletableFuture<Object> reply = new CompletableFuture<>();
        replies.put(id, reply);
        try {
            synchronized (commands) {
                commands.write(JsonWriter.toJson(line) + "\n");
                commands.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reply;
    }

    /** The events of this type received so far ({@code client-event}, {@code server-side-event}). */
    synchronized List<Map<String, Object>> events(String type) {
        return events.stream().filter(e -> type.equals(e.get("type"))).toList();
    }

    /** The arguments of the events named {@code event} that the Node client received. */
    public List<List<Object>> clientEvents(String event) {
        return eventArgs("client-event", event);
    }

    /** The arguments of the events named {@code event} among those of this type (e.g. another client's). */
    synchronized List<List<Object>> eventArgs(String type, String event) {
        return events(type).stream().filter(e -> event.equals(e.get("event")))
                .map(e -> fromWire(e.get("args"))).toList();
    }

    /** A binary value as the Node side writes and reads it. */
    static Map<String, Object> binary(byte[] bytes) {
        return Map.of("$binary", Base64.getEncoder().encodeToString(bytes));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> fromWire(Object args) {
        List<Object> out = new ArrayList<>();
        for (Object a : (List<Object>) args) {
            out.add(a instanceof Map<?, ?> m && m.get("$binary") instanceof String b ? Base64.getDecoder().decode(b) : a);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void readLines() {
        try (BufferedReader in = process.inputReader(StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                Map<String, Object> message;
                try {
                    message = (Map<String, Object>) JsonReader.parse(line, 100);
                } catch (SioParseException | ClassCastException e) {
                    synchronized (this) {
                        errors.append("not a JSON line: ").append(line).append('\n');
                    }
                    continue;
                }
                switch (String.valueOf(message.get("type"))) {
                    case "ready" -> ready.complete(message);
                    case "reply" -> {
                        CompletableFuture<Object> reply = replies.remove(((Number) message.get("id")).longValue());
                        if (reply == null) break;
                        if (message.containsKey("error")) reply.completeExceptionally(new IllegalStateException(String.valueOf(message.get("error"))));
                        else reply.complete(message.get("result"));
                    }
                    default -> {
                        synchronized (this) {
                            events.add(message);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        ready.completeExceptionally(new IllegalStateException("the Node node exited: " + errors()));
    }

    private void readErrors() {
        try (BufferedReader err = process.errorReader(StandardCharsets.UTF_8)) {
            for (String line; (line = err.readLine()) != null; ) {
                synchronized (this) {
                    errors.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    synchronized String errors() {
        return errors.toString();
    }

    /** Ends the node: its standard input closes, and it leaves Redis and exits. */
    @Override
    public void close() {
        try {
            commands.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
