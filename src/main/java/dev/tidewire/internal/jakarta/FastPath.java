package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.Scheduler;

/**
 * An engine's requests (WebSocket upgrades and polling) answered by a container-specific handler before the servlet
 * ({@code undertowFastPath}). The container's side puts one in the servlet context under {@link #ATTRIBUTE}; this type
 * names no container class, so that the engine's registration can look for it on any container.
 */
interface FastPath {
    String ATTRIBUTE = FastPath.class.getName();

    /** Why requests to {@code path} cannot be taken before the servlet (a security constraint...), or {@code null}. */
    String obstacle(String path);

    /** From now on, requests to exactly {@code path} (within the context) are answered before the servlet. */
    void serve(String path, EngineServer engine, Scheduler timers, ClassLoader deploymentLoader);

    /** Requests to {@code path} go to the servlet again. */
    void stop(String path);
}
