package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.admin.AdminUi;
import dev.tidewire.internal.admin.ServerIdentity;
import dev.tidewire.internal.monitor.MonitorRegistration;
import dev.tidewire.jakarta.SocketIoNamespace;
import dev.tidewire.jakarta.Settings;
import dev.tidewire.server.AdapterFactory;
import dev.tidewire.server.AllowRequest;
import dev.tidewire.server.Parser;
import dev.tidewire.server.SocketIoOptions;
import dev.tidewire.server.SocketIoServer;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.ServletContext;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Owns the application's {@link SocketIoServer}: built from configuration when first needed, handlers of
 * {@link SocketIoNamespace} beans wired in, mounted on the web application by {@link SocketIoListener}.
 * Inject it anywhere with {@code @Inject SocketIoServer io}.
 */
@ApplicationScoped
public class SocketIoRuntime {
    private static final Logger LOG = System.getLogger("tidewire.socketio");
    private static final String MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    private volatile ServletContext servletContext;
    @Inject
    Instance<RequestContextController> requestContexts;
    @Inject
    Instance<Object> beans;
    @Inject
    BeanManager beanManager;
    @Inject
    Instance<AllowRequest> requestGates;
    @Inject
    Instance<AdapterFactory> adapterFactories;

    private SocketIoOptions options;
    private SocketIoServer server;
    private ExecutorService ownExecutor;
    private Schedulers.Owned scheduler;
    private EngineRegistration registration;
    private MonitorRegistration monitor;
    private AdminUi adminUi;
    private boolean namespacesWired;
    private JsonbValueBinder binder;
    private RequestContextDecorator requestContextDecorator;
    /** Set when the server was created before the web module's context was known; cleared once it is. */
    private EarlySettings earlySettings;

