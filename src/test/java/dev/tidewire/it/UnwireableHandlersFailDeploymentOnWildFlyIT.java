package dev.tidewire.it;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bean whose handlers could not be wired fails the deployment (the CDI extension's definition errors) instead of
 * deploying with those handlers silently missing. WildFly reports the failed deployment to Arquillian; for Payara,
 * whose Arquillian adapter does not, see {@link UnwireableHandlersFailDeploymentOnPayaraIT}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnwireableHandlersFailDeploymentOnWildFlyIT {
    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive deployment() {
        return Deployments.fixtureWar().addClass(UnwireableHandlersNamespace.class);
    }

    /** Arquillian fails this test when the deployment above succeeds. */
    @Test
    void theDeploymentIsRefused() {
    }
}
