package dev.tidewire.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
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

    public static WebArchive conformanceWar() {
        return conformanceWar(Map.of());
    }

    /** The conformance fixture with more context parameters (options), e.g. recovery on. */
    public static WebArchive conformanceWar(Map<String, String> moreParams) {
        StringBuilder more = new StringBuilder();
        moreParams.forEach((k, v) -> more.append("  <context-param><param-name>").append(k)
                .append("</param-name><param-value>").append(v).append("</param-value></context-param>\n"));
        WebArchive archive = fixtureWar();
        archive.setWebXML(new StringAsset("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param>
                    <param-name>tidewire.fixture</param-name>
                    <param-value>conformance</param-value>
                  </context-param>
                  <!-- the Socket.IO options of the conformance fixture, as server-config/conformance.sh sets them -->
                  <context-param><param-name>tidewire.pingInterval</param-name><param-value>300</param-value></context-param>
                  <context-param><param-name>tidewire.pingTimeout</param-name><param-value>200</param-value></context-param>
                  <context-param><param-name>tidewire.maxHttpBufferSize</param-name><param-value>1000000</param-value></context-param>
                  <context-param><param-name>tidewire.connectTimeout</param-name><param-value>1000</param-value></context-param>
                  <context-param><param-name>tidewire.cors.origin</param-name><param-value>*</param-value></context-param>
                  <!-- the Socket.IO Admin UI's namespace /admin, auth off, and its page at /admin-ui/ -->
                  <context-param><param-name>tidewire.admin.enabled</param-name><param-value>true</param-value></context-param>
                  <context-param><param-name>tidewire.admin.uiPath</param-name><param-value>/admin-ui</param-value></context-param>
                %s</web-app>
                """.formatted(more)));
        return archive;
    }
}
