package dev.tidewire.it;

import dev.tidewire.it.payara.PayaraMicroRuntime;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
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

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link MessageDrivenBeans} on Payara Micro, which deploys no EAR: the RAR and then the WAR are deployed on their own
 * through the runtime API ({@link PayaraDeployServlet}, as in {@link UndeployOnPayaraIT}). A standalone adapter's
 * classes are visible to every application, and the WAR's {@code glassfish-ejb-jar.xml} binds the MDB to it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("own-payara-micro") // not in the shared Payara Micro: failsafe execution it-payara-own (pom.xml)
@EnabledIfSystemProperty(named = "tidewire.it.server", matches = "payara") // -Dit.test overrides the pom's excludes
class MessageDrivenBeanOnPayaraIT {
    @Deployment(testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "deploy-probe.war").addClasses(PayaraDeployServlet.class, PayaraMicroRuntime.class);
    }

    @ArquillianResource
    URL probeBase;

    private JavaClients clients;

    @AfterEach
    void closeClients() {
        if (clients != null) clients.closeAll();
    }

    @Test
    void aMessageDrivenBeanEmitsToARoom() throws Exception {
        URI probe = Deployments.loopback(probeBase);
        deploy(probe, MessageDrivenBeans.RAR, MessageDrivenBeans.resourceAdapter());
        deploy(probe, "tidewire", MessageDrivenBeans.relayWar().addAsWebInfResource(new StringAsset("""
                <glassfish-ejb-jar>
                  <enterprise-beans>
                    <ejb>
                      <ejb-name>InboxRelay</ejb-name>
                      <mdb-resource-adapter><resource-adapter-mid>%s</resource-adapter-mid></mdb-resource-adapter>
                    </ejb>
                  </enterprise-beans>
                </glassfish-ejb-jar>
                """.formatted(MessageDrivenBeans.RAR)), "glassfish-ejb-jar.xml"));
        URL app = probe.resolve("/").toURL();
        clients = new JavaClients(app);
        MessageDrivenBeans.aMessageDrivenBeanEmitsToARoom(clients, app);
    }

    private static void deploy(URI probe, String name, Archive<?> archive) throws Exception {
        String suffix = archive.getName().substring(archive.getName().lastIndexOf('.'));
        File file = Files.createTempFile(name, suffix).toFile();
        file.deleteOnExit();
        archive.as(ZipExporter.class).exportTo(file, true);
        URI deploy = probe.resolve("deploy?name=" + name + "&war="
                + URLEncoder.encode(file.getAbsolutePath(), StandardCharsets.UTF_8));
        HttpResponse<String> r = Eio.send(HttpRequest.newBuilder(deploy).timeout(Eio.WAIT.multipliedBy(6))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(204, r.statusCode(), name + ": " + r.body());
    }
}
