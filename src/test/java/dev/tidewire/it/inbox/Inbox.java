package dev.tidewire.it.inbox;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The "enterprise information system" of the test resource adapter: an in-memory queue that the application posts to
 * and the adapter delivers from, on its own work thread, to the message-driven beans bound to it. It lives in the RAR,
 * so the WAR of the same EAR shares it.
 */
public final class Inbox {
    private static final int CAPACITY = 1_000;
    private static final BlockingQueue<String> MESSAGES = new LinkedBlockingQueue<>(CAPACITY);

    private Inbox() {
    }

    /** @return false when the inbox is full */
    public static boolean post(String text) {
        return MESSAGES.offer(text);
    }

    static BlockingQueue<String> messages() {
        return MESSAGES;
    }
}
