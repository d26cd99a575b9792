package dev.tidewire.it;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.net.URL;

/**
 * Base of the ITs that drive the deployment with the official Java client: {@link #clients} opens sockets on it and
 * closes them after each test. Each subclass declares its own deployment.
 */
abstract class WithJavaClients {
    @ArquillianResource
    URL base;

    JavaClients clients;

    @BeforeEach
    void openClients() {
        clients = new JavaClients(base);
    }

    @AfterEach
    void closeClients() {
        clients.closeAll();
    }
}
