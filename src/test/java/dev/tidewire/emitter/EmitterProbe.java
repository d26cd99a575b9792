package dev.tidewire.emitter;

/** What tests in other packages need to see of an emitter's state: not part of its API. */
public final class EmitterProbe {
    private EmitterProbe() {
    }

    /** Whether the emitter's connection to Redis is up, as its client sees it. */
    public static boolean connected(RedisEmitter emitter) {
        return emitter.transport().connected();
    }
}
