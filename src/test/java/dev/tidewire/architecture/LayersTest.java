package dev.tidewire.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.tidewire.engine.violation.ServletInEngine;
import dev.tidewire.server.SocketIoServer;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The library's layers, bottom to top: engine (Engine.IO), parser (Socket.IO packets), server (the Socket.IO API),
 * jakarta (the container glue). A layer uses only the layers below it, and only the glue touches the container.
 * The demo and the fixtures sit on top; nothing in the library uses them.
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
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("engine").definedBy("dev.tidewire.engine..")
                .layer("parser").definedBy("dev.tidewire.parser..")
                .layer("server").definedBy("dev.tidewire.server..")
                .layer("jakarta").definedBy("dev.tidewire.jakarta..")
                .layer("applications").definedBy("dev.tidewire.demo..", "dev.tidewire.fixture..")
                .whereLayer("applications").mayNotBeAccessedByAnyLayer()
                .whereLayer("jakarta").mayOnlyBeAccessedByLayers("applications")
                .whereLayer("server").mayOnlyBeAccessedByLayers("jakarta", "applications")
                .whereLayer("parser").mayOnlyBeAccessedByLayers("server", "jakarta", "applications")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("parser", "server", "jakarta", "applications");
    }

    private static ArchRule containerOnlyInTheGlue() {
        return noClasses().that().resideInAnyPackage("dev.tidewire.engine..", "dev.tidewire.parser..",
                        "dev.tidewire.server..")
                .should().dependOnClassesThat().resideInAnyPackage(CONTAINER);
    }
}
