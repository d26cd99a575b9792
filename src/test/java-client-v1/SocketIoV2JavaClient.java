import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import org.json.JSONArray;
import org.json.JSONObject;

import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Drives the official Java client of the Socket.IO v2 era ({@code io.socket:socket.io-client} 1.0.x: Engine.IO v3,
 * Socket.IO protocol v4) against a deployment with {@code tidewire.allowEIO3=true}, over the transports given.
 * It runs in a JVM of its own, launched from its source file with the 1.0.x jars on the class path (the build's
 * test class path holds the 2.x client, whose packages have the same names), and reports one line per step:
 * {@code <step> <value>}, then {@code done}. A step that does not complete in time ends it with exit code 1.
 * <p>
 * Usage: {@code java -cp <1.0.x jars> SocketIoV2JavaClient.java <base URL> <transport[,transport]>}
 */
public class SocketIoV2JavaClient {
    private static final long STEP_SECONDS = 20;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String[] transports = args[1].split(",");
        Socket main = socket(base + "/", transports, "token=java-v1");
        Socket interop = socket(base + "/interop", transports, "token=java-v1");
        try {
            BlockingQueue<Object[]> auth = events(main, "auth");
            BlockingQueue<Object[]> back = events(main, "message-back");
            BlockingQueue<Object[]> interopAuth = events(interop, "auth");
            BlockingQueue<Object[]> news = events(interop, "news");
            BlockingQueue<Object[]> connected = events(interop, Socket.EVENT_CONNECT);
            main.connect();
            report("auth", ((JSONObject) next(auth, "auth on /")[0]).toString());

            BlockingQueue<Object[]> acked = new LinkedBlockingQueue<>();
            main.emit("message-with-ack", new Object[] {"hi", 42, new byte[] {1, 2, 3}}, (Ack) acked::add);
            report("ack", describe(next(acked, "ack of message-with-ack")));

            main.emit("message", "text", new byte[] {4, 5});
            report("message-back", describe(next(back, "message-back")));

            interop.connect();
            next(connected, "connect to /interop");
            report("interop-auth", ((JSONObject) next(interopAuth, "auth on /interop")[0]).toString());
            BlockingQueue<Object[]> joined = new LinkedBlockingQueue<>();
            interop.emit("join", new Object[] {"v2-room"}, (Ack) joined::add);
            report("rooms", ((JSONArray) next(joined, "join")[0]).toString());
            BlockingQueue<Object[]> sent = new LinkedBlockingQueue<>();
            interop.emit("broadcast-all", new Object[] {"from-java-v1", new byte[] {9}}, (Ack) sent::add);
            next(sent, "broadcast-all");
            report("news", describe(next(news, "news")));
            report("done", "");
        } finally {
            interop.close();
            main.close();
        }
        System.exit(0);
    }

    private static Socket socket(String url, String[] transports, String query) throws Exception {
        IO.Options options = new IO.Options();
        options.transports = transports;
        options.forceNew = true;
        options.reconnection = false;
        options.query = query;
        return IO.socket(url, options);
    }

    private static BlockingQueue<Object[]> events(Socket socket, String event) {
        BlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
        socket.on(event, queue::add);
        return queue;
    }

    private static Object[] next(BlockingQueue<Object[]> queue, String what) throws InterruptedException {
        Object[] got = queue.poll(STEP_SECONDS, TimeUnit.SECONDS);
        if (got == null) {
            report("timeout", what);
            System.exit(1);
        }
        return got;
    }

    /** Each argument as its JSON text, or {@code bytes:<values>} for binary. */
    private static String describe(Object[] args) {
        StringBuilder out = new StringBuilder("[");
        for (Object arg : args) {
            if (out.length() > 1) out.append(',');
            out.append(arg instanceof byte[] b ? "bytes:" + Arrays.toString(b).replace(" ", "") : String.valueOf(arg));
        }
        return out.append(']').toString();
    }

    private static void report(String step, String value) {
        System.out.println(step + " " + value);
        System.out.flush();
    }
}
