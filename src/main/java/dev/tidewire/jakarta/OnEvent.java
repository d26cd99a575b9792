package dev.tidewire.jakarta;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles one event. Parameters, in any order: {@link dev.tidewire.server.Socket} and {@link dev.tidewire.server.Ack},
 * each at most once, and the event's arguments in order, each bound to its declared type through JSON-B. An argument
 * may be {@code Object} (the raw JSON value), {@code byte[]} (binary), a primitive or a Java platform type (strings,
 * numbers, collections and maps, {@code Optional}, JSON-P values), an enum, a record, or a class with a public or
 * protected no-argument constructor or a {@code @JsonbCreator}; also arrays and type arguments of these. Whole numbers
 * are bound only when the type holds them exactly. A missing argument is {@code null} (a primitive parameter then
 * fails the call); extra ones are ignored. A non-void return value is sent as the acknowledgement when the client asked
 * for one.
 * <p>
 * Checked at deployment, which fails with a message naming the method when a handler is private or static, takes a
 * parameter it cannot get ({@code DisconnectReason}, a second {@code Socket}, a type JSON-B cannot create such as an
 * interface, an inner class or a type variable), both returns a value and takes an {@code Ack}, names a reserved
 * event ({@code "connect"}, {@code "disconnect"}, ...), or shares its event with another handler of the namespace,
 * in the same bean or another.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnEvent {
    String value();

    /**
     * Declares that the handler never blocks (no I/O, no JPA, no long-held locks): it then runs on the thread that
     * read the message, in order with the client's other events, without the hop to the managed executor and without
     * a CDI request context. As {@link dev.tidewire.server.EventHandler#nonBlocking}; for hot, trivial handlers.
     */
    boolean nonBlocking() default false;
}
