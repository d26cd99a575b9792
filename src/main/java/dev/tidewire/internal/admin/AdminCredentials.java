package dev.tidewire.internal.admin;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.IllegalBCryptFormatException;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The Admin UI's one account: a user name and the bcrypt hash of its password (any of the {@code $2a$}, {@code $2b$},
 * {@code $2y$} forms that {@code bcryptjs}, {@code htpasswd -B} or Spring write). A malformed hash is refused here, at
 * startup, as the reference refuses it, rather than failing every login later.
 */
public record AdminCredentials(String username, String passwordHash) {
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    /** As bcryptjs: a password past bcrypt's 72 bytes is cut there rather than refused. */
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(VERSION, LongPasswordStrategies.truncate(VERSION));

    public AdminCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        if (username.isEmpty()) throw new IllegalArgumentException("the admin user name must not be empty");
        try { // parsed, not hashed: a costly hash would slow down every startup
            VERSION.parser.parse(passwordHash.getBytes(StandardCharsets.UTF_8));
        } catch (IllegalBCryptFormatException e) {
            throw new IllegalArgumentException("the admin password must be a valid bcrypt hash: " + e.getMessage());
        }
    }

    /** Whether these are the account's user name and password; slow on purpose (bcrypt), so never on an I/O thread. */
    boolean matches(String user, String password) {
        if (!username.equals(user) || password == null) return false;
        return VERIFYER.verify(password.toCharArray(), passwordHash.toCharArray()).verified;
    }

    /** The hash stays out of logs and JMX. */
    @Override
    public String toString() {
        return "AdminCredentials[username=" + username + "]";
    }
}
