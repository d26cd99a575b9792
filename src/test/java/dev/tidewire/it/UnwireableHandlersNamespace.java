package dev.tidewire.it;

import dev.tidewire.jakarta.OnEvent;
import dev.tidewire.jakarta.SocketIoNamespace;
import dev.tidewire.server.DisconnectReason;
import dev.tidewire.server.Socket;

/**
 * A namespace bean that breaks two handler rules, for {@link UnwireableHandlersFailDeploymentOnWildFlyIT} and
 * {@link UnwireableHandlersFailDeploymentOnPayaraIT}: a private handler and
 * an event handler that asks for a DisconnectReason. Not part of the fixture WAR (it would not deploy).
 */
@SocketIoNamespace("/unwireable")
public class UnwireableHandlersNamespace {
    @OnEvent("hidden")
    private void hidden(Socket socket) {
    }

    @OnEvent("reason")
    void reason(Socket socket, DisconnectReason reason) {
    }
}
