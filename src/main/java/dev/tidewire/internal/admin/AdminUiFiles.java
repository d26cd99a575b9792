package dev.tidewire.internal.admin;

import dev.tidewire.internal.engine.HttpResponse;
import dev.tidewire.server.ContentCoding;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The Admin UI's own page: {@code @socket.io/admin-ui}'s {@code ui/dist} files, which the build copies into the
 * classes under {@value #RESOURCE_DIR} with an index of their names and the package's version, and the HTTP answers
 * for them. Only the indexed names are served, so no request can reach another resource. {@code ETag} is the quoted
 * version ({@code If-None-Match} with it gives 304); text is gzipped or deflated when the client accepts it. Each
 * file is read once, each coded form made once on first demand.
 */
public final class AdminUiFiles {
    public static final String RESOURCE_DIR = "dev/tidewire/admin-ui/";
    static final String INDEX_FILE = "admin-ui.properties";
    /** What the UI's root serves. */
    public static final String INDEX_PAGE = "index.html";
    static final String CACHE_CONTROL = "public, max-age=0";

    private final String version;
    private final String etag;
    private final Map<String, UiFile> files;
    private final HttpResponse notModified;

    private AdminUiFiles(String version, Map<String, byte[]> contents) {
        this.version = version;
        this.etag = '"' + version + '"';
        Map<String, UiFile> map = new LinkedHashMap<>();
        contents.forEach((name, bytes) -> map.put(name, new UiFile(name, bytes)));
        this.files = Map.copyOf(map);
        this.notModified = HttpResponse.empty(304, commonHeaders());
    }

    /** The files from this class's class loader; fails when the build did not put them there. */
    public static AdminUiFiles load() throws IOException {
        ClassLoader loader = AdminUiFiles.class.getClassLoader();
        Properties index = new Properties();
        try (InputStream in = open(loader, INDEX_FILE)) {
            index.load(in);
        }
        String version = index.getProperty("version", "").trim();
        String names = index.getProperty("files", "").trim();
        if (version.isEmpty() || names.isEmpty()) throw new IOException(RESOURCE_DIR + INDEX_FILE + " is incomplete");
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String name : names.split(",")) {
            try (InputStream in = open(loader, name)) {
                contents.put(name, in.readAllBytes());
            }
        }
        return new AdminUiFiles(version, contents);
    }

    /** Files of the given contents (name relative to the UI's root, to bytes), for tests. */
    static AdminUiFiles of(String version, Map<String, byte[]> contents) {
        return new AdminUiFiles(version, contents);
    }

    private static InputStream open(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) throw new IOException(RESOURCE_DIR + name + " is not on the class path (the build copies it from npm)");
        return in;
    }

    /** The version of {@code @socket.io/admin-ui} the files come from. */
    public String version() {
        return version;
    }

    /**
     * The answer for {@code name} (relative to the UI's root; empty for the page itself), or null when it is not a
     * file of the UI. The body array is shared: callers write it and never change it.
     */
    public HttpResponse respond(String name, String ifNoneMatch, String acceptEncoding) {
        UiFile file = files.get(name.isEmpty() ? INDEX_PAGE : name);
        if (file == null) return null;
        if (names(ifNoneMatch, etag)) return notModified;
        return file.response(file.compressible ? ContentCoding.negotiate(acceptEncoding) : ContentCoding.IDENTITY);
    }

    /** Whether an {@code If-None-Match} list names this entity, weakly compared (RFC 9110), {@code *} included. */
    private static boolean names(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.equals(etag) || tag.equals("*")) return true;
        }
        return false;
    }

    private Map<String, String> commonHeaders() {
        return Map.of("Cache-Control", CACHE_CONTROL, "ETag", etag, "Vary", "Accept-Encoding",
                "X-Content-Type-Options", "nosniff");
    }

    private final class UiFile {
        private final String contentType;
        private final boolean compressible;
        private final byte[] identity;
        private final Map<ContentCoding, HttpResponse> responses = new EnumMap<>(ContentCoding.class);

        UiFile(String name, byte[] identity) {
            this.contentType = contentTypeOf(name);
            this.compressible = !contentType.startsWith("image/png");
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
