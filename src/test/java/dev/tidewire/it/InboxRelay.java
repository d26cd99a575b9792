package dev.tidewire.it;

import dev.tidewire.it.inbox.InboxListener;
import dev.tidewire.server.SocketIoServer;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;

/**
 * A message-driven bean of {@link MessageDrivenBeanIT}'s deployment: each message of the test resource adapter's
 * inbox goes to room {@code inbox} of {@code /interop}, from a container work thread with no Socket.IO context.
 */
@MessageDriven
public class InboxRelay implements InboxListener {
    static final String ROOM = "inbox";

    @Inject
    SocketIoServer io;

    @Override
    public void onMessage(String text) {
        io.of("/interop").to(ROOM).emit("inbox", text);
    }
}
