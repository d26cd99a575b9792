package dev.tidewire.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official Socket.IO v2 client (socket.io-client 2.x, Engine.IO v3) against a deployment with
 * {@code tidewire.allowEIO3=true} (src/test/node/eio3/v2-clients.mjs): every transport setting, events, acks and
 * binary both ways, rooms shared with v4 clients, namespaces, middleware refusals, the v3 heartbeat, and the binary
 * polling response's Content-Type; and the Java client of that era ({@code io.socket:socket.io-client} 1.0.x, in a JVM
 * of its own: src/test/java-client-v1). That v2 clients are refused with the option off is in the default Node suite
 * ({@link NodeInteropIT}, sio-v2-refused.test.mjs).
 * <p>
 * The heartbeat is 1 s + 2 s ({@link Deployments#eio3War()} says why).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Eio3InteropIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.eio3War();
    }

    @ArquillianResource
    URL base;

    @Test
    void socketIoV2ClientsPassTheV2Suite() throws Exception {
        NodeSuite.run(base, "eio3-interop", "eio3/v2-clients.mjs");
    }

    @Test
    void theJavaClientOfTheV2EraPassesOnEachTransportSetting() throws Exception {
        for (String transports : List.of("websocket", "polling", "polling,websocket")) {
            List<String> lines = runJavaClientV1(transports);
            String where = "io.socket:socket.io-client 1.0.2 over " + transports + ": " + lines;
            assertEquals(List.of(
                    "auth {}", // as the reference: a v2 client sends no CONNECT for "/", so the main namespace has no auth
                    "ack [hi,42,bytes:[1,2,3]]",
                    "message-back [text,bytes:[4,5]]",
                    "interop-auth {\"token\":\"java-v1\"}" // the query of its CONNECT to /interop
            ), lines.subList(0, Math.min(4, lines.size())), where);
            assertTrue(lines.size() == 7 && lines.get(4).startsWith("rooms [") && lines.get(4).contains("\"v2-room\""),
                    where);
            assertEquals(List.of("news [from-java-v1,bytes:[9]]", "done "), lines.subList(5, 7), where);
        }
    }

    /** Runs the 1.0.x client from its source file with the jars the build fetched into target/java-client-v1. */
    private List<String> runJavaClientV1(String transports) throws IOException, InterruptedException {
        Path basedir = Path.of(System.getProperty("project.basedir", "."));
        List<String> classPath = new ArrayList<>();
        try (Stream<Path> jars = Files.list(basedir.resolve("target/java-client-v1"))) {
            jars.filter(j -> j.toString().endsWith(".jar")).forEach(j -> classPath.add(j.toString()));
        }
        assertEquals(5, classPath.size(), "the five jars of the 1.0.2 client: " + classPath);
        String url = base.toString().replaceAll("/$", "");
        Path errors = basedir.resolve("target/java-client-v1-" + transports.replace(',', '-') + ".err");
        Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, classPath),
                basedir.resolve("src/test/java-client-v1/SocketIoV2JavaClient.java").toString(), url, transports)
                .redirectError(errors.toFile())
                .start();
        try {
            assertTrue(client.waitFor(120, TimeUnit.SECONDS), "the 1.0.2 client ended in time over " + transports);
            List<String> lines = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().toList();
            assertEquals(0, client.exitValue(), "the 1.0.2 client's exit code over " + transports + ": " + lines
                    + "; its stderr is in " + errors);
            return lines;
        } finally {
            client.destroyForcibly();
        }
    }
}
