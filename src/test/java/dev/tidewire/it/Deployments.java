package dev.tidewire.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixture WAR the build produced (target/tidewire-fixtures.war: the shipped demo WAR plus the test fixtures),
 * deployed at context root /, with the conformance fixture switched on.
 */
public final class Deployments {
    private Deployments() {
    }

    /**
     * The deployment's URL on the loopback address. Payara Micro reports the machine's network address as its host;
     * the tests only ever talk to this machine over loopback.
     */
    public static URI loopback(URL base) {
        URI uri = URI.create(base.toString());
        try {
            return new URI(uri.getScheme(), uri.getUserInfo(), "127.0.0.1", uri.getPort(), uri.getPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
    }

    /** The fixture WAR as built, with its own deployment descriptor still to be set. */
    public static WebArchive fixtureWar() {
        File war = new File(System.getProperty("project.basedir", "."), "target/tidewire-fixtures.war");
        if (!war.isFile()) throw new IllegalStateException(war + " is missing: the ITs run after `package`");
        return ShrinkWrap.create(ZipImporter.class, "tidewire.war").importFrom(war).as(WebArchive.class);
    }

    /** The conformance fixture's {@code maxHttpBufferSize}: the reference's default. */
    static final int CONFORMANCE_MAX_HTTP_BUFFER_SIZE = 1_000_000;

    /**
     * The reference's heartbeat, for {@link #conformanceWar(Map)}: for ITs where the fixture's 300 ms pings would race
     * what they check (a long poll open at a Payara undeploy; a megabyte frame on a loaded machine).
     */
    static final Map<String, String> REFERENCE_HEARTBEAT = Map.of("tidewire.pingInterval", "25000",
            "tidewire.pingTimeout", "20000");

    /**
     * The conformance fixture open to Socket.IO v2 clients ({@code allowEIO3}), with a 1 s + 2 s heartbeat rather than
     * 300 + 200 ms: a v2 client pings the server, and its ping can wait behind a large POST in flight (polling) or go
     * through a form POST in an iframe (JSONP); with the fixture's timings the session closed with "ping timeout", as
     * the reference server's would.
     */
    static WebArchive eio3War() {
        return conformanceWar(Map.of("tidewire.allowEIO3", "true",
                "tidewire.pingInterval", "1000", "tidewire.pingTimeout", "2000"));
    }

    public static WebArchive conformanceWar() {
        return conformanceWar(Map.of());
    }

    /** The options of the conformance fixture, as server-config/conformance.sh sets them. */
    private static Map<String, String> conformanceOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("tidewire.fixture", "conformance");
        options.put("tidewire.pingInterval", "300");
        options.put("tidewire.pingTimeout", "200");
        options.put("tidewire.maxHttpBufferSize", String.valueOf(CONFORMANCE_MAX_HTTP_BUFFER_SIZE));
        options.put("tidewire.connectTimeout", "1000");
        options.put("tidewire.cors.origin", "*");
        // the Socket.IO Admin UI's namespace /admin, auth off, and its page at /admin-ui/
        options.put("tidewire.admin.enabled", "true");
        options.put("tidewire.admin.uiPath", "/admin-ui");
        return options;
    }

    /**
     * The conformance fixture (whose web.xml sets pingInterval 300 and pingTimeout 200 as context parameters) with
     * {@code properties} as its MicroProfile Config file.
     */
    static WebArchive conformanceWarWithMicroProfileConfig(String properties) {
        return conformanceWar().addAsResource(new StringAsset(properties), "META-INF/microprofile-config.properties");
    }

    /** The conformance fixture with some options changed or added, e.g. recovery on. */
    public static WebArchive conformanceWar(Map<String, String> changedOptions) {
        return conformanceWar(changedOptions, "");
    }

    /** As {@link #conformanceWar(Map)}, with {@code moreWebXml} (elements such as a filter) in the descriptor. */
    static WebArchive conformanceWar(Map<String, String> changedOptions, String moreWebXml) {
        Map<String, String> options = conformanceOptions();
        options.putAll(changedOptions);
        StringBuilder params = new StringBuilder();
        options.forEach((k, v) -> params.append("  <context-param><param-name>").append(k)
                .append("</param-name><param-value>").append(v).append("</param-value></context-param>\n"));
        return fixtureWar().setWebXML(new StringAsset("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                + "version=\"6.0\">\n" + params + moreWebXml + "</web-app>\n"));
    }
}
