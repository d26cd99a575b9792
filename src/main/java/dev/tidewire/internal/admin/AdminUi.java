package dev.tidewire.internal.admin;

import dev.tidewire.internal.engine.EngineServer;
import dev.tidewire.internal.engine.Scheduler;
import dev.tidewire.server.Namespace;
import dev.tidewire.server.Socket;
import dev.tidewire.server.SocketIoServer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server side of the official Socket.IO Admin UI ({@code @socket.io/admin-ui}'s {@code instrument(io, options)}),
 * for this server: the admin namespace with its optional basic authentication, {@code config} and (in development
 * mode) {@code all_sockets} for each admin socket that connects, {@code server_stats} every two seconds, the
 * development-mode notices, and the UI's commands. Nothing of it is hooked into the server unless started.
 */
public final class AdminUi implements AutoCloseable {
    private static final Logger LOG = System.getLogger("tidewire.admin");

    private final SocketIoServer io;
    private final Namespace admin;
    private final AdminUiOptions options;
    private final Scheduler scheduler;
    private final List<String> supportedFeatures;
    private final AdminCommands commands;
    private final StatsReporter stats;
    private final SocketNotices notices;

    private AdminUi(SocketIoServer io, EngineServer engine, Scheduler scheduler, AdminUiOptions options,
                    ServerIdentity identity) {
        this.io = io;
        this.admin = io.of(options.namespace());
        this.options = options;
        this.scheduler = scheduler;
        this.supportedFeatures = Feature.supported(options.readonly(), options.mode());
        this.commands = options.readonly() ? null : new AdminCommands(io);
        this.stats = new StatsReporter(admin, scheduler, new ServerStats(identity, io, engine));
        this.notices = options.mode() == AdminMode.DEVELOPMENT ? new SocketNotices(admin, scheduler) : null;
    }

    /**
     * Opens the admin namespace on {@code io} and starts reporting.
     *
     * @param engine    the engine under {@code io}, whose counters and sessions the statistics read
     * @param scheduler the engine's timers, which send the statistics
     */
    public static AdminUi start(SocketIoServer io, EngineServer engine, Scheduler scheduler, AdminUiOptions options,
                                ServerIdentity identity) {
        AdminUi ui = new AdminUi(io, engine, scheduler, options, identity);
        ui.hook();
        return ui;
    }

    private void hook() {
        AdminCredentials account = options.credentials();
        if (account == null) {
            LOG.log(Level.WARNING, "Admin UI namespace {0} is open WITHOUT authentication: anyone who reaches it can "
                    + "see every socket and disconnect them; set tidewire.admin.auth.username and "
                    + "tidewire.admin.auth.passwordHash", options.namespace());
        } else {
            BasicAuth auth = new BasicAuth(account, new AdminSessions(scheduler));
            admin.use(auth);
            admin.onConnection(auth::announceSession); // first: the session id before anything else
        }
        // the notices before the welcome: an admin socket hears of its own connection first, as with the reference
        if (notices != null) notices.hookAll(io);
        admin.onConnection(this::welcome);
        stats.start();
        LOG.log(Level.INFO, "Admin UI at namespace {0} ({1} mode{2}, {3})", options.namespace(),
                options.mode().wireName(), options.readonly() ? ", read-only" : "",
                account == null ? "no authentication" : "basic authentication");
    }

    private void welcome(Socket socket) {
        if (commands != null) commands.register(socket);
        socket.emit("config", Map.of("supportedFeatures", supportedFeatures));
        if (options.mode() == AdminMode.DEVELOPMENT) socket.emit("all_sockets", allSockets());
    }

    private List<Map<String, Object>> allSockets() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Namespace n : io.namespaces().values()) {
            for (Socket s : n.local().fetchLocalSockets()) all.add(SerializedSockets.of(s));
        }
        return all;
    }

    /** Stops the statistics and the notices; the admin namespace stays until the server closes. */
    @Override
    public void close() {
        stats.stop();
        if (notices != null) notices.stop();
    }
}
