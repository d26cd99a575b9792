package dev.tidewire.it.inbox;

/** The message listener type of the test resource adapter: what a message-driven bean bound to it implements. */
public interface InboxListener {
    void onMessage(String text);
}
