package dev.tidewire.it.payara;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An Arquillian container (qualifier {@code payara-shared}) that starts Payara Micro once, in {@link #start()}, and
 * deploys every test class's archive into that one JVM and undeploys it after the class. Payara's own connector
 * ({@code arquillian-payara-micro-managed}) launches a Micro with {@code --deploy} in {@code deploy()} and kills it in
 * {@code undeploy()}, so it pays a Micro start (about 11 s) per test class.
 * <p>
 * The Micro is started with a probe WAR ({@link SharedPayaraProbeServlet} at {@code /payara-shared-probe}), which deploys
 * and undeploys WAR files of this machine through Payara Micro's runtime API and lists the deployed applications.
 * Each archive is deployed under its own name (the archive's name without {@code .war}) at its own context root: the
 * {@code <context-root>} of its {@code WEB-INF/glassfish-web.xml}, else its name, as Payara would choose. After an
 * undeploy the probe must be the only application left.
 * <p>
 * Only client-mode deployments ({@code testable = false}) are used by the ITs; the metadata names the Servlet
 * protocol's runner at the application's context root, but in-container tests were not tried with this container.
 */
public class SharedPayaraMicroContainer implements DeployableContainer<SharedPayaraMicroConfiguration> {
    private static final Logger LOG = Logger.getLogger(SharedPayaraMicroContainer.class.getName());
    private static final String PROBE = "payara-shared-probe";
    private static final String HOST = "127.0.0.1";
    private static final Pattern CONTEXT_ROOT = Pattern.compile("<context-root>\\s*([^<]*?)\\s*</context-root>");
    /** How far past the configured HTTP port a free one is looked for, as Payara Micro's --autoBindRange. */
    private static final int PORT_RANGE = 1000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private SharedPayaraMicroConfiguration config;
    private Process micro;
    private Thread killOnExit;
    private Path workDir;
    private Path log;
    private int port;

    @Override
    public Class<SharedPayaraMicroConfiguration> getConfigurationClass() {
        return SharedPayaraMicroConfiguration.class;
    }

    @Override
    public void setup(SharedPayaraMicroConfiguration configuration) {
        this.config = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public void start() throws LifecycleException {
        Path jar = Path.of(config.getMicroJar()).toAbsolutePath();
        try {
            workDir = Files.createTempDirectory(jar.getParent(), "payara-shared-");
            Path probe = workDir.resolve(PROBE + ".war");
            ShrinkWrap.create(WebArchive.class, PROBE + ".war").addClasses(SharedPayaraProbeServlet.class, PayaraMicroRuntime.class)
                    .as(ZipExporter.class).exportTo(probe.toFile(), true);
            port = firstFreePort(config.getHttpPort());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(words(config.getCmdOptions()));
            command.addAll(List.of("-jar", jar.toString(), "--deploy", probe.toString(), "--port",
                    String.valueOf(port), "--nocluster"));
            command.addAll(words(config.getExtraMicroOptions()));
            log = config.getLogFile().isBlank() ? jar.resolveSibling("payara-shared.log")
                    : Path.of(config.getLogFile());
            Files.createDirectories(log.toAbsolutePath().getParent());
            LOG.info("starting Payara Micro on port " + port + " (output: " + log + "): " + command);
            micro = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new LifecycleException("could not start Payara Micro", e);
        }
        Process started = micro;
        killOnExit = new Thread(() -> started.destroyForcibly(), "kill-shared-payara-micro");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.getStartupTimeoutInSeconds());
        while (true) {
            try {
                if (deployedApplications().contains(PROBE)) break;
            } catch (IOException e) {
                // not listening yet
            }
            try {
                if (micro.waitFor(250, TimeUnit.MILLISECONDS)) {
                    int exit = micro.exitValue();
                    stop();
                    throw new LifecycleException("Payara Micro exited with " + exit + "; see " + log);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new LifecycleException("interrupted while Payara Micro started", e);
            }
            if (System.nanoTime() - deadline > 0) {
                stop();
                throw new LifecycleException("Payara Micro did not deploy its probe within "
                        + config.getStartupTimeoutInSeconds() + " s; see " + log);
            }
        }
        LOG.info("Payara Micro (pid " + micro.pid() + ") is ready on port " + port);
    }

    @Override
    public void stop() throws LifecycleException {
        if (micro != null) {
            micro.destroy();
            try {
                if (!micro.waitFor(60, TimeUnit.SECONDS)) {
                    micro.destroyForcibly();
                    micro.waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                micro.destroyForcibly();
                Thread.currentThread().interrupt();
            } finally {
                micro = null;
            }
        }
        if (killOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs anyway
            }
            killOnExit = null;
        }
        if (workDir != null) {
            deleteTree(workDir);
            workDir = null;
        }
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String name = applicationName(archive);
        String contextRoot = contextRoot(archive, name);
        if (contextRoot.equals("/" + PROBE)) throw new DeploymentException(contextRoot + " is the probe's");
        Path war = workDir.resolve(archive.getName());
        archive.as(ZipExporter.class).exportTo(war.toFile(), true);
        post("deploy?name=" + encode(name) + "&contextroot=" + encode(contextRoot) + "&war="
                + encode(war.toAbsolutePath().toString()), "deploying " + archive.getName());
        List<String> apps = applicationsOrFail();
        if (!apps.contains(name)) {
            throw new DeploymentException(name + " is not among the deployed applications " + apps + "; see " + log);
        }
        HTTPContext context = new HTTPContext(HOST, port);
        context.add(new Servlet("ArquillianServletRunnerEE9", contextRoot));
        return new ProtocolMetaData().addContext(context);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        String name = applicationName(archive);
        post("undeploy?name=" + encode(name), "undeploying " + archive.getName());
        try {
            Files.deleteIfExists(workDir.resolve(archive.getName()));
        } catch (IOException e) {
            LOG.warning("could not delete " + archive.getName() + ": " + e);
        }
        // every class starts from a Micro that holds the probe only
        List<String> left = new ArrayList<>(applicationsOrFail());
        left.remove(PROBE);
        if (!left.isEmpty()) {
            throw new DeploymentException("still deployed after undeploying " + name + ": " + left + "; see " + log);
        }
    }

    @Override
    public void deploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed by " + getClass().getSimpleName());
    }

    @Override
    public void undeploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("descriptors are not deployed by " + getClass().getSimpleName());
    }

    private static String applicationName(Archive<?> archive) throws DeploymentException {
        String file = archive.getName();
        if (!file.endsWith(".war")) {
            throw new DeploymentException(file + ": only WARs are deployed into the shared Payara Micro");
        }
        return file.substring(0, file.length() - ".war".length());
    }

    /** The {@code <context-root>} of the archive's glassfish-web.xml, else its name (Payara's choice). */
    static String contextRoot(Archive<?> archive, String name) {
        Node descriptor = archive.get("/WEB-INF/glassfish-web.xml");
        String root = name;
        if (descriptor != null && descriptor.getAsset() != null) {
            try (InputStream in = descriptor.getAsset().openStream()) {
                Matcher m = CONTEXT_ROOT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (m.find()) root = m.group(1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        root = root.replaceAll("^/+|/+$", "");
        return "/" + root;
    }

    private void post(String pathAndQuery, String what) throws DeploymentException {
        HttpRequest request = HttpRequest.newBuilder(probe(pathAndQuery))
                .timeout(Duration.ofSeconds(config.getDeploymentTimeoutInSeconds()))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeploymentException(what + " failed: " + e + "; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException(what + " interrupted", e);
        }
        if (response.statusCode() != 204) {
            throw new DeploymentException(what + " failed: " + response.statusCode() + " " + response.body()
                    + "; see " + log);
        }
    }

    private List<String> applicationsOrFail() throws DeploymentException {
        try {
            return deployedApplications();
        } catch (IOException e) {
            throw new DeploymentException("listing the deployed applications failed: " + e + "; see " + log, e);
        }
    }

    /** The deployed applications' names, as the probe lists them; an IOException while the probe is not up. */
    private List<String> deployedApplications() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(probe("apps")).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != 200) throw new IOException("probe answered " + response.statusCode());
        return response.body().lines().filter(l -> !l.isBlank()).toList();
    }

    private URI probe(String pathAndQuery) {
        return URI.create("http://" + HOST + ":" + port + "/" + PROBE + "/" + pathAndQuery);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> words(String options) {
        return options == null || options.isBlank() ? List.of()
                : Arrays.stream(options.trim().split("\\s+")).toList();
    }

    /** The first port from {@code first} up that nothing listens on (all interfaces, as Payara binds). */
    private static int firstFreePort(int first) throws IOException {
        for (int p = first; p <= Math.min(65535, first + PORT_RANGE); p++) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(p));
                return p;
            } catch (IOException busy) {
                // try the next one
            }
        }
        throw new IOException("no free port in " + first + ".." + (first + PORT_RANGE));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warning("could not delete " + dir + ": " + e);
        }
    }
}
