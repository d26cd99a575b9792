package dev.tidewire.it;

import dev.tidewire.server.SocketIoServer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * A startup EJB that has the server injected while the application starts: on both servers that is before the web
 * module's context is initialised (as an EJB timer may fire then: the demo's {@code MarketClock}). It keeps the
 * warnings Tidewire logs from then on, for {@link ServerUsedAtStartupIT} to read.
 */
@Singleton
@Startup
public class ServerUsedAtStartup {
    private static final Logger TIDEWIRE = Logger.getLogger("tidewire.socketio");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler keeper = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(new SimpleFormatter().formatMessage(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    SocketIoServer io;

    @PostConstruct
    void start() {
        TIDEWIRE.addHandler(keeper);
        io.of("/");
    }

    @PreDestroy
    void stop() {
        TIDEWIRE.removeHandler(keeper);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
