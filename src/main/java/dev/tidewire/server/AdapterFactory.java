package dev.tidewire.server;

/**
 * Creates the {@link Adapter} of each namespace; set it with {@link SocketIoOptions#withAdapterFactory}, or, in a
 * Jakarta EE application, as a CDI bean of this type. A factory may own what its adapters share (a connection to
 * the cluster's broker): the server closes it after the adapters, when it closes.
 */
@FunctionalInterface
public interface AdapterFactory {
    /** The single-node adapter: every operation is this node's. */
    AdapterFactory LOCAL = LocalAdapter::new;

    Adapter create(LocalNamespace namespace);

    /** Releases what the adapters shared; called once, after every adapter is closed. */
    default void close() {
    }
}
