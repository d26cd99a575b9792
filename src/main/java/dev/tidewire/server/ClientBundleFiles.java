package dev.tidewire.server;

import dev.tidewire.internal.engine.HttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The official browser client bundle ({@code socket.io-client}'s {@code dist/} files, copied into the classes under
 * {@value #RESOURCE_DIR} by the build), answered as the reference does (see {@link StaticFiles}): JavaScript, or
 * JSON for the source maps.
 */
public final class ClientBundleFiles {
    public static final String RESOURCE_DIR = "dev/tidewire/client/";
    /** The files served, as named in {@code socket.io-client/dist/}. */
    public static final List<String> NAMES = List.of("socket.io.js", "socket.io.js.map", "socket.io.min.js",
            "socket.io.min.js.map", "socket.io.esm.min.js", "socket.io.esm.min.js.map");
    static final String JAVASCRIPT = "application/javascript; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";

    private final StaticFiles files;

    private ClientBundleFiles(String version, Map<String, byte[]> contents) {
        this.files = new StaticFiles(version, contents, name -> name.endsWith(".map") ? JSON : JAVASCRIPT,
                type -> true, Map.of());
    }

    /** Files and version from this class's class loader; fails when the build did not put them there. */
    public static ClientBundleFiles load() throws IOException {
        return load(ClientBundleFiles.class.getClassLoader());
    }

    public static ClientBundleFiles load(ClassLoader loader) throws IOException {
        Properties props = new Properties();
        try (InputStream in = StaticFiles.open(loader, RESOURCE_DIR, "client.properties")) {
            props.load(in);
        }
        String version = props.getProperty("version");
        if (version == null || version.isBlank()) throw new IOException(RESOURCE_DIR + "client.properties has no version");
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String name : NAMES) {
            try (InputStream in = StaticFiles.open(loader, RESOURCE_DIR, name)) {
                contents.put(name, in.readAllBytes());
            }
        }
        return new ClientBundleFiles(version.trim(), contents);
    }

    /** A bundle of the given contents (file name to bytes), for tests and embedders. */
    public static ClientBundleFiles of(String version, Map<String, byte[]> contents) {
        return new ClientBundleFiles(version, contents);
    }

    public String version() {
        return files.version();
    }

    /** The strong entity tag sent with every answer: the quoted client version. */
    public String etag() {
        return files.etag();
    }

    public Set<String> names() {
        return files.names();
    }

    /** The answer for one file, or null when {@code name} is not a bundle file (see {@link StaticFiles#respond}). */
    public HttpResponse respond(String name, String ifNoneMatch, String acceptEncoding) {
        return files.respond(name, ifNoneMatch, acceptEncoding);
    }
}
