package dev.tidewire.internal.jakarta;

import io.undertow.servlet.spec.WebConnectionImpl;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.WebConnection;

import java.io.IOException;

/**
 * What {@link UndertowUpgrade} gives its {@link UpgradedWebSocket}: Undertow's own upgraded connection, with the
 * input read by {@link ShortReadInput} instead of Undertow's stream (which is never started, so never reads).
 */
final class UndertowWebConnection implements WebConnection {
    private final WebConnectionImpl undertow;
    private final ShortReadInput input;

    UndertowWebConnection(WebConnectionImpl undertow, ShortReadInput input) {
        this.undertow = undertow;
        this.input = input;
    }

    @Override
    public ServletInputStream getInputStream() {
        return input;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return undertow.getOutputStream();
    }

    @Override
    public void close() throws Exception {
        try {
            input.close();
        } finally {
            undertow.close();
        }
    }
}
