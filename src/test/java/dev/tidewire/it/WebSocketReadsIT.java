package dev.tidewire.it;

import dev.tidewire.internal.engine.websocket.ClientFrames;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the bytes of client frames arrive does not change what the server reads: frames written in the same packet as
 * the upgrade request, a frame written a byte at a time, and many frames in one write are all read, in order. On
 * WildFly the fast path reads the socket itself and stops at the first short read, so each of these is a case where
 * bytes wait somewhere else than in the kernel, or arrive after a read has come back short. Over the fixture's
 * Engine.IO echo at /engine.io/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebSocketReadsIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Deployments.REFERENCE_HEARTBEAT);
    }

    @ArquillianResource
    URL base;

    @Test
    void framesWrittenWithTheUpgradeRequestAreRead() throws Exception {
        URI target = new Eio(base).http("EIO=4&transport=websocket");
        try (Socket socket = RawHttp.connect(target)) {
            ByteArrayOutputStream oneWrite = new ByteArrayOutputStream();
            oneWrite.writeBytes(upgradeRequest(target).getBytes(StandardCharsets.ISO_8859_1));
            oneWrite.writeBytes(maskedText("4first"));
            oneWrite.writeBytes(maskedText("4second"));
            socket.getOutputStream().write(oneWrite.toByteArray());
            DataInputStream in = openedOn(socket);
            assertEquals("4first", readText(in));
            assertEquals("4second", readText(in));
        }
    }

    @Test
    void aFrameWrittenAByteAtATimeIsRead() throws Exception {
        URI target = new Eio(base).http("EIO=4&transport=websocket");
        try (Socket socket = RawHttp.connect(target)) {
            socket.setTcpNoDelay(true); // each byte its own segment
            RawHttp.send(socket, upgradeRequest(target));
            DataInputStream in = openedOn(socket);
            OutputStream out = socket.getOutputStream();
            for (byte b : maskedText("4slowly, one byte per write")) {
                out.write(b);
                out.flush();
            }
            assertEquals("4slowly, one byte per write", readText(in));
        }
    }

    @Test
    void manyFramesInOneWriteAreReadInOrder() throws Exception {
        URI target = new Eio(base).http("EIO=4&transport=websocket");
        try (Socket socket = RawHttp.connect(target)) {
            RawHttp.send(socket, upgradeRequest(target));
            DataInputStream in = openedOn(socket);
            ByteArrayOutputStream oneWrite = new ByteArrayOutputStream();
            int frames = 200; // about 3 KB: more than one read of a small buffer, fewer than the fixture's limits
            for (int i = 0; i < frames; i++) oneWrite.writeBytes(maskedText("4m" + i));
            socket.getOutputStream().write(oneWrite.toByteArray());
            for (int i = 0; i < frames; i++) assertEquals("4m" + i, readText(in));
        }
    }

    private static String upgradeRequest(URI target) {
        return RawHttp.head("GET", target, "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
    }

    /** Reads the 101 and the open packet; returns the stream positioned after them. */
    private static DataInputStream openedOn(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String head = RawHttp.readHead(in);
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
        String open = readText(in);
        assertTrue(open.startsWith("0{\"sid\":"), open);
        return in;
    }

    /** A client's final text frame, masked as RFC 6455 requires. */
    private static byte[] maskedText(String text) {
        return ClientFrames.frame(true, 0, 1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The server's next frame, which must be an unfragmented text frame. */
    private static String readText(DataInputStream in) throws IOException {
        int first = in.readUnsignedByte();
        assertEquals(0x81, first, "a final text frame");
        int length = in.readUnsignedByte();
        assertEquals(0, length & 0x80, "server frames are not masked");
        if (length == 126) length = in.readUnsignedShort();
        else if (length == 127) length = Math.toIntExact(in.readLong());
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }
}
