package dev.tidewire.internal.admin;

import dev.tidewire.internal.engine.HttpResponse;
import dev.tidewire.server.StaticFiles;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The Admin UI's own page: {@code @socket.io/admin-ui}'s {@code ui/dist} files, which the build copies into the
 * classes under {@value #RESOURCE_DIR} with an index of their names and the package's version, and the HTTP answers
 * for them ({@link StaticFiles}; PNG images are sent as they are). Only the indexed names are served, so no request
 * can reach another resource.
 */
public final class AdminUiFiles {
    public static final String RESOURCE_DIR = "dev/tidewire/admin-ui/";
    static final String INDEX_FILE = "admin-ui.properties";
    /** What the UI's root serves. */
    public static final String INDEX_PAGE = "index.html";

    private final StaticFiles files;

    private AdminUiFiles(String version, Map<String, byte[]> contents) {
        this.files = new StaticFiles(version, contents, AdminUiFiles::contentTypeOf,
                type -> !type.startsWith("image/png"), Map.of("X-Content-Type-Options", "nosniff"));
    }

    /** The files from this class's class loader; fails when the build did not put them there. */
    public static AdminUiFiles load() throws IOException {
        ClassLoader loader = AdminUiFiles.class.getClassLoader();
        Properties index = new Properties();
        try (InputStream in = StaticFiles.open(loader, RESOURCE_DIR, INDEX_FILE)) {
            index.load(in);
        }
        String version = index.getProperty("version", "").trim();
        String names = index.getProperty("files", "").trim();
        if (version.isEmpty() || names.isEmpty()) throw new IOException(RESOURCE_DIR + INDEX_FILE + " is incomplete");
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String name : names.split(",")) {
            try (InputStream in = StaticFiles.open(loader, RESOURCE_DIR, name)) {
                contents.put(name, in.readAllBytes());
            }
        }
        return new AdminUiFiles(version, contents);
    }

    /** Files of the given contents (name relative to the UI's root, to bytes), for tests. */
    static AdminUiFiles of(String version, Map<String, byte[]> contents) {
        return new AdminUiFiles(version, contents);
    }

    /** The version of {@code @socket.io/admin-ui} the files come from. */
    public String version() {
        return files.version();
    }

    /**
     * The answer for {@code name} (relative to the UI's root; empty for the page itself), or null when it is not a
     * file of the UI. The body array is shared: callers write it and never change it.
     */
    public HttpResponse respond(String name, String ifNoneMatch, String acceptEncoding) {
        return files.respond(name.isEmpty() ? INDEX_PAGE : name, ifNoneMatch, acceptEncoding);
    }

    static String contentTypeOf(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "js" -> "application/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "json" -> "application/json; charset=utf-8";
            default -> "application/octet-stream";
        };
    }
}
