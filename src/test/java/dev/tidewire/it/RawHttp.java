package dev.tidewire.it;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 over a plain socket, for requests the JDK client will not send and for watching the connection end. */
final class RawHttp {
    private RawHttp() {
    }

    /** Sends {@code request} and returns everything the server writes until it closes the connection. */
    static String sendAndReadUntilClosed(URI server, String request) throws Exception {
        try (Socket socket = connect(server)) {
            send(socket, request);
            return readUntilClosed(socket);
        }
    }

    /** A socket to {@code server} whose reads fail after {@link Eio#WAIT}. */
    static Socket connect(URI server) throws IOException {
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.setSoTimeout((int) Eio.WAIT.toMillis());
        return socket;
    }

    /**
     * As {@link #connect(URI)}, with a kernel send buffer of {@code sendBufferBytes}: a write larger than it and the
     * server's receive window returns only once the server has read the rest.
     */
    static Socket connect(URI server, int sendBufferBytes) throws IOException {
        Socket socket = new Socket();
        socket.setSendBufferSize(sendBufferBytes); // before connecting, so that the kernel does not grow it
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()));
        socket.setSoTimeout((int) Eio.WAIT.toMillis());
        return socket;
    }

    /** Writes {@code request} (headers, or headers and a text body) to {@code socket}. */
    static void send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /**
     * The request line and headers of a request to {@code target}: {@code Host}, then {@code headerLines} (each
     * ending in CRLF), then the empty line.
     */
    static String head(String method, URI target, String headerLines) {
        String pathAndQuery = target.getRawQuery() == null ? target.getRawPath()
                : target.getRawPath() + "?" + target.getRawQuery();
        return method + " " + pathAndQuery + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                + "\r\n" + headerLines + "\r\n";
    }

    /** The request line and headers of a text POST to {@code target} that declares {@code contentLength} bytes. */
    static String postHead(URI target, long contentLength) {
        return head("POST", target, "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + contentLength
                + "\r\n");
    }

    /** The status line and headers of a response, read from {@code in} up to and including the empty line. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new EOFException("the connection ended in a response head: " + head);
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Everything the server writes on {@code socket} until it closes the connection; fails at the socket's timeout. */
    static String readUntilClosed(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            for (int n; (n = in.read(chunk)) >= 0; ) received.write(chunk, 0, n);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open after answering: "
                    + received.toString(StandardCharsets.ISO_8859_1), e);
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }
}
