package dev.tidewire.demo;

import dev.tidewire.jakarta.Settings;

/**
 * Configuration keys of the demo applications (chat on {@code /chat}, news on {@code /news}). Read like every
 * {@code tidewire.*} key through {@link Settings}: MicroProfile Config where the server has it, else the system
 * property; then the context parameter, then the default.
 */
public final class DemoSettings {
    /** Switches the whole demo (pages, /chat, /news) off when {@code false}; default {@code true}. */
    public static final String ENABLED = "tidewire.demo";
    /** Milliseconds between two news pushes per subscribed topic; default 3000. */
    public static final String NEWS_INTERVAL = "tidewire.demo.newsInterval";
    /** Longest chat message, in characters; default 500. */
    public static final String MAX_MESSAGE_LENGTH = "tidewire.demo.maxMessageLength";
    /** Chat actions a socket may make in a burst; default 10. */
    public static final String RATE_BURST = "tidewire.demo.rateLimit.burst";
    /** Chat actions per second a socket regains after a burst; default 2. */
    public static final String RATE_PER_SECOND = "tidewire.demo.rateLimit.perSecond";

    private DemoSettings() {
    }

    public static boolean enabled(Settings settings) {
        return settings.getBoolean(ENABLED, true) && settings.getBoolean("tidewire.enabled", true);
    }
}
