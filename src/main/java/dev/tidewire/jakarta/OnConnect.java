package dev.tidewire.jakarta;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when a socket has joined the namespace. Parameters: {@link dev.tidewire.server.Socket}, and optionally
 * the handshake auth bound to a type (the first non-Socket parameter).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnConnect {
}
