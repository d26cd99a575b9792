package dev.tidewire.jakarta;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Called when a socket has left the namespace. Parameters: {@link dev.tidewire.server.Socket}, {@link dev.tidewire.server.DisconnectReason}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnDisconnect {
}
