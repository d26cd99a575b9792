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
 * A server that a {@code @Startup} bean injects exists before the web module's context does, on both servers. It
 * takes its options from MicroProfile Config, and the context parameters it asked for and could not read are named in
 * a warning, never ignored silently. (A demo EJB timer that created the server this way once left a CI deployment
 * with the default 25 s heartbeat and no compression.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerUsedAtStartupIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.conformanceWarWithMicroProfileConfig("tidewire.pingTimeout=4321\n")
                .addClasses(ServerUsedAtStartup.class, StartupWarningsServlet.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aServerCreatedBeforeTheWebModuleReadsMicroProfileConfigAndNamesTheContextParametersItMissed() {
        Eio eio = new Eio(base);
        HttpResponse<String> open = eio.getAt("socket.io/?EIO=4&transport=polling");
        assertEquals(200, open.statusCode(), open.body());
        assertTrue(open.body().contains("\"pingTimeout\":4321"), "from MicroProfile Config: " + open.body());
        assertTrue(open.body().contains("\"pingInterval\":25000"), "the context parameter came late: " + open.body());

        HttpResponse<String> warnings = eio.getAt("startup-warnings");
        assertEquals(200, warnings.statusCode(), warnings.body());
        String warning = warnings.body().lines().filter(line -> line.contains("created before the web module"))
                .findFirst().orElseThrow(() -> new AssertionError("no warning in: " + warnings.body()));
        assertTrue(warning.contains("tidewire.pingInterval"), warning);
        assertTrue(warning.contains("tidewire.maxHttpBufferSize"), warning);
        assertTrue(!warning.contains("tidewire.pingTimeout"), "MicroProfile Config answered it: " + warning);
    }
}
