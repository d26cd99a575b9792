package dev.tidewire.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.tidewire.internal.engine.violation.ServletInEngine;
import dev.tidewire.server.SocketIoServer;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The library's layers, bottom to top: the public parser SPI (a wire format of the application's own), which uses no
 * other layer; engine (Engine.IO) and parser (Socket.IO packets), both internal; server (the
 * public Socket.IO API); beside each other over it, monitoring (JMX), the Admin UI's server side and the Redis
 * adapter, each reached only from the glue, except the Redis adapter, which the public emitter (emitting from outside
 * a cluster, through its Redis) also sits on; the public CDI annotations and settings; the internal container glue. A
 * layer uses only the layers below it, and only the glue and the CDI API touch the container. The demo sits on top and, like any
 * application, uses only the public API. (The fixtures are test code and may use internals.)
 */
class LayersTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tidewire");

    /** Container APIs; JSON-P ({@code jakarta.json}) is a library the parser uses, not the container. */
    private static final String[] CONTAINER = {
            "jakarta.servlet..", "jakarta.websocket..", "jakarta.enterprise..", "jakarta.inject..",
            "jakarta.annotation..", "jakarta.ejb..", "jakarta.transaction..", "javax.naming..", "io.undertow..",
            "org.glassfish..", "org.jboss.."};

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layers().check(MAIN);
    }

    @Test
    void onlyTheGlueTouchesTheContainer() {
        containerOnlyInTheGlue().check(MAIN);
    }

    @Test
    void theRulesRejectAnEngineClassThatUsesTheServletApiAndTheServerLayer() {
        JavaClasses violating = new ClassFileImporter().importClasses(ServletInEngine.class, SocketIoServer.class);
        assertThrows(AssertionError.class, () -> layers().check(violating));
        assertThrows(AssertionError.class, () -> containerOnlyInTheGlue().check(violating));
    }

    private static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(false)
                .layer("engine").definedBy("dev.tidewire.internal.engine..")
                .layer("parser").definedBy("dev.tidewire.internal.parser..")
                .layer("parser spi").definedBy("dev.tidewire.server.parser..")
                .layer("server").definedBy("dev.tidewire.server", "dev.tidewire.server.cluster..")
                .layer("monitor").definedBy("dev.tidewire.monitor..", "dev.tidewire.internal.monitor..")
                .layer("admin ui").definedBy("dev.tidewire.internal.admin..")
                .layer("redis adapter").definedBy("dev.tidewire.internal.redis..")
                .layer("emitter").definedBy("dev.tidewire.emitter..")
                .layer("cdi api").definedBy("dev.tidewire.jakarta..")
                .layer("glue").definedBy("dev.tidewire.internal.jakarta..")
                .layer("demo").definedBy("dev.tidewire.demo..")
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .whereLayer("glue").mayNotBeAccessedByAnyLayer()
                .whereLayer("monitor").mayOnlyBeAccessedByLayers("glue")
                .whereLayer("admin ui").mayOnlyBeAccessedByLayers("glue")
                .whereLayer("emitter").mayNotBeAccessedByAnyLayer()
                .whereLayer("redis adapter").mayOnlyBeAccessedByLayers("glue", "emitter")
                .whereLayer("cdi api").mayOnlyBeAccessedByLayers("glue", "demo")
                .whereLayer("server").mayOnlyBeAccessedByLayers("monitor", "admin ui", "redis adapter", "cdi api", "glue",
                        "demo")
                .whereLayer("parser").mayOnlyBeAccessedByLayers("server", "monitor", "redis adapter", "glue")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("parser", "server", "monitor", "admin ui", "glue")
                .whereLayer("parser spi").mayOnlyBeAccessedByLayers("parser", "server", "glue", "demo");
    }

    private static ArchRule containerOnlyInTheGlue() {
        return noClasses().that().resideInAnyPackage("dev.tidewire.internal.engine..", "dev.tidewire.internal.parser..",
                        "dev.tidewire.monitor..", "dev.tidewire.internal.monitor..", "dev.tidewire.internal.admin..",
                        "dev.tidewire.internal.redis..", "dev.tidewire.emitter..", "dev.tidewire.server..")
                .should().dependOnClassesThat().resideInAnyPackage(CONTAINER);
    }
}
