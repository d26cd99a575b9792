package dev.tidewire.server;

/**
 * Ties work to the outcome of the caller's transaction, for {@link BroadcastOperator#afterCommit()}. In a Jakarta EE
 * deployment the container glue installs one backed by JTA; embedders may install their own with
 * {@link SocketIoServer#transactionHook(TransactionHook)}.
 */
@FunctionalInterface
public interface TransactionHook {
    /** The hook of a server that knows no transactions: every action runs at once. */
    TransactionHook NONE = action -> false;

    /**
     * Holds {@code action} until the transaction active on the calling thread ends, runs it only if that transaction
     * commits, and returns {@code true}; returns {@code false} when no transaction is active, and the caller runs
     * the action itself. An action held for a transaction that rolls back is dropped.
     */
    boolean deferToCommit(Runnable action);
}
