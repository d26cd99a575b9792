package dev.tidewire.internal.admin;

import dev.tidewire.server.ConnectionRefusedException;
import dev.tidewire.server.Middleware;
import dev.tidewire.server.Socket;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * The admin namespace's gate, as the reference's basic authentication: the CONNECT auth payload carries either a
 * session id handed out earlier ({@code {sessionId}}) or the account's {@code {username, password}}; a login with the
 * password is given a new session id in a {@code session} event. Anything else is refused with
 * {@value #REFUSED}, the message the UI looks for to show its login form again.
 */
final class BasicAuth implements Middleware {
    static final String REFUSED = "invalid credentials";
    /** Where a new session id waits for the connection to be accepted; the socket serializer leaves this key out. */
    static final String PENDING_SESSION = SerializedSockets.ADMIN_DATA_KEY;
    private static final Logger LOG = System.getLogger("tidewire.admin");

    private final AdminCredentials credentials;
    private final AdminSessions sessions;

    BasicAuth(AdminCredentials credentials, AdminSessions sessions) {
        this.credentials = credentials;
        this.sessions = sessions;
    }

    @Override
    public void check(Socket socket) throws ConnectionRefusedException {
        Map<String, Object> auth = socket.handshake().auth();
        if (auth.get("sessionId") instanceof String id && sessions.isValid(id)) {
            LOG.log(Level.DEBUG, "admin login with a valid session id from {0}", socket.handshake().address());
            return;
        }
        if (auth.get("username") instanceof String user && auth.get("password") instanceof String password
                && credentials.matches(user, password)) {
            LOG.log(Level.DEBUG, "admin login with valid credentials from {0}", socket.handshake().address());
            socket.data().put(PENDING_SESSION, sessions.create());
            return;
        }
        LOG.log(Level.INFO, "admin login refused (invalid credentials) from {0}", socket.handshake().address());
        throw new ConnectionRefusedException(REFUSED);
    }

    /**
     * A connection listener: tells the UI its new session id before anything else. (The reference emits it from its
     * middleware, which a Socket.IO client receives after the CONNECT all the same.)
     */
    void announceSession(Socket socket) {
        Object id = socket.data().remove(PENDING_SESSION);
        if (id != null) socket.emit("session", id);
    }
}
