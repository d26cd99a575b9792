package dev.tidewire.server;

import dev.tidewire.internal.engine.HttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The official browser client bundle ({@code socket.io-client}'s {@code dist/} files, copied into the classes under
 * {@value #RESOURCE_DIR} by the build) and the reference's HTTP answers for it: {@code ETag} is the quoted client
 * version, {@code If-None-Match} with it (strong or weak) gives 304, {@code Cache-Control: public, max-age=0},
 * JavaScript or JSON content type, gzip or deflate when {@code Accept-Encoding} allows. Each file is read once; each
 * coded form is made once, on first demand, and every answer is built once and then shared.
 */
public final class ClientBundleFiles {
    public static final String RESOURCE_DIR = "dev/tidewire/client/";
    /** The files served, as named in {@code socket.io-client/dist/}. */
    public static final List<String> NAMES = List.of("socket.io.js", "socket.io.js.map", "socket.io.min.js",
            "socket.io.min.js.map", "socket.io.esm.min.js", "socket.io.esm.min.js.map");
    static final String JAVASCRIPT = "application/javascript; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";
    static final String CACHE_CONTROL = "public, max-age=0";

    private final String version;
    private final String etag;
    private final Map<String, BundleFile> files;
    private final HttpResponse notModified;

    private ClientBundleFiles(String version, Map<String, byte[]> contents) {
        this.version = version;
        this.etag = '"' + version + '"';
        Map<String, BundleFile> map = new LinkedHashMap<>();
        contents.forEach((name, bytes) -> map.put(name, new BundleFile(name, bytes)));
        this.files = Map.copyOf(map);
        this.notModified = HttpResponse.empty(304, commonHeaders());
    }

    /** Files and version from this class's class loader; fails when the build did not put them there. */
    public static ClientBundleFiles load() throws IOException {
        return load(ClientBundleFiles.class.getClassLoader());
    }

    public static ClientBundleFiles load(ClassLoader loader) throws IOException {
        Properties props = new Properties();
        try (InputStream in = open(loader, "client.properties")) {
            props.load(in);
        }
        String version = props.getProperty("version");
        if (version == null || version.isBlank()) throw new IOException(RESOURCE_DIR + "client.properties has no version");
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String name : NAMES) {
            try (InputStream in = open(loader, name)) {
                contents.put(name, in.readAllBytes());
            }
        }
        return new ClientBundleFiles(version.trim(), contents);
    }

    /** A bundle of the given contents (file name to bytes), for tests and embedders. */
    public static ClientBundleFiles of(String version, Map<String, byte[]> contents) {
        return new ClientBundleFiles(version, contents);
    }

    private static InputStream open(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) throw new IOException(RESOURCE_DIR + name + " is not on the class path (the build copies it from npm)");
        return in;
    }

    public String version() {
        return version;
    }

    /** The strong entity tag sent with every answer: the quoted client version. */
    public String etag() {
        return etag;
    }

    public Set<String> names() {
        return files.keySet();
    }

    /**
     * The answer for one file, or null when {@code name} is not a bundle file. The body array is shared: callers
     * write it and never change it.
     */
    public HttpResponse respond(String name, String ifNoneMatch, String acceptEncoding) {
        BundleFile file = files.get(name);
        if (file == null) return null;
        if (matches(ifNoneMatch, etag)) return notModified;
        return file.response(ContentCoding.negotiate(acceptEncoding));
    }

    /**
     * Whether an {@code If-None-Match} value names this entity: the reference accepts the tag itself or its weak
     * form; lists and {@code *} (RFC 9110 weak comparison) are accepted as well.
     */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals(etag) || tag.equals("*")) return true;
        }
        return false;
    }

    private Map<String, String> commonHeaders() {
        return Map.of("Cache-Control", CACHE_CONTROL, "ETag", etag, "Vary", "Accept-Encoding");
    }

    private final class BundleFile {
        private final String contentType;
        private final byte[] identity;
        private final Map<ContentCoding, HttpResponse> responses = new EnumMap<>(ContentCoding.class);

        BundleFile(String name, byte[] identity) {
            this.contentType = name.endsWith(".map") ? JSON : JAVASCRIPT;
            this.identity = identity;
        }

        synchronized HttpResponse response(ContentCoding coding) {
            return responses.computeIfAbsent(coding, c -> {
                Map<String, String> headers = new LinkedHashMap<>(commonHeaders());
                if (c.token() != null) headers.put("Content-Encoding", c.token());
                return new HttpResponse(200, contentType, c.encode(identity), headers);
            });
        }
    }
}
