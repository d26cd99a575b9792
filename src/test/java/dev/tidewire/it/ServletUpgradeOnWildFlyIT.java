package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;

/**
 * The Node suite over the portable servlet path on WildFly, its polling and its Servlet upgrade
 * ({@code tidewire.undertowFastPath=false}), with the
 * deflate settings of {@link NodeInteropIT}, which on WildFly runs over the Undertow fast path (the default there).
 * On Payara the Servlet upgrade is the only path, and every IT runs over it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "tidewire.it.server", matches = "wildfly") // -Dit.test overrides the pom's excludes
class ServletUpgradeOnWildFlyIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWar(Map.of("tidewire.undertowFastPath", "false",
                "tidewire.fixture.engine.undertowFastPath", "false",
                "tidewire.perMessageDeflate", "true", "tidewire.perMessageDeflateThreshold", "0"));
    }

    @ArquillianResource
    URL base;

    @Test
    void officialClientsPassTheNodeSuiteOverTheServletUpgrade() throws Exception {
        NodeSuite.run(base, Map.of("TIDEWIRE_EXPECT_DEFLATE", "true"), "node-interop-servlet-upgrade");
    }
}
