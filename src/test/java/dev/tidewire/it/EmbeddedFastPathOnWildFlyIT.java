package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Undertow fast path (on by default) in an application that embeds the library: the fixture WAR with the library's
 * classes taken out of WEB-INF/classes and its jar (target/tidewire-classes.jar) put in WEB-INF/lib, and a manifest of
 * its own that asks WildFly for nothing. The jar's manifest must bring the XNIO module the fast path needs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "tidewire.it.server", matches = "wildfly") // -Dit.test overrides the pom's excludes
class EmbeddedFastPathOnWildFlyIT {
    private static final List<String> LIBRARY = List.of("server", "jakarta", "monitor", "internal", "client",
            "admin-ui");

    @Deployment(testable = false)
    static WebArchive deployment() {
        WebArchive war = Deployments.conformanceWar(Map.of());
        for (String dir : LIBRARY) war.delete("/WEB-INF/classes/dev/tidewire/" + dir);
        war.delete("/WEB-INF/classes/META-INF/services");
        File jar = new File(System.getProperty("project.basedir", "."), "target/tidewire-classes.jar");
        assertTrue(jar.isFile(), jar + " is missing: the ITs run after `package`");
        return war.addAsLibrary(jar).setManifest(new StringAsset("Manifest-Version: 1.0\n"));
    }

    @ArquillianResource
    URL base;

    @Test
    void theEmbeddedLibraryAnswersOnTheFastPath() throws Exception {
        Eio eio = new Eio(base);
        long upgradesBefore = ServletsSeen.upgrades(eio, "/socket.io/");
        long pollingBefore = ServletsSeen.others(eio, "/socket.io/");
        ServletsSeen.openSocketIoWebSocket(eio);
        ServletsSeen.pollSocketIo(eio);
        assertEquals(upgradesBefore, ServletsSeen.upgrades(eio, "/socket.io/"), "upgrades that reached the servlets");
        assertEquals(pollingBefore, ServletsSeen.others(eio, "/socket.io/"), "polling requests that reached them");
    }
}
