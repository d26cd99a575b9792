package dev.tidewire.it.payara;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link SharedPayaraMicroContainer}, but only when {@code arquillian.launch} is {@value #QUALIFIER}:
 * Arquillian 1.10 wants exactly one {@link DeployableContainer} on the class path, and this one lives in the test
 * classes, which every failsafe execution has (the other executions drop it this way; the connectors of WildFly and
 * of Payara are dropped from this one by {@code classpathDependencyExcludes}).
 */
public class SharedPayaraMicroExtension implements LoadableExtension {
    static final String QUALIFIER = "payara-shared";

    @Override
    public void register(ExtensionBuilder builder) {
        if (QUALIFIER.equals(System.getProperty("arquillian.launch"))) {
            builder.service(DeployableContainer.class, SharedPayaraMicroContainer.class);
        }
    }
}
