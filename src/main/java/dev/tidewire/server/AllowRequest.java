package dev.tidewire.server;

/**
 * The reference's {@code allowRequest}: decides whether an Engine.IO handshake may proceed, before any namespace is
 * involved. Declare one as a CDI bean in the application. The {@link Handshake} is the opening request's (headers,
 * query, address, TLS, URL); its {@code auth} is empty, since no CONNECT packet has arrived yet.
 */
@FunctionalInterface
public interface AllowRequest {
    /** @return {@code null} to accept, or the message sent with error 4 (403 Forbidden) */
    String check(Handshake request);
}
