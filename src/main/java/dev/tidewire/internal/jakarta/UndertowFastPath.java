package dev.tidewire.internal.jakarta;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Undertow loads this for every deployment that holds Tidewire (META-INF/services): it puts a handler in front of the
 * deployment's servlets ({@link UndertowEngineHandler}), which answers the WebSocket upgrades and polling requests of
 * the engines that asked for it ({@link UndertowRoutes}) and passes every other request on. Other containers never load this class.
 */
public final class UndertowFastPath implements ServletExtension {
    @Override
    public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
        UndertowRoutes routes = new UndertowRoutes(deploymentInfo);
        servletContext.setAttribute(FastPath.ATTRIBUTE, routes);
        deploymentInfo.addInitialHandlerChainWrapper(next -> new UndertowEngineHandler(next, routes));
    }
}
