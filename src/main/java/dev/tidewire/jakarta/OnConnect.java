package dev.tidewire.jakarta;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when a socket has joined the namespace. Parameters: {@link dev.tidewire.server.Socket}, and optionally one
 * more, the handshake auth bound to its type as an {@link OnEvent} argument is. One such method per bean; the
 * deployment fails with a message naming the method when it is private or static or takes other parameters.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnConnect {
    /**
     * Declares that the method never blocks (it only registers, joins rooms, emits): as
     * {@link dev.tidewire.server.Namespace#nonBlocking}. When the namespace has no middleware and every connection
     * listener is non-blocking, a client's CONNECT is accepted on the thread that read it, without a CDI request
     * context. A bean without an {@code @OnConnect} method keeps the hop to the executor.
     */
    boolean nonBlocking() default false;
}
