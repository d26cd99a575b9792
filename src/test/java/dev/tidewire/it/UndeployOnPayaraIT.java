package dev.tidewire.it;

import dev.tidewire.it.payara.PayaraMicroRuntime;

import dev.tidewire.internal.redis.RedisServer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link UndeployChecks} on Payara Micro. Arquillian's Payara Micro container starts one Micro per deployment and
 * cannot deploy a second application into it, so the probe WAR is the deployment and deploys and undeploys the
 * application itself through Payara Micro's runtime API ({@link PayaraDeployServlet}). Payara's web class loaders
 * name the application's directory, so a thread still holding the undeployed application's loader can be seen too.
 * The application runs the Redis adapter, on a Redis of this test's.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("own-payara-micro") // not in the shared Payara Micro: failsafe execution it-payara-own (pom.xml)
@EnabledIfSystemProperty(named = "tidewire.it.server", matches = "payara") // -Dit.test overrides the pom's excludes
class UndeployOnPayaraIT {
    @Deployment(testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "threads-probe.war")
                .addClasses(ThreadsServlet.class, MBeansServlet.class, PayaraDeployServlet.class,
                        PayaraMicroRuntime.class);
    }

    @ArquillianResource
    URL probeBase;

    private final RedisServer redis = RedisServer.start();

    @AfterEach
    void stopRedis() {
        redis.close();
    }

    @Test
    void undeployClosesEverySessionAndLeavesNoThreads() throws Exception {
        URI probe = Deployments.loopback(probeBase);
        File war = Files.createTempFile("tidewire", ".war").toFile();
        war.deleteOnExit();
        Deployments.conformanceWar(UndeployChecks.undeployOptions(Deployments.REFERENCE_HEARTBEAT, redis))
                .as(ZipExporter.class).exportTo(war, true);
        String threads = UndeployChecks.undeployClosesEverySessionAndLeavesNoThreads(probe.resolve("/").toURL(),
                probe.resolve("threads"),
                new UndeployChecks.AppDeployer() {
                    public void deploy() {
                        post(probe.resolve("deploy?name=tidewire&war="
                                + URLEncoder.encode(war.getAbsolutePath(), StandardCharsets.UTF_8)));
                    }

                    public void undeploy() {
                        post(probe.resolve("undeploy?name=tidewire"));
                    }
                });
        // Payara's web class loaders name the application's directory (…/applications/tidewire/WEB-INF/classes/)
        List<String> holding = threads.lines().filter(l -> l.contains("/applications/tidewire/")).toList();
        assertEquals(List.of(), holding, "threads still holding the undeployed application's class loader");
    }

    private static void post(URI uri) {
        HttpResponse<String> r = Eio.send(HttpRequest.newBuilder(uri).timeout(Eio.WAIT.multipliedBy(6))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(204, r.statusCode(), uri + ": " + r.body());
    }
}
