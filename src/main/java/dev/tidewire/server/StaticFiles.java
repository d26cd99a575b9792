package dev.tidewire.server;

import dev.tidewire.internal.engine.ContentCoding;
import dev.tidewire.internal.engine.HttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Files of one npm package version held in memory, with the reference's HTTP answers for its client bundle:
 * {@code ETag} is the quoted version, {@code If-None-Match} naming it (strong, weak, in a list, or {@code *}) gives
 * 304, {@code Cache-Control: public, max-age=0}, gzip or deflate where the content type compresses and
 * {@code Accept-Encoding} allows. Each coded form is made once, on first demand, and every answer is built once and
 * then shared. The client bundle ({@link ClientBundleFiles}) and the Admin UI's page use it.
 */
public final class StaticFiles {
    static final String CACHE_CONTROL = "public, max-age=0";

    private final String version;
    private final String etag;
    private final Map<String, String> commonHeaders;
    private final Map<String, StaticFile> files;
    private final HttpResponse notModified;

    /**
     * @param contentTypes   the content type of a file name
     * @param compressible   whether a content type is worth gzip or deflate
     * @param extraHeaders   sent with every answer, next to the caching ones
     */
    public StaticFiles(String version, Map<String, byte[]> contents, Function<String, String> contentTypes,
                       Predicate<String> compressible, Map<String, String> extraHeaders) {
        this.version = version;
        this.etag = '"' + version + '"';
        Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
        headers.put("Cache-Control", CACHE_CONTROL);
        headers.put("ETag", etag);
        headers.put("Vary", "Accept-Encoding");
        this.commonHeaders = Map.copyOf(headers);
        Map<String, StaticFile> map = new LinkedHashMap<>();
        contents.forEach((name, bytes) -> {
            String type = contentTypes.apply(name);
            map.put(name, new StaticFile(type, compressible.test(type), bytes));
        });
        this.files = Map.copyOf(map);
        this.notModified = HttpResponse.empty(304, commonHeaders);
    }

    /** A class-path resource the build copied, or an {@link IOException} saying so. */
    public static InputStream open(ClassLoader loader, String directory, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(directory + name);
        if (in == null) {
            throw new IOException(directory + name + " is not on the class path (the build copies it from npm)");
        }
        return in;
    }

    public String version() {
        return version;
    }

    /** The strong entity tag sent with every answer: the quoted version. */
    public String etag() {
        return etag;
    }

    public Set<String> names() {
        return files.keySet();
    }

    /**
     * The answer for one file, or null when {@code name} is not one of them. The body array is shared: callers write
     * it and never change it.
     */
    public HttpResponse respond(String name, String ifNoneMatch, String acceptEncoding) {
        StaticFile file = files.get(name);
        if (file == null) return null;
        if (matches(ifNoneMatch, etag)) return notModified;
        return file.response(file.compressible ? ContentCoding.negotiate(acceptEncoding) : ContentCoding.IDENTITY);
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

    private final class StaticFile {
        private final String contentType;
        private final boolean compressible;
        private final byte[] identity;
        private final Map<ContentCoding, HttpResponse> responses = new EnumMap<>(ContentCoding.class);

        StaticFile(String contentType, boolean compressible, byte[] identity) {
            this.contentType = contentType;
            this.compressible = compressible;
            this.identity = identity;
        }

        synchronized HttpResponse response(ContentCoding coding) {
            return responses.computeIfAbsent(coding, c -> {
                Map<String, String> headers = new LinkedHashMap<>(commonHeaders);
                if (c.token() != null) headers.put("Content-Encoding", c.token());
                return new HttpResponse(200, contentType, c.encode(identity), headers);
            });
        }
    }
}
