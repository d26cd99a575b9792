package dev.tidewire.jakarta;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one event. Parameters, in any order: {@link dev.tidewire.server.Socket}, {@link dev.tidewire.server.Ack},
 * and the event's arguments in order — each bound to its declared type through JSON-B ({@code byte[]} for binary,
 * {@code Object} for the raw JSON value). A non-void return value is sent as the acknowledgement when the client
 * asked for one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnEvent {
    String value();
}
