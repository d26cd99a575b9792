package dev.tidewire.it;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A polling session kept alive the way a client does it: one GET always pending, every ping answered by a POST of
 * {@code 3}. POSTs are serialised (overlapping POSTs are a protocol error). Other packets land in {@link #packets};
 * the loop stops at a close or noop packet or a non-200 answer, which completes {@link #ended}. Not for upgrades.
 */
final class PollingSession implements AutoCloseable {
    final Eio eio;
    final JsonObject handshake;
    final String sid;
    final BlockingQueue<String> packets = new LinkedBlockingQueue<>();
    /** The answer that ended the poll loop: a 200 whose payload held {@code 1} or {@code 6}, or an error status. */
    final CompletableFuture<HttpResponse<String>> ended = new CompletableFuture<>();
    private volatile boolean closing;

    private PollingSession(Eio eio) {
        this.eio = eio;
        this.handshake = eio.handshake();
        this.sid = handshake.getString("sid");
    }

    static PollingSession open(Eio eio) {
        PollingSession s = new PollingSession(eio);
        s.poll();
        return s;
    }

    String query() {
        return Eio.sidQuery(sid);
    }

    private void poll() {
        eio.getAsync(query()).whenComplete((r, error) -> {
            if (error != null) {
                ended.completeExceptionally(error);
                return;
            }
            if (r.statusCode() != 200) {
                ended.complete(r);
                return;
            }
            List<String> got = Eio.packets(r.body());
            // no upgrade here: a noop ends the session
            boolean ends = got.contains("1") || got.contains("6") || closing;
            if (!ends) poll(); // before the packets are handed on: whoever waits for one finds the next GET sent
            for (String p : got) {
                if (p.equals("2")) {
                    if (!closing) CompletableFuture.runAsync(() -> post("3"));
                } else {
                    packets.add(p);
                }
            }
            if (ends) ended.complete(r);
        });
    }

    synchronized HttpResponse<String> post(String payload) {
        return eio.post(query(), payload);
    }

    /** Posts {@code 4<text>} and expects {@code 4<text>} back through the poll loop. */
    void assertEchoes(String text) {
        HttpResponse<String> r = post("4" + text);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ok", r.body());
        assertEquals("4" + text, nextPacket());
    }

    String nextPacket() {
        try {
            String p = packets.poll(Eio.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(p, "no packet within " + Eio.WAIT + "; loop ended: " + ended.getNow(null));
            return p;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> awaitEnd() {
        try {
            return ended.get(Eio.WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the poll loop did not end: " + e, e);
        }
    }

    /** Closes the session from the client side (a {@code 1} in a POST). */
    @Override
    public void close() {
        if (ended.isDone()) return;
        closing = true;
        post("1");
    }
}
