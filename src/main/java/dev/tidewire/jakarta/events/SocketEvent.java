package dev.tidewire.jakarta.events;

import dev.tidewire.server.Socket;

/**
 * Something that happened to a socket, fired as a CDI event on every namespace of the application's server (those
 * created later, dynamic ones' children included) when the deployment has an observer of its kind: {@code @Observes}
 * and {@code @ObservesAsync} are counted apart, and an application without observers pays nothing.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@code @Observes} methods of {@link SocketConnected} and {@link SocketDisconnected} run on the managed
 *       executor, in the client's order, with a request context, as handlers do, so they may block (an application's
 *       {@code socket.disconnect()} runs them on its own thread). Tidewire's connection listener is a blocking one:
 *       once any kind is observed, a namespace whose connection listeners are all non-blocking accepts CONNECTs on the
 *       executor too.</li>
 *   <li>{@code @Observes} methods of {@link RoomJoined} and {@link RoomLeft} run on the thread that joins or leaves:
 *       a handler on the executor, or the disconnect, normally. A handler declared non-blocking runs on the reading
 *       thread, and so do the observers of the rooms it joins: observe with {@code @ObservesAsync} what may block
 *       there.</li>
 *   <li>{@code @ObservesAsync} methods run on the container's threads for asynchronous events, outside the client's
 *       order.</li>
 *   <li>An exception from an observer is logged, and the connect, join or leave goes on; as CDI does, the synchronous
 *       observers after the failing one miss that event.</li>
 * </ul>
 */
public sealed interface SocketEvent permits SocketConnected, SocketDisconnected, RoomJoined, RoomLeft {
    /** The socket; observers may emit to it, join it to rooms or disconnect it. */
    Socket socket();

    /** The name of the socket's namespace, e.g. {@code /chat}. */
    default String namespace() {
        return socket().namespace().name();
    }
}
