package dev.tidewire.demo.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo's REST API under {@code /api}: application code outside Socket.IO that pushes to clients. */
@ApplicationPath("/api")
public class DemoApi extends Application {
}
