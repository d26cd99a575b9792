package dev.tidewire.internal.jakarta;

import dev.tidewire.server.TransactionHook;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * {@link TransactionHook} over the container's JTA {@link TransactionSynchronizationRegistry}: an action is held in an
 * interposed synchronization of the caller's transaction and runs on the committing thread after a commit.
 */
final class JtaTransactionHook implements TransactionHook {
    private static final Logger LOG = System.getLogger("tidewire.socketio");
    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    private final TransactionSynchronizationRegistry registry;

    JtaTransactionHook(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** The container's hook, or {@link TransactionHook#NONE} (logged) where the server has no JTA. */
    static TransactionHook lookUp() {
        try {
            return new JtaTransactionHook((TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY));
        } catch (NamingException | ClassCastException | NoClassDefFoundError e) {
            LOG.log(Level.INFO, "no JTA transaction registry ({0}); afterCommit() emits at once", e.toString());
            return TransactionHook.NONE;
        }
    }

    @Override
    public boolean deferToCommit(Runnable action) {
        int status = registry.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) return false;
        if (status == Status.STATUS_MARKED_ROLLBACK) {
            LOG.log(Level.DEBUG, "afterCommit action dropped: the transaction is marked for rollback");
            return true;
        }
        // throws IllegalStateException once the transaction is completing: too late to hold anything for it
        registry.registerInterposedSynchronization(new RunAfterCommit(action));
        return true;
    }

    private record RunAfterCommit(Runnable action) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) return;
            try {
                action.run();
            } catch (RuntimeException e) {
                // the transaction has committed; its outcome must not depend on the emit
                LOG.log(Level.WARNING, "an afterCommit action failed after the commit", e);
            }
        }
    }
}