    /**
     * Captures the web application's context (the payload of the application-scope initialisation event in a web
     * module) before application observers run, so options can be read from its context parameters.
     */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                 ServletContext context) {
        servletContext = context;
    }

    /** Dependent scope: the server class is final (not proxyable); every injection gets the same instance. */
    @Produces
    SocketIoServer server() {
        return serverInstance();
    }

    synchronized SocketIoServer serverInstance() {
        if (server == null) {
            Settings settings;
            if (servletContext != null) {
                settings = new Settings(servletContext);
            } else {
                earlySettings = new EarlySettings();
                settings = earlySettings.settings();
            }
            options = SocketIoOptionsReader.read(settings, deploymentClassLoader());
            if (options.parser() != Parser.DEFAULT || options.customParser() != null) {
                // clients built with the default parser cannot talk to this server: say so where operators look
                LOG.log(Level.INFO, "Socket.IO clients must use the {0} parser ({1})", options.parserName(),
                        SocketIoOptionsReader.PARSER);
            }
            if (requestGates.isResolvable()) {
                options = options.withAllowRequest(requestGates.get());
            }
            options = options.withAdapterFactory(adapterFactory(AdapterOptionsReader.read(settings)));
            scheduler = Schedulers.create();
            binder = new JsonbValueBinder(JsonbBuilder.create());
            requestContextDecorator = new RequestContextDecorator(requestContexts);
            server = new SocketIoServer(options, scheduler.scheduler(), handlerExecutor(), requestContextDecorator, binder);
            server.transactionHook(JtaTransactionHook.lookUp());
            fireObservedSocketEvents(server);
        }
        return server;
    }

    /** Loads the classes options name (a custom parser): the web application's, else the thread's. */
    private ClassLoader deploymentClassLoader() {
        ClassLoader loader = servletContext != null ? servletContext.getClassLoader() : null;
        if (loader == null) loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : SocketIoRuntime.class.getClassLoader();
    }

    /** The application's own factory (a CDI bean) wins over {@code tidewire.adapter}; the log says which is used. */
    private AdapterFactory adapterFactory(Optional<AdapterOptionsReader.Choice> cluster) {
        if (adapterFactories.isResolvable()) {
            AdapterFactory factory = adapterFactories.get();
            LOG.log(Level.INFO, "namespaces use the adapters of the CDI bean {0}{1}", factory.getClass().getName(),
                    cluster.isPresent() ? " (it wins over " + AdapterOptionsReader.ADAPTER + ")" : "");
            return factory;
        }
        if (cluster.isPresent()) {
            LOG.log(Level.INFO, "namespaces use {0}", cluster.get().description());
            return cluster.get().newFactory();
        }
        LOG.log(Level.INFO, "namespaces use the in-memory adapter: this node only");
        return AdapterFactory.LOCAL;
    }

    /** Sets up the socket events the deployment observes, before application code sees the server: none is missed. */
    private void fireObservedSocketEvents(SocketIoServer io) {
        ObservedSocketEvents observed = beanManager.getExtension(SocketIoExtension.class).observedSocketEvents();
        if (observed.kinds().isEmpty()) return;
        SocketEventBridge.install(io, observed.kinds(), new CdiSocketEvents(beanManager.getEvent(), observed));
        LOG.log(Level.INFO, "firing the observed socket events: {0}",
                observed.kinds().stream().map(Class::getSimpleName).toList());
    }

    private Executor handlerExecutor() {
        try {
            return (Executor) new InitialContext().lookup(MANAGED_EXECUTOR);
        } catch (NamingException | ClassCastException e) {
            LOG.log(Level.INFO, "no managed executor ({0}); using a private pool", e.toString());
            ownExecutor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "tidewire-handler");
                t.setDaemon(true);
                return t;
            });
            return ownExecutor;
        }
    }

    /** Wires the annotated namespace beans and registers the transport servlet; called once at context start. */
    synchronized void mount(ServletContext context) {
        if (servletContext == null) servletContext = context;
        SocketIoServer io = serverInstance();
        if (earlySettings != null) {
            warnOfLateParameters(earlySettings.lateParameters(context));
            earlySettings = null;
        }
        if (!namespacesWired) {
            namespacesWired = true;
            SocketIoExtension ext = beanManager.getExtension(SocketIoExtension.class);
            Settings settings = new Settings(context);
            for (Class<?> type : ext.namespaceBeans()) {
                String flag = type.getAnnotation(SocketIoNamespace.class).enabledBy();
                if (!flag.isEmpty() && !settings.getBoolean(flag, true)) {
                    LOG.log(Level.INFO, "Socket.IO handlers of {0} not wired ({1}=false)", type.getName(), flag);
                    continue;
                }
                Object bean = beans.select(type).get();
                AnnotatedNamespace.register(io, bean, type, binder);
                LOG.log(Level.INFO, "Socket.IO handlers of {0} wired", type.getName());
            }
        }
        registration = EngineRegistration.register(context, options.engine(), io);
        monitor = MonitorRegistration.register(context.getContextPath(), io, registration.engine());
        if (options.serveClient()) ClientBundle.register(context, options.engine().path());
        Settings settings = new Settings(context);
        if (adminUi == null) {
            AdminUiOptionsReader.read(settings).ifPresent(admin -> adminUi = AdminUi.start(io,
                    registration.engine(), scheduler.scheduler(), admin, ServerIdentity.ofThisProcess(admin.serverId())));
        }
        AdminUiOptionsReader.uiPath(settings).ifPresent(uiPath -> AdminUiPage.register(context, uiPath));
    }

    /**
     * The server exists before the web module starts when a {@code @Startup} bean or an EJB timer injects it; its
     * options could then come from MicroProfile Config or system properties only. Says which context parameters it
     * asked for came too late, rather than letting them be ignored silently.
     */
    private static void warnOfLateParameters(List<String> late) {
        if (late.isEmpty()) return;
        LOG.log(Level.WARNING, "the Socket.IO server was created before the web module started (a @Startup bean or "
                + "an EJB timer injected it), so these context parameters did not configure it: {0}. Set them in "
                + "MicroProfile Config or as system properties, or use the server only once the web module has "
                + "started (@Observes @Initialized(ApplicationScoped.class) ServletContext)", String.join(", ", late));
    }

    SocketIoOptions options() {
        serverInstance();
        return options;
    }

    @PreDestroy
    synchronized void shutdown() {
        if (adminUi != null) adminUi.close();
        if (server != null) server.close();
        if (requestContextDecorator != null) requestContextDecorator.close();
        if (monitor != null) monitor.close();
        if (registration != null) registration.shutdown();
        if (scheduler != null) scheduler.close();
        if (ownExecutor != null) ownExecutor.shutdownNow();
    }
}
