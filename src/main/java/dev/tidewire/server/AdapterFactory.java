package dev.tidewire.server;

/**
 * Creates the {@link Adapter} of each namespace; set it with {@link SocketIoOptions#withAdapterFactory}, or, in a
 * Jakarta EE application, as a CDI bean of this type.
 */
@FunctionalInterface
public interface AdapterFactory {
    /** The single-node adapter: every operation is this node's. */
    AdapterFactory LOCAL = LocalAdapter::new;

    Adapter create(LocalNamespace namespace);
}
