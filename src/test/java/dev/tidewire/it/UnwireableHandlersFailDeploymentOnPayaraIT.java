package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bean whose handlers could not be wired fails the deployment on Payara too. Payara Micro logs the failure
 * ("Exception while loading the app", with the extension's message naming each method) but still reports the archive
 * as deployed to Arquillian, so this test checks that the application is not serving: the Socket.IO endpoint, which
 * a loaded fixture WAR answers with 200, is not found.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("own-payara-micro") // not in the shared Payara Micro: failsafe execution it-payara-own (pom.xml)
class UnwireableHandlersFailDeploymentOnPayaraIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.fixtureWar().addClass(UnwireableHandlersNamespace.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void theApplicationIsNotLoaded() {
        URI socketIo = new Eio(base).at("socket.io/?EIO=4&transport=polling"); // mounted whenever the app loads
        HttpResponse<String> handshake = Eio.send(HttpRequest.newBuilder(socketIo).timeout(Eio.WAIT).GET().build());
        assertEquals(404, handshake.statusCode(), handshake.body());
    }
}
