package dev.tidewire.it.payara;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

import java.io.File;

/**
 * The {@code payara-shared} qualifier's properties in arquillian.xml: the same launch settings as the
 * {@code payara} qualifier (Payara's own connector), plus where the one Payara Micro listens and logs.
 */
public class SharedPayaraMicroConfiguration implements ContainerConfiguration {
    private String microJar;
    private String cmdOptions = "";
    private String extraMicroOptions = "";
    /** The first HTTP port tried; the first free one from there up (at most 1000 further) is used. */
    private int httpPort = 8080;
    private int startupTimeoutInSeconds = 180;
    private int deploymentTimeoutInSeconds = 180;
    /** Payara Micro's output; empty: a file next to the Micro jar. */
    private String logFile = "";

    @Override
    public void validate() throws ConfigurationException {
        if (microJar == null || !new File(microJar).isFile()) {
            throw new ConfigurationException("microJar " + microJar + " is not a file: the ITs run after `package`");
        }
        if (httpPort < 1 || httpPort > 65535) throw new ConfigurationException("httpPort " + httpPort);
        if (startupTimeoutInSeconds < 1 || deploymentTimeoutInSeconds < 1) {
            throw new ConfigurationException("timeouts must be positive");
        }
    }

    public String getMicroJar() {
        return microJar;
    }

    public void setMicroJar(String microJar) {
        this.microJar = microJar;
    }

    public String getCmdOptions() {
        return cmdOptions;
    }

    public void setCmdOptions(String cmdOptions) {
        this.cmdOptions = cmdOptions;
    }

    public String getExtraMicroOptions() {
        return extraMicroOptions;
    }

    public void setExtraMicroOptions(String extraMicroOptions) {
        this.extraMicroOptions = extraMicroOptions;
    }

    public int getHttpPort() {
        return httpPort;
    }

    public void setHttpPort(int httpPort) {
        this.httpPort = httpPort;
    }

    public int getStartupTimeoutInSeconds() {
        return startupTimeoutInSeconds;
    }

    public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
        this.startupTimeoutInSeconds = startupTimeoutInSeconds;
    }

    public int getDeploymentTimeoutInSeconds() {
        return deploymentTimeoutInSeconds;
    }

    public void setDeploymentTimeoutInSeconds(int deploymentTimeoutInSeconds) {
        this.deploymentTimeoutInSeconds = deploymentTimeoutInSeconds;
    }

    public String getLogFile() {
        return logFile;
    }

    public void setLogFile(String logFile) {
        this.logFile = logFile;
    }
}
