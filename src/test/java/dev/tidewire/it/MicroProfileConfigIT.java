package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tidewire.*} keys come from MicroProfile Config on both servers (WildFly with its microprofile-config layer):
 * a key in the deployment's {@code META-INF/microprofile-config.properties} wins over the same key as a context
 * parameter, and a key set only as a context parameter still applies.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MicroProfileConfigIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWarWithMicroProfileConfig("tidewire.pingInterval=4321\n");
    }

    @ArquillianResource
    URL base;

    @Test
    void aKeyFromMicroProfileConfigWinsOverTheContextParameter() {
        Eio eio = new Eio(base);
        HttpResponse<String> open = eio.getAt("socket.io/?EIO=4&transport=polling");
        assertEquals(200, open.statusCode(), open.body());
        assertTrue(open.body().contains("\"pingInterval\":4321"), open.body());
        assertTrue(open.body().contains("\"pingTimeout\":200"), open.body());
    }
}
