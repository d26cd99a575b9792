package dev.tidewire.jakarta;

import jakarta.servlet.ServletContext;

/** Placeholder seam for serving the browser client bundle (replaced when the bundle servlet lands). */
final class ClientBundleHook {
    private ClientBundleHook() {
    }

    static void register(ServletContext context, String path) {
        // wired to ClientBundle.register once it is merged
    }
}
