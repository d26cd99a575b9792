package dev.tidewire.internal.jakarta;

import dev.tidewire.internal.engine.EngineOptions;
import jakarta.servlet.ServletContext;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * {@code perMessageDeflate}: the WebSocket extensions the engine's endpoint offers. Where the container compresses
 * (Undertow: {@link UndertowDeflate}) the endpoint lists {@code permessage-deflate}, so that the container negotiates it
 * with clients that offer it; where Tyrus's extension API is usable from this application (Payara) the endpoint lists
 * our own extension ({@link TyrusDeflate}), which the endpoint's configurator negotiates ({@link Negotiating});
 * elsewhere the option changes nothing and the log says so. An endpoint must never list an
 * extension the container does not carry out: it would be negotiated and then not applied.
 */
final class WebSocketCompression {
    private static final Logger LOG = System.getLogger("tidewire.engine.websocket");
    static final Extension PERMESSAGE_DEFLATE = new Extension() {
        public String getName() {
            return "permessage-deflate";
        }

        public List<Parameter> getParameters() {
            return List.of();
        }
    };

    /** Tyrus's interface for extensions that transform frames; present in Payara without its deflate extension. */
    static final String TYRUS_EXTENDED_EXTENSION = "org.glassfish.tyrus.core.extension.ExtendedExtension";

    /**
     * An extension listed in an endpoint's configuration that negotiates itself: the endpoint's configurator hands it
     * the client's offers and lists what it returns (an extension for that one connection), or nothing on
     * {@code null}. No container type appears here, so that the configurator loads on every container.
     */
    interface Negotiating {
        /** @return the extension for the connection being negotiated, or {@code null} to decline every offer */
        Extension negotiate(List<Extension> offers);
    }

    /** Where WildFly keeps a deployment's {@code WebSocketDeploymentInfo} (Undertow's {@code ATTRIBUTE_NAME}). */
    static final String UNDERTOW_DEPLOYMENT_INFO = "io.undertow.websockets.jsr.WebSocketDeploymentInfo";

    private WebSocketCompression() {
    }

    /** Called while the web application starts; @return the extensions to list in the endpoint's configuration */
    static List<Extension> install(ServletContext context, ServerContainer container, EngineOptions options) {
        if (!options.perMessageDeflate()) return List.of();
        if (Containers.isUndertow(container)) {
            String done = UndertowDeflate.install(context.getAttribute(UNDERTOW_DEPLOYMENT_INFO),
                    options.perMessageDeflateThreshold());
            if (done != null) {
                LOG.log(Level.INFO, "perMessageDeflate on at {0}: {1}, messages below {2} bytes sent uncompressed",
                        options.path(), done, options.perMessageDeflateThreshold());
                return List.of(PERMESSAGE_DEFLATE);
            }
        }
        if (Containers.isTyrus(container)
                && tyrusUsable(WebSocketCompression.class.getClassLoader(), container.getClass().getClassLoader())) {
            LOG.log(Level.INFO, "perMessageDeflate on at {0}: Tidewire''s deflate for Tyrus, messages below {1} bytes "
                    + "sent uncompressed", options.path(), options.perMessageDeflateThreshold());
            return List.of(new TyrusDeflate.Installed(options.perMessageDeflateThreshold(),
                    options.maxHttpBufferSize()));
        }
        LOG.log(Level.WARNING, "perMessageDeflate is on, but this container ({0}) offers this application no "
                + "permessage-deflate extension; WebSocket messages at {1} are sent uncompressed",
                container.getClass().getName(), options.path());
        return List.of();
    }

    /**
     * Tyrus's extension API is usable when the application sees it, and sees the very class the container's Tyrus
     * checks extensions against (an application that bundles its own Tyrus would see another one).
     */
    static boolean tyrusUsable(ClassLoader application, ClassLoader containerLoader) {
        try {
            Class<?> seen = Class.forName(TYRUS_EXTENDED_EXTENSION, false, application);
            Class<?> containers = Class.forName(TYRUS_EXTENDED_EXTENSION, false,
                    containerLoader == null ? ClassLoader.getSystemClassLoader() : containerLoader);
            return seen == containers;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
