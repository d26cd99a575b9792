package dev.tidewire.it;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;

import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sockets of the official Java client ({@code io.socket:socket.io-client}) opened against a deployment, without
 * reconnection, each on a connection of its own, closed together by {@link #closeAll}.
 */
final class JavaClients {
    static final String[] WEBSOCKET = {"websocket"};

    private final URL base;
    private final List<Socket> opened = new ArrayList<>();

    JavaClients(URL base) {
        this.base = base;
    }

    Socket socket(String namespace, String[] transports, Map<String, String> auth) {
        return socket(namespace, transports, auth, Map.of());
    }

    /** With HTTP headers on every request of the connection (polling requests and the WebSocket upgrade). */
    Socket socket(String namespace, String[] transports, Map<String, String> auth, Map<String, List<String>> headers) {
        IO.Options options = IO.Options.builder()
                .setExtraHeaders(headers)
                .setForceNew(true)
                .setReconnection(false)
                .setTransports(transports)
                .setPath(Deployments.loopback(base).getPath() + "socket.io/")
                .setAuth(auth)
                .build();
        URI uri = Deployments.loopback(base).resolve(namespace.substring(1));
        Socket s = IO.socket(uri, options);
        opened.add(s);
        return s;
    }

    /** A WebSocket-only socket connected to {@code namespace}, once the server has sent it {@code greeting}. */
    Socket connected(String namespace, String greeting) throws Exception {
        Socket s = socket(namespace, WEBSOCKET, Map.of());
        connectAndReceive(s, greeting);
        return s;
    }

    void closeAll() {
        for (Socket s : opened) s.close();
        opened.clear();
    }

    /** Connects and returns the arguments of the first {@code event} the server sends (registered beforehand). */
    static Object[] connectAndReceive(Socket s, String event) throws Exception {
        CompletableFuture<Object[]> first = next(s, event);
        CompletableFuture<Void> connected = new CompletableFuture<>();
        s.once(Socket.EVENT_CONNECT, args -> connected.complete(null));
        s.once(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new AssertionError("connect_error: " + Arrays.toString(args))));
        s.connect();
        connected.get(10, TimeUnit.SECONDS);
        return first.get(10, TimeUnit.SECONDS);
    }

    static CompletableFuture<Object[]> next(Socket s, String event) {
        CompletableFuture<Object[]> f = new CompletableFuture<>();
        s.once(event, f::complete);
        return f;
    }

    static Object[] emitWithAck(Socket s, String event, Object... args) throws Exception {
        CompletableFuture<Object[]> f = new CompletableFuture<>();
        s.emit(event, args, (Ack) f::complete);
        return f.get(10, TimeUnit.SECONDS);
    }
}
