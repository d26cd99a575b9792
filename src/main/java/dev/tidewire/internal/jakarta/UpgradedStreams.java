package dev.tidewire.internal.jakarta;

/**
 * What a container's upgraded streams need from us beyond the Servlet API's contract, found by running on each.
 */
enum UpgradedStreams {
    /** Undertow (WildFly): a write goes out at once, and closing both streams closes the connection, on any thread. */
    UNDERTOW(false, false),
    /**
     * Grizzly (Payara), and any other container: a write waits in the container's buffer until flushed; and the
     * connection, closed through {@code WebConnection.close()} inside the container's read callback, sometimes stays
     * open (CLOSE_WAIT, the peer waiting for our end until it gives up), so it is closed from our timer thread.
     */
    BUFFERED(true, true);

    final boolean flushEachWrite;
    final boolean closeOffReadingThread;

    UpgradedStreams(boolean flushEachWrite, boolean closeOffReadingThread) {
        this.flushEachWrite = flushEachWrite;
        this.closeOffReadingThread = closeOffReadingThread;
    }
}
