package dev.tidewire.internal.admin;

/** Values the Admin UI tests share. */
final class AdminTesting {
    /** A server identity that does not depend on the machine the tests run on. */
    static final ServerIdentity IDENTITY = new ServerIdentity("server-1", "host-a", 4242, () -> 12_500);

    private AdminTesting() {
    }
}
