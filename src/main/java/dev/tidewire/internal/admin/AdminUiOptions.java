package dev.tidewire.internal.admin;

import java.util.Objects;

/**
 * The reference's {@code instrument(io, options)}: the admin namespace's name, its account ({@code null}: no
 * authentication), the mode, whether the UI may only look ({@code readonly}), and the id the UI lists this server
 * under ({@code null}: the host name).
 */
public record AdminUiOptions(String namespace, AdminCredentials credentials, AdminMode mode, boolean readonly,
                             String serverId) {
    public static final String DEFAULT_NAMESPACE = "/admin";

    public AdminUiOptions {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(mode, "mode");
        if (!namespace.startsWith("/")) namespace = "/" + namespace; // as io.of(name) does
        if (serverId != null && serverId.isBlank()) serverId = null;
    }

    /** The reference's defaults, with authentication off. */
    public static AdminUiOptions defaults() {
        return new AdminUiOptions(DEFAULT_NAMESPACE, null, AdminMode.DEVELOPMENT, false, null);
    }

    public AdminUiOptions withCredentials(AdminCredentials account) {
        return new AdminUiOptions(namespace, account, mode, readonly, serverId);
    }

    public AdminUiOptions withMode(AdminMode newMode) {
        return new AdminUiOptions(namespace, credentials, newMode, readonly, serverId);
    }

    public AdminUiOptions withReadonly(boolean newReadonly) {
        return new AdminUiOptions(namespace, credentials, mode, newReadonly, serverId);
    }
}
