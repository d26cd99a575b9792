package dev.tidewire.internal.engine.violation;

import dev.tidewire.server.SocketIoServer;
import jakarta.servlet.http.HttpServletRequest;

/** Test fixture of the architecture test only: what the rules must reject (a container type, a layer above). */
public final class ServletInEngine {
    public String uses(HttpServletRequest request, SocketIoServer io) {
        return request.getMethod() + io;
    }
}
