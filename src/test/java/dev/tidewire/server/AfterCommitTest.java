package dev.tidewire.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code afterCommit()}: held while a transaction is active, sent on commit, dropped on rollback, at once without one. */
class AfterCommitTest {
    /** A transaction on the test's thread: actions registered while it is open run at commit. */
    private static final class FakeTransaction implements TransactionHook {
        private List<Runnable> held;

        void begin() {
            held = new ArrayList<>();
        }

        void commit() {
            List<Runnable> actions = held;
            held = null;
            actions.forEach(Runnable::run);
        }

        void rollback() {
            held = null;
        }

        @Override
        public boolean deferToCommit(Runnable action) {
            if (held == null) return false;
            held.add(action);
            return true;
        }
    }

    private final SioTestServer t = new SioTestServer();
    private final FakeTransaction tx = new FakeTransaction();
    private SioTestServer.Peer member;
    private SioTestServer.Peer outsider;

    @BeforeEach
    void connect() {
        t.io.transactionHook(tx);
        member = t.connect();
        outsider = t.connect();
        t.io.sockets().sockets().get(member.connectTo("/")).join("orders");
        outsider.connectTo("/");
    }

    @Test
    void anEmitHeldInATransactionIsSentToItsRoomOnlyAtCommit() {
        int m = member.mark();
        int o = outsider.mark();
        tx.begin();
        t.io.afterCommit().to("orders").emit("order", 7);
        member.assertNothingSince(m);
        tx.commit();
        assertEquals(List.of("42[\"order\",7]"), member.textsSince(m));
        outsider.assertNothingSince(o);
    }

    @Test
    void anEmitHeldInATransactionThatRollsBackIsNeverSent() {
        int m = member.mark();
        tx.begin();
        t.io.to("orders").afterCommit().emit("order", 7);
        tx.rollback();
        t.io.to("orders").emit("after-rollback");
        assertEquals(List.of("42[\"after-rollback\"]"), member.textsSince(m));
    }

    @Test
    void withoutATransactionTheEmitIsSentAtOnce() {
        int m = member.mark();
        t.io.afterCommit().to("orders").emit("order", 7);
        assertEquals(List.of("42[\"order\",7]"), member.textsSince(m));
    }

    @Test
    void anEmitWithoutAfterCommitIsNotHeldByAnActiveTransaction() {
        int m = member.mark();
        tx.begin();
        t.io.to("orders").emit("now");
        assertEquals(List.of("42[\"now\"]"), member.textsSince(m));
        tx.rollback();
    }

    @Test
    void theArgumentsAreEncodedWhenEmitIsCalled() {
        int m = member.mark();
        List<String> items = new ArrayList<>(List.of("a"));
        tx.begin();
        t.io.afterCommit().to("orders").emit("order", items);
        items.add("b");
        tx.commit();
        assertEquals(List.of("42[\"order\",[\"a\"]]"), member.textsSince(m));
    }

    @Test
    void roomChangesAndDisconnectsAreHeldToo() {
        Socket s = t.io.sockets().sockets().values().stream().filter(x -> x.rooms().contains("orders"))
                .findFirst().orElseThrow();
        tx.begin();
        t.io.afterCommit().to("orders").socketsJoin("vip");
        assertFalse(s.rooms().contains("vip"));
        tx.commit();
        assertTrue(s.rooms().contains("vip"));

        tx.begin();
        t.io.of("/").afterCommit().in("vip").disconnectSockets(false);
        assertTrue(s.connected());
        tx.rollback();
        assertTrue(s.connected());
    }

    @Test
    void emitWithAckRefusesToWaitForACommit() {
        assertThrows(UnsupportedOperationException.class,
                () -> t.io.afterCommit().timeout(1000).emitWithAck("order"));
    }
}
