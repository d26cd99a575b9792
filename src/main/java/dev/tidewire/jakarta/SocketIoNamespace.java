package dev.tidewire.jakarta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an application-scoped bean whose {@link OnConnect}, {@link OnEvent} and {@link OnDisconnect} methods
 * handle a Socket.IO namespace. Discovered at deployment by the CDI extension.
 */
@Stereotype
@ApplicationScoped
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SocketIoNamespace {
    /** The namespace name, e.g. {@code "/chat"}; {@code "/"} is the main namespace. */
    String value() default "/";

    /**
     * A boolean configuration key (read as every {@code tidewire.*} key is) that switches this bean's handlers off
     * when set to {@code false}; unset means on. Empty (the default): always wired.
     */
    String enabledBy() default "";
}
