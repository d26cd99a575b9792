package dev.tidewire.it;

import dev.tidewire.internal.redis.RedisServer;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link UndeployChecks} on WildFly, where Arquillian deploys and undeploys the application next to a probe WAR
 * ({@link ThreadsServlet}) that stays deployed. The application runs the Redis adapter, on a Redis of this test's. WildFly names a deployment's class loader after it, so a thread still
 * holding the undeployed application's loader can be seen too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "tidewire.it.server", matches = "wildfly") // -Dit.test overrides the pom's excludes
class UndeployOnWildFlyIT {
    private static final String APP = "tidewire";
    private static final String PROBE = "probe";

    private static RedisServer redis;

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive application() {
        if (redis == null) redis = RedisServer.start();
        return Deployments.conformanceWar(UndeployChecks.undeployOptions(Map.of(), redis));
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) redis.close();
    }

    @Deployment(name = PROBE, testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "threads-probe.war")
                .addClasses(ThreadsServlet.class, MBeansServlet.class);
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment(PROBE)
    URL probeBase;

    @Test
    void undeployClosesEverySessionAndLeavesNoThreads() throws Exception {
        URI probe = Deployments.loopback(probeBase);
        URL appBase = probe.resolve("/").toURL(); // the application's context root is /
        String threads = UndeployChecks.undeployClosesEverySessionAndLeavesNoThreads(appBase, probe.resolve("threads"),
                new UndeployChecks.AppDeployer() {
                    public void deploy() {
                        deployer.deploy(APP);
                    }

                    public void undeploy() {
                        deployer.undeploy(APP);
                    }
                });
        // WildFly's pooled request workers ("default task-N") sometimes keep the context class loader of the last
        // task the container ran on them (seen after the container completed a long poll during undeploy) until
        // their next task; Tidewire never sets a thread's context class loader. Any other thread still holding it
        // is ours and fails the test.
        List<String> holding = threads.lines().filter(l -> l.contains("deployment.tidewire.war"))
                .filter(l -> !l.startsWith("default task-")).toList();
        assertEquals(List.of(), holding, "threads still holding the undeployed application's class loader");
    }
}
