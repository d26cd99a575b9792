package dev.tidewire.jakarta;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Called when a socket has left the namespace. Parameters: {@link dev.tidewire.server.Socket} and
 * {@link dev.tidewire.server.DisconnectReason}, each at most once. One such method per bean; the deployment fails with
 * a message naming the method when it is private or static or takes other parameters.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnDisconnect {
}
