package dev.tidewire.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built artifacts (no server involved): the embeddable jar holds only the library, the shipped WAR holds no
 * fixture, and the fixture WAR is the shipped WAR plus the fixtures.
 */
class LibraryArtifactIT {
    private static final Path TARGET = Path.of(System.getProperty("project.basedir", "."), "target");
    private static final List<String> LIBRARY_PACKAGES = List.of(
            "dev/tidewire/server/", "dev/tidewire/jakarta/", "dev/tidewire/monitor/", "dev/tidewire/internal/");
    /** Servlet annotations that make a container mount something as soon as the jar is on the classpath. */
    private static final List<String> MOUNTING_ANNOTATIONS = List.of("Ljakarta/servlet/annotation/WebListener;",
            "Ljakarta/servlet/annotation/WebServlet;", "Ljakarta/servlet/annotation/WebFilter;",
            "Ljakarta/websocket/server/ServerEndpoint;");

    @Test
    void theEmbeddableJarHoldsOnlyTheLibraryPackages() throws IOException {
        List<String> classes = classesIn(TARGET.resolve("tidewire-classes.jar"), "");
        assertTrue(classes.contains("dev/tidewire/server/SocketIoServer.class"), "the jar lacks the server API");
        assertTrue(classes.contains("dev/tidewire/internal/jakarta/SocketIoExtension.class"), "the jar lacks the glue");
        List<String> foreign = classes.stream()
                .filter(c -> LIBRARY_PACKAGES.stream().noneMatch(c::startsWith)).toList();
        assertEquals(List.of(), foreign, "classes outside the library's packages");
    }

    @Test
    void theOnlyThingTheJarMountsByItselfIsTheSocketIoServer() throws IOException {
        Map<String, String> mounting = mountingClasses(TARGET.resolve("tidewire-classes.jar"), "");
        assertEquals(Map.of("dev/tidewire/internal/jakarta/SocketIoListener.class", "Ljakarta/servlet/annotation/WebListener;"),
                mounting);
    }

    @Test
    void theShippedWarHoldsNoFixtureAndTheFixtureWarDoes() throws IOException {
        String prefix = "WEB-INF/classes/";
        List<String> shipped = classesIn(TARGET.resolve("tidewire.war"), prefix);
        List<String> fixtures = classesIn(TARGET.resolve("tidewire-fixtures.war"), prefix);
        assertTrue(shipped.contains("dev/tidewire/demo/chat/ChatNamespace.class"), "the shipped WAR is the demo");
        assertFalse(shipped.stream().anyMatch(c -> c.startsWith("dev/tidewire/fixture/")), "fixtures in the shipped WAR");
        assertTrue(fixtures.contains("dev/tidewire/fixture/FixtureListener.class"), "the fixture WAR lacks the fixtures");
        List<String> fixtureWarWithoutFixtures = new ArrayList<>(fixtures);
        fixtureWarWithoutFixtures.removeIf(c -> c.startsWith("dev/tidewire/fixture/"));
        assertEquals(shipped, fixtureWarWithoutFixtures, "the fixture WAR is the shipped WAR plus the fixtures");
    }

    /** Class entries under {@code prefix}, with the prefix removed, sorted. */
    private static List<String> classesIn(Path archive, String prefix) throws IOException {
        assertTrue(Files.isRegularFile(archive), archive + " is missing: the ITs run after `package`");
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".class"))
                    .map(n -> n.substring(prefix.length())).sorted().toList();
        }
    }

    /** Classes whose constant pool names one of the mounting annotations, with the first one named. */
    private static Map<String, String> mountingClasses(Path archive, String prefix) throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : zip.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                String bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
                MOUNTING_ANNOTATIONS.stream().filter(bytes::contains).findFirst()
                        .ifPresent(a -> found.put(entry.getName().substring(prefix.length()), a));
            }
        }
        return found;
    }
}
