package dev.tidewire.server;

/** Refuses a namespace connection; the client receives CONNECT_ERROR {@code {message, data}}. */
public class ConnectionRefusedException extends Exception {
    private final transient Object data;

    public ConnectionRefusedException(String message) {
        this(message, null);
    }

    /** @param data any JSON-able value sent as {@code data}; omitted when null */
    public ConnectionRefusedException(String message, Object data) {
        super(message, null, false, false);
        this.data = data;
    }

    public Object data() {
        return data;
    }
}
